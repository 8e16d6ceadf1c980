import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../electron/core/sync/request-signing';
import { startPlatform } from '../../platform/server/start-platform';
import { PushResponse } from '../../shared/sync/wire';
import { backends } from './support/backends';
import { AdminClient, product, Till } from './support/clients';
import { orderPaid } from './support/payloads';

/**
 * Stopping the platform (what SIGTERM does in `serve`) lets a push that is already in flight
 * finish: its head is sent with `Expect: 100-continue`, and once the platform has answered
 * "continue" (Node does so as it hands the request to the routes) it is told to stop; only then is
 * the body sent. The push must still be applied and answered, and no new connection is taken
 * meanwhile. No timing decides it: the stop comes while the platform cannot have any of the body.
 */
describe.each(backends)('stopping the platform, on $name', (backend) => {
  it('finishes a push in flight and then stops', async () => {
    const storage = await backend.freshStorage();
    const platform = await startPlatform({ ...storage.options, port: 0 });
    try {
      const admin = new AdminClient(platform.url, platform.adminToken);
      await admin.products([product('G-1')]);
      const till = await Till.pair(platform.url, (await admin.createStore('停机店')).pairingCode);
      const sales = Array.from({ length: 50 }, () => till.next('order.paid', orderPaid({ sku: 'G-1' })));
      const body = Buffer.from(JSON.stringify({ deviceId: till.deviceId, auditHead: null, mutations: sales }));
      const headers = signRequest({
        deviceId: till.deviceId,
        key: till.key,
        method: 'POST',
        pathAndQuery: '/v1/sync/push',
        body: body.toString('utf8'),
      });
      const push = request(`${platform.url}/v1/sync/push`, {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(body.length),
          expect: '100-continue',
        },
      });
      const inFlight = new Promise<void>((resolve) => push.once('continue', () => resolve()));
      const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
        push.on('error', reject);
        push.on('response', (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
        });
      });
      push.flushHeaders();
      await inFlight;

      const stopped = platform.close();
      await expect(fetch(`${platform.url}/v1/health`)).rejects.toThrow();
      push.end(body);
      const answer = await answered;
      await stopped;

      // APPLIED is answered only after the push's transaction committed.
      expect(answer.status).toBe(200);
      const results = PushResponse.parse(JSON.parse(answer.text)).results;
      expect(results.map((result) => result.status)).toEqual(sales.map(() => 'APPLIED'));
    } finally {
      await platform.close();
      await storage.dispose();
    }
  }, 120_000);
});
