import { beforeAll, describe, expect, it } from 'vitest';
import { generateDeviceKey, signRequest } from '../../electron/core/sync/request-signing';
import { SIGNATURE_WINDOW_MS } from '../../shared/sync/wire';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { type PartialAnswer, pushOpening, sendPartBody } from './support/partial-body';
import { stockMoved } from './support/payloads';

const MB = 1024 * 1024;
// What the security review sent; the client here writes only the first 64 KB of it.
const ANNOUNCED = 31 * MB;
const opening = pushOpening(64 * 1024);

/** Refused with this status and code from the headers alone, and the connection closed unread. */
async function refusedUnread(answer: PartialAnswer, status: number, code: string): Promise<void> {
  expect({ status: answer.status, body: answer.body }).toEqual({
    status,
    body: { error: { code, message: expect.any(String) } },
  });
  expect(answer.sent).toBe(opening.length);
  expect(answer.headers.connection).toBe('close');
  await answer.closed;
}

describe.each(backends)('authentication before the body on $name', (backend) => {
  const get = usePlatform(backend);
  let till: Till;

  beforeAll(async () => {
    const { admin, url } = get();
    till = await Till.pair(url, (await admin.createStore('Auth first')).pairingCode);
  });

  const signedAs = (deviceId: string, key = till.key, now = Date.now()) =>
    signRequest({ deviceId, key, method: 'POST', pathAndQuery: '/v1/sync/push', body: opening.toString() }, now);

  it('refuses an unsigned 31 MB push after its first 64 KB and closes the connection', async () => {
    const announced = await sendPartBody(get().url, {
      path: '/v1/sync/push',
      declaredLength: ANNOUNCED,
      sent: opening,
    });
    await refusedUnread(announced, 401, 'signature_missing');
    // Sent chunked, with no length to go by, it is refused all the same.
    const chunked = await sendPartBody(get().url, { path: '/v1/sync/push', declaredLength: null, sent: opening });
    await refusedUnread(chunked, 401, 'signature_missing');
  });

  it('refuses an unknown device, a stale timestamp and a revoked device before the body', async () => {
    const { admin, url } = get();
    const stranger = generateDeviceKey().key;
    const unknown = signedAs('01900000-0000-7000-8000-000000000000', stranger);
    const send = (headers: Record<string, string>) =>
      sendPartBody(url, { path: '/v1/sync/push', headers, declaredLength: ANNOUNCED, sent: opening });
    await refusedUnread(await send(unknown), 401, 'device_unknown');
    const stale = signedAs(till.deviceId, till.key, Date.now() - SIGNATURE_WINDOW_MS - 60_000);
    await refusedUnread(await send(stale), 401, 'timestamp_stale');

    const lost = await Till.pair(url, (await admin.createStore('Auth first, revoked')).pairingCode);
    await admin.ok('POST', `/v1/admin/devices/${lost.deviceId}/revoke`);
    await refusedUnread(await send(signedAs(lost.deviceId, lost.key)), 403, 'device_revoked');
  });

  it('refuses the admin API without its token before the body', async () => {
    const answer = await sendPartBody(get().url, {
      method: 'PUT',
      path: '/v1/admin/catalog/products',
      headers: { authorization: 'Bearer not-the-token' },
      declaredLength: ANNOUNCED,
      sent: opening,
    });
    await refusedUnread(answer, 401, 'admin_token_invalid');
  });

  it('verifies the signature before parsing: a body other than the signed one is refused, not parsed', async () => {
    const signedBody = JSON.stringify({ deviceId: till.deviceId, auditHead: null, mutations: [] });
    const headers = {
      ...signRequest({
        deviceId: till.deviceId,
        key: till.key,
        method: 'POST',
        pathAndQuery: '/v1/sync/push',
        body: signedBody,
      }),
      'content-type': 'application/json',
    };
    for (const sent of ['{"not json', `${'['.repeat(5_000)}${']'.repeat(5_000)}`]) {
      const response = await fetch(`${get().url}/v1/sync/push`, { method: 'POST', headers, body: sent });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'signature_invalid' } });
    }
  });

  it("lets the till's own client read a refusal of a 1 MB push it was still sending", async () => {
    const body = {
      deviceId: till.deviceId,
      auditHead: null,
      mutations: [till.next('stock.moved', stockMoved('DRK-0001', 1))],
    };
    const padded = { ...body, padding: 'x'.repeat(MB) };
    const answer = await till.signed('POST', '/v1/sync/push', padded, {
      now: Date.now() - SIGNATURE_WINDOW_MS - 60_000,
    });
    expect(answer).toMatchObject({ status: 401, body: { error: { code: 'timestamp_stale' } } });
    till.seq -= 1;
  });

  it('still takes a signed push and a signed pull', async () => {
    const pushed = await till.push([till.next('stock.moved', stockMoved('DRK-0001', 5))]);
    expect(pushed.results).toEqual([expect.objectContaining({ status: 'APPLIED' })]);
    expect((await till.pull('catalog')).hasMore).toBe(false);
  });
});
