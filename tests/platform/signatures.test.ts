import { beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../electron/core/sync/request-signing';
import { SIGNATURE_WINDOW_MS, signatureHeaders } from '../../shared/sync/wire';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { stockMoved } from './support/payloads';

const refusal = (status: number, code: string) => ({ status, body: { error: { code, message: expect.any(String) } } });

describe.each(backends)('signed requests on $name', (backend) => {
  const get = usePlatform(backend);
  let till: Till;
  let otherStoreTill: Till;

  beforeAll(async () => {
    const { admin, url } = get();
    till = await Till.pair(url, (await admin.createStore('Signing A')).pairingCode);
    otherStoreTill = await Till.pair(url, (await admin.createStore('Signing B')).pairingCode);
  });

  const pushBody = (deviceId: string) => ({ deviceId, auditHead: null, mutations: [] });

  it('accepts a correctly signed request', async () => {
    expect(await till.signed('POST', '/v1/sync/push', pushBody(till.deviceId))).toMatchObject({
      status: 200,
      body: { ackSeq: 0, results: [], expectedSeq: null },
    });
  });

  it('refuses a request without signature headers', async () => {
    const response = await fetch(`${get().url}/v1/sync/pull?stream=catalog`);
    expect({ status: response.status, body: await response.json() }).toEqual(refusal(401, 'signature_missing'));
    // One header short is as good as none.
    const headers = signRequest({
      deviceId: till.deviceId,
      key: till.key,
      method: 'GET',
      pathAndQuery: '/v1/sync/pull?stream=catalog',
      body: '',
    });
    delete headers[signatureHeaders.nonce];
    const partial = await fetch(`${get().url}/v1/sync/pull?stream=catalog`, { headers });
    expect(partial.status).toBe(401);
    expect(await partial.json()).toMatchObject({ error: { code: 'signature_missing' } });
  });

  it('refuses an unknown device', async () => {
    expect(
      await till.signed('GET', '/v1/sync/pull?stream=catalog', undefined, {
        signAs: '01900000-0000-7000-8000-000000000000',
      }),
    ).toEqual(refusal(401, 'device_unknown'));
    expect(await till.signed('GET', '/v1/sync/pull?stream=catalog', undefined, { signAs: 'till-1' })).toEqual(
      refusal(401, 'device_unknown'),
    );
  });

  it('refuses a signature that does not cover what was sent', async () => {
    const { url } = get();
    const body = JSON.stringify(pushBody(till.deviceId));
    const headers = signRequest({
      deviceId: till.deviceId,
      key: till.key,
      method: 'POST',
      pathAndQuery: '/v1/sync/push',
      body,
    });
    const send = (path: string, sent: string) =>
      fetch(url + path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: sent });
    // The same JSON re-spaced is other bytes: the digest covers the raw body.
    const respaced = await send('/v1/sync/push', body.replace(':', ': '));
    expect(respaced.status).toBe(401);
    expect(await respaced.json()).toMatchObject({ error: { code: 'signature_invalid' } });
    const otherPath = await send('/v1/sync/push?x=1', body);
    expect(otherPath.status).toBe(401);
    // Another device's key signing in this device's name.
    expect(
      await otherStoreTill.signed('GET', '/v1/sync/pull?stream=catalog', undefined, { signAs: till.deviceId }),
    ).toEqual(refusal(401, 'signature_invalid'));
  });

  it('refuses a timestamp outside the window either way', async () => {
    for (const skew of [-SIGNATURE_WINDOW_MS - 60_000, SIGNATURE_WINDOW_MS + 60_000]) {
      expect(await till.signed('GET', '/v1/sync/pull?stream=catalog', undefined, { now: Date.now() + skew })).toEqual(
        refusal(401, 'timestamp_stale'),
      );
    }
    expect(
      await till.signed('GET', '/v1/sync/pull?stream=catalog', undefined, { now: Date.now() - 60_000 }),
    ).toMatchObject({
      status: 200,
    });
  });

  it('refuses a replayed request', async () => {
    const { url } = get();
    const body = JSON.stringify({
      deviceId: till.deviceId,
      auditHead: null,
      mutations: [till.next('stock.moved', stockMoved('DRK-0001', 5))],
    });
    const headers = {
      ...signRequest({ deviceId: till.deviceId, key: till.key, method: 'POST', pathAndQuery: '/v1/sync/push', body }),
      'content-type': 'application/json',
    };
    const first = await fetch(`${url}/v1/sync/push`, { method: 'POST', headers, body });
    expect(first.status).toBe(200);
    const replay = await fetch(`${url}/v1/sync/push`, { method: 'POST', headers, body });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: { code: 'request_replayed' } });
  });

  it('refuses a body that names another device, even of another store', async () => {
    expect(await till.signed('POST', '/v1/sync/push', pushBody(otherStoreTill.deviceId))).toEqual(
      refusal(403, 'device_mismatch'),
    );
    const records = await get().admin.records(otherStoreTill.pairing.storeId);
    expect(records.devices[0].lastSeq).toBe(0);
  });

  it('refuses a revoked device', async () => {
    const { admin, url } = get();
    const store = await admin.createStore('Revoked');
    const lost = await Till.pair(url, store.pairingCode);
    expect(await admin.ok('POST', `/v1/admin/devices/${lost.deviceId}/revoke`)).toEqual({
      deviceId: lost.deviceId,
      revoked: true,
    });
    expect(await lost.signed('POST', '/v1/sync/push', pushBody(lost.deviceId))).toEqual(refusal(403, 'device_revoked'));
    expect(await lost.signed('GET', '/v1/sync/wait?timeout=0')).toEqual(refusal(403, 'device_revoked'));
  });

  it('refuses a malformed signed query with 400, not 500', async () => {
    expect(await till.signed('GET', '/v1/sync/pull?stream=vouchers')).toMatchObject({
      status: 400,
      body: { error: { code: 'request_invalid' } },
    });
    expect(await till.signed('GET', '/v1/sync/pull?stream=catalog&limit=0')).toMatchObject({ status: 400 });
    expect(await till.signed('GET', '/v1/sync/wait?timeout=61')).toMatchObject({ status: 400 });
    expect(await till.signed('POST', '/v1/sync/push', { deviceId: till.deviceId })).toMatchObject({ status: 400 });
  });
});
