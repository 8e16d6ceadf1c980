import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../electron/core/sync/request-signing';
import { uuidv7 } from '../../shared/ids';
import { PUSH_BODY_MAX_BYTES } from '../../shared/sync/wire';
import { backends, usePlatform } from './support/backends';
import { pairRequest, product, Till } from './support/clients';
import { pushOpening, sendPartBody } from './support/partial-body';
import { orderPaid } from './support/payloads';

const KB = 1024;
const MB = 1024 * KB;
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** A chunked body written whole but never ended: the platform must answer from what it has. */
function sendChunked(url: string, path: string, headers: Record<string, string>, body: Buffer) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', agent: false, headers });
    req.on('error', reject);
    req.on('response', (response) => {
      req.removeListener('error', reject);
      req.on('error', () => undefined);
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
      );
    });
    req.write(body);
  });
}

describe.each(backends)('body limits on $name', (backend) => {
  const get = usePlatform(backend);
  let till: Till;

  beforeAll(async () => {
    const { admin, url } = get();
    till = await Till.pair(url, (await admin.createStore('Limits')).pairingCode);
  });

  const signedHeaders = (path: string, body: string) => ({
    ...signRequest({ deviceId: till.deviceId, key: till.key, method: 'POST', pathAndQuery: path, body }),
    'content-type': 'application/json',
  });

  it('refuses a signed push announced past the limit with 413, before reading it', async () => {
    const sent = pushOpening(64 * KB);
    const answer = await sendPartBody(get().url, {
      path: '/v1/sync/push',
      headers: signedHeaders('/v1/sync/push', sent.toString()),
      declaredLength: PUSH_BODY_MAX_BYTES + 1,
      sent,
    });
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 413,
      body: {
        error: {
          code: 'body_too_large',
          message: 'The request body is larger than the 4 MB this endpoint takes.',
          params: { limit: '4 MB' },
        },
      },
    });
    await answer.closed;
  });

  it('refuses a signed chunked push once it passes the limit, with no length announced', async () => {
    const body = pushOpening(PUSH_BODY_MAX_BYTES + 256 * KB);
    const answer = await sendChunked(get().url, '/v1/sync/push', signedHeaders('/v1/sync/push', body.toString()), body);
    expect(answer).toMatchObject({ status: 413, body: { error: { code: 'body_too_large' } } });
  });

  it('gives pairing and redemption calls the small limits their bodies need', async () => {
    const { url } = get();
    const pairing = await pairRequest(url, { code: '12345678', publicKey: 'x', deviceName: 'x'.repeat(20 * KB) });
    expect(pairing).toMatchObject({
      status: 413,
      body: { error: { code: 'body_too_large', params: { limit: '16 KB' } } },
    });
    const redemption = JSON.stringify({ id: uuidv7(), code: 'x'.repeat(70 * KB) });
    const response = await fetch(`${url}/v1/redemptions`, {
      method: 'POST',
      headers: signedHeaders('/v1/redemptions', redemption),
      body: redemption,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { params: { limit: '64 KB' } } });
  });

  it('refuses JSON nested past 64 levels with 400 body_invalid, signed or not', async () => {
    const deep = JSON.stringify({ deviceId: till.deviceId, auditHead: null, mutations: JSON.parse(nested(60)) });
    const tooDeep = deep.replace(nested(60), nested(5_000));
    const push = (body: string) =>
      fetch(`${get().url}/v1/sync/push`, { method: 'POST', headers: signedHeaders('/v1/sync/push', body), body });
    const refused = await push(tooDeep);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'body_invalid' } });
    // Sixty levels is still JSON the platform reads: the push schema, not the parser, refuses it.
    const read = await push(deep);
    expect(read.status).toBe(400);
    expect(await read.json()).toMatchObject({ error: { code: 'request_invalid' } });
    const admin = await get().admin.call('PUT', '/v1/admin/catalog/products', JSON.parse(nested(100)));
    expect(admin).toMatchObject({ status: 400, body: { error: { code: 'body_invalid' } } });
    expect(await pairRequest(get().url, JSON.parse(nested(65)))).toMatchObject({ status: 400 });
  });

  it('still takes a normal push of 500 orders', async () => {
    const mutations = Array.from({ length: 500 }, () => till.next('order.paid', orderPaid()));
    const answer = await till.push(mutations);
    expect(answer.ackSeq).toBe(till.seq);
    expect(answer.results.every((result) => result.status === 'APPLIED')).toBe(true);
  });

  it('still takes a catalog import of 5,000 products in one call', async () => {
    const items = Array.from({ length: 5_000 }, (_, i) => ({
      ...product(`IMP-${String(i).padStart(5, '0')}`),
      nameZh: `农夫山泉饮用天然水 ${i} 号 550ml 整箱装`,
      nameEn: `Nongfu Spring natural water no. ${i}, 550 ml, case of 24`,
      barcodes: [`69${String(i).padStart(11, '0')}`, `68${String(i).padStart(11, '0')}`],
    }));
    expect(Buffer.byteLength(JSON.stringify({ items }))).toBeGreaterThan(1.5 * MB);
    expect(await get().admin.products(items)).toMatchObject({ upserted: 5_000 });
  });

  it('takes 5,000 products with every field at its maximum, every character escaped: about 25 MB', async () => {
    const c = '\u0001';
    const items = Array.from({ length: 5_000 }, (_, i) => ({
      ...product(`${String(i).padStart(5, '0')}${'S'.repeat(59)}`),
      barcodes: Array.from({ length: 20 }, (_, j) => `${String(i * 20 + j).padStart(7, '0')}${'1'.repeat(57)}`),
      plu: '1'.repeat(16),
      nameZh: c.repeat(200),
      nameEn: c.repeat(200),
      categoryZh: c.repeat(100),
      categoryEn: c.repeat(100),
    }));
    expect(Buffer.byteLength(JSON.stringify({ items }))).toBeGreaterThan(24 * MB);
    expect(await get().admin.ok('PUT', '/v1/admin/catalog/products', { items })).toMatchObject({ upserted: 5_000 });
  });
});
