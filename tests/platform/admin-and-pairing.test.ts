import { describe, expect, it } from 'vitest';
import { generateDeviceKey } from '../../electron/core/sync/request-signing';
import { backends, usePlatform } from './support/backends';
import { AdminClient, pairRequest, Till } from './support/clients';

const DAY_MS = 24 * 60 * 60_000;

describe.each(backends)('admin API and pairing on $name', (backend) => {
  // The clock only moves forward, so later tests can jump past a pairing code's expiry.
  let offset = 0;
  const get = usePlatform(backend, { now: () => Date.now() + offset });

  it('answers health without a token', async () => {
    const response = await fetch(`${get().url}/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('refuses the admin API without the right bearer token, in the caller’s language', async () => {
    const { url } = get();
    const wrong = new AdminClient(url, 'not-the-token');
    expect(await wrong.call('GET', '/v1/admin/stores')).toMatchObject({
      status: 401,
      body: { error: { code: 'admin_token_invalid', message: 'The admin token is missing or wrong.' } },
    });
    const missing = await fetch(`${url}/v1/admin/stores`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { code: 'admin_token_invalid', message: '管理令牌缺失或不正确。' } });
    const basic = await fetch(`${url}/v1/admin/stores`, { headers: { authorization: `Basic ${get().admin.token}` } });
    expect(basic.status).toBe(401);
  });

  it('creates a store with defaults and refuses bad input with 4xx JSON', async () => {
    const { admin } = get();
    const store = await admin.createStore('人民路店');
    expect(store).toMatchObject({ name: '人民路店', pairingCode: expect.stringMatching(/^\d{8}$/) });
    expect(await admin.ok('GET', `/v1/admin/stores/${store.storeId}`)).toEqual({
      storeId: store.storeId,
      name: '人民路店',
      currency: 'CNY',
      timeZone: 'Asia/Shanghai',
    });
    for (const body of [{}, { name: '' }, { name: 'x', currency: 'XYZW' }, { name: 'x', timeZone: 'Mars/Base' }]) {
      expect(await admin.call('POST', '/v1/admin/stores', body)).toMatchObject({
        status: 400,
        body: { error: { code: 'request_invalid' } },
      });
    }
    expect((await admin.call('POST', '/v1/admin/stores', { name: 'nul\u0000' })).status).toBe(400);
    const broken = await fetch(`${admin.url}/v1/admin/stores`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: 'body_invalid' } });
    expect(await admin.call('GET', '/v1/admin/stores/not-a-uuid/stock')).toMatchObject({
      status: 404,
      body: { error: { code: 'store_unknown' } },
    });
    expect(await admin.call('GET', '/v1/nothing-here')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    const plainText = await fetch(`${admin.url}/v1/admin/stores`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/plain' },
      body: 'name=x',
    });
    expect(plainText.status).toBe(415);
    expect(await plainText.json()).toMatchObject({ error: { code: 'content_type_unsupported' } });
  });

  it('pairs with a one-time code, handing out device codes A then B', async () => {
    const { admin, url } = get();
    const store = await admin.createStore('Pairing');
    const first = await Till.pair(url, store.pairingCode, 'Front till');
    expect(first.pairing).toMatchObject({ storeId: store.storeId, storeName: 'Pairing', deviceCode: 'A' });

    const { key } = generateDeviceKey();
    const again = await pairRequest(url, {
      code: store.pairingCode,
      publicKey: key.publicKeyBase64url,
      deviceName: 'x',
    });
    expect(again).toMatchObject({ status: 400, body: { error: { code: 'pairing_code_invalid' } } });

    const code = await admin.pairingCode(store.storeId);
    expect(code.code).toMatch(/^\d{8}$/);
    // People type codes in groups; the spaces are not part of it.
    const spaced = `${code.code.slice(0, 4)} ${code.code.slice(4)}`;
    const second = await Till.pair(url, spaced, 'Back till');
    expect(second.pairing.deviceCode).toBe('B');
    expect((await admin.records(store.storeId)).devices.map((device) => device.deviceCode)).toEqual(['A', 'B']);
  });

  it('refuses unknown codes, malformed keys and unknown stores', async () => {
    const { admin, url } = get();
    const { key } = generateDeviceKey();
    expect(
      await pairRequest(url, { code: '00000000', publicKey: key.publicKeyBase64url, deviceName: 'x' }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'pairing_code_invalid' } },
    });
    expect(await pairRequest(url, { code: '1234', publicKey: 'short', deviceName: 'x' })).toMatchObject({
      status: 400,
      body: { error: { code: 'request_invalid' } },
    });
    expect(
      await admin.call('POST', '/v1/admin/stores/01900000-0000-7000-8000-000000000000/pairing-codes'),
    ).toMatchObject({ status: 404, body: { error: { code: 'store_unknown' } } });
  });

  it('refuses a code after its 24 hours', async () => {
    const { admin, url } = get();
    const store = await admin.createStore('Expiry');
    expect(store.pairingCodeExpiresAt - (Date.now() + offset)).toBeGreaterThan(DAY_MS - 60_000);
    offset += DAY_MS + 1000;
    const { key } = generateDeviceKey();
    expect(
      await pairRequest(url, { code: store.pairingCode, publicKey: key.publicKeyBase64url, deviceName: 'x' }),
    ).toMatchObject({ status: 400, body: { error: { code: 'pairing_code_invalid' } } });
    const fresh = await admin.pairingCode(store.storeId);
    expect((await Till.pair(url, fresh.code)).pairing.deviceCode).toBe('A');
  });

  it('slows guessing: after ten wrong codes from one address even the right one waits out ten minutes', async () => {
    const { admin, url } = get();
    offset += DAY_MS;
    const store = await admin.createStore('Guarded');
    const { key } = generateDeviceKey();
    const attempt = (code: string) => pairRequest(url, { code, publicKey: key.publicKeyBase64url, deviceName: 'x' });
    for (let i = 0; i < 10; i++) {
      expect((await attempt(String(10_000_000 + i))).status).toBe(400);
    }
    expect(await attempt(store.pairingCode)).toMatchObject({
      status: 429,
      body: { error: { code: 'pairing_attempts', message: expect.stringContaining('10 min') } },
    });
    offset += 10 * 60_000 + 1_000;
    expect((await attempt(store.pairingCode)).status).toBe(200);
  });
});
