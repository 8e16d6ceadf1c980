import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isCurrencyCode } from '../../../shared/money';
import { PriceBatch, setStorePrices } from '../../data/catalog';
import { storeRecords } from '../../data/records';
import { stockLevels } from '../../data/stock';
import { createStore, issuePairingCode, listStores, requireStore, revokeDevice } from '../../data/stores';
import { parseInput } from '../../errors';
import type { PlatformContext } from '../context';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const StoreInput = z.object({
  name: z.string().trim().min(1).max(80),
  currency: z.string().refine(isCurrencyCode, 'not an ISO 4217 currency code').default('CNY'),
  timeZone: z.string().max(64).refine(isTimeZone, 'not an IANA time zone').default('Asia/Shanghai'),
});

type ById = { Params: { id: string } };

/** Stores, their pairing codes, prices, stock and records; devices revoked. Admin token required. */
export function adminStoreRoutes(app: FastifyInstance, context: PlatformContext): void {
  const { sql } = context;

  app.post('/v1/admin/stores', async (request, reply) => {
    const input = parseInput(StoreInput, request.body);
    reply.code(201);
    return createStore(sql, input, context.now());
  });

  app.get('/v1/admin/stores', async () => ({ stores: await listStores(sql) }));

  app.get<ById>('/v1/admin/stores/:id', async (request) => requireStore(sql, request.params.id));

  app.post<ById>('/v1/admin/stores/:id/pairing-codes', async (request, reply) => {
    reply.code(201);
    return issuePairingCode(sql, request.params.id, context.now());
  });

  app.put<ById>('/v1/admin/stores/:id/prices', async (request) => {
    const input = parseInput(PriceBatch, request.body);
    const result = await setStorePrices(sql, request.params.id, input.items);
    context.notifier.storeChanged(request.params.id);
    return result;
  });

  app.get<ById>('/v1/admin/stores/:id/stock', async (request) => {
    const store = await requireStore(sql, request.params.id);
    return { storeId: store.storeId, levels: await stockLevels(sql, store.storeId) };
  });

  app.get<ById>('/v1/admin/stores/:id/records', async (request) => {
    const store = await requireStore(sql, request.params.id);
    return storeRecords(sql, store.storeId);
  });

  app.post<ById>('/v1/admin/devices/:id/revoke', async (request) => {
    await revokeDevice(sql, request.params.id, context.now());
    return { deviceId: request.params.id, revoked: true };
  });
}
