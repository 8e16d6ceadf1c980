import { z } from 'zod';
import { isTimeZone } from '../business-day';
import { isCurrencyCode } from '../money';
import { StockLevel } from '../sync/stock-sync';
import { PriceBatch, ProductBatch } from './catalog-input';
import { route } from './define';

const StoreInput = z.object({
  name: z.string().trim().min(1).max(80),
  currency: z.string().refine(isCurrencyCode, 'not an ISO 4217 currency code').default('CNY'),
  timeZone: z.string().max(64).refine(isTimeZone, 'not an IANA time zone').default('Asia/Shanghai'),
});

export const PlatformStore = z.object({
  storeId: z.string(),
  name: z.string(),
  currency: z.string(),
  timeZone: z.string(),
});
export type PlatformStore = z.infer<typeof PlatformStore>;

/** A path's `:id`; what it names is looked up by the handler, so a bad one is a 404 like an unknown one. */
export const ById = z.object({ id: z.string() });
const NoParams = z.object({});
const NoInput = z.object({});
const Count = z.number().int();

const StoreRecords = z.object({
  orders: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      channel: z.string(),
      total: Count,
      onlineOrderId: z.string().nullable(),
      deviceId: z.string(),
    }),
  ),
  refunds: z.array(z.object({ id: z.string(), orderId: z.string(), amount: Count })),
  zReports: z.array(z.object({ shiftId: z.string(), zNumber: Count })),
  stockMovements: z.array(z.object({ id: z.string(), sku: z.string(), kind: z.string(), quantity: Count })),
  soldOut: z.array(z.string()),
  rejected: z.array(z.object({ seq: Count, id: z.string(), type: z.string(), code: z.string(), deviceId: z.string() })),
  devices: z.array(
    z.object({
      deviceId: z.string(),
      deviceCode: z.string(),
      name: z.string(),
      lastSeq: Count,
      auditHead: z.unknown(),
      revoked: z.boolean(),
    }),
  ),
});

/** Stores, their pairing codes, prices, stock and records; devices revoked; the franchise catalog. */
export const adminStoreRoutes = {
  'admin.stores.create': route({
    method: 'POST',
    path: '/v1/admin/stores',
    params: NoParams,
    input: StoreInput,
    output: z.object({
      storeId: z.string(),
      name: z.string(),
      pairingCode: z.string(),
      pairingCodeExpiresAt: Count,
    }),
    access: 'admin',
    mutates: true,
    status: 201,
  }),
  'admin.stores.list': route({
    method: 'GET',
    path: '/v1/admin/stores',
    params: NoParams,
    input: NoInput,
    output: z.object({ stores: z.array(PlatformStore) }),
    access: 'admin',
    mutates: false,
  }),
  'admin.stores.show': route({
    method: 'GET',
    path: '/v1/admin/stores/:id',
    params: ById,
    input: NoInput,
    output: PlatformStore,
    access: 'admin',
    mutates: false,
  }),
  'admin.stores.pairingCode': route({
    method: 'POST',
    path: '/v1/admin/stores/:id/pairing-codes',
    params: ById,
    input: NoInput,
    output: z.object({ code: z.string(), expiresAt: Count }),
    access: 'admin',
    mutates: true,
    status: 201,
  }),
  'admin.stores.setPrices': route({
    method: 'PUT',
    path: '/v1/admin/stores/:id/prices',
    params: ById,
    input: PriceBatch,
    output: z.object({ updated: Count, version: Count }),
    access: 'admin',
    mutates: true,
  }),
  'admin.stores.stock': route({
    method: 'GET',
    path: '/v1/admin/stores/:id/stock',
    params: ById,
    input: NoInput,
    output: z.object({ storeId: z.string(), levels: z.array(StockLevel) }),
    access: 'admin',
    mutates: false,
  }),
  'admin.stores.records': route({
    method: 'GET',
    path: '/v1/admin/stores/:id/records',
    params: ById,
    input: NoInput,
    output: StoreRecords,
    access: 'admin',
    mutates: false,
  }),
  'admin.devices.revoke': route({
    method: 'POST',
    path: '/v1/admin/devices/:id/revoke',
    params: ById,
    input: NoInput,
    output: z.object({ deviceId: z.string(), revoked: z.literal(true) }),
    access: 'admin',
    mutates: true,
  }),
  'admin.catalog.putProducts': route({
    method: 'PUT',
    path: '/v1/admin/catalog/products',
    params: NoParams,
    input: ProductBatch,
    output: z.object({ upserted: Count, version: Count }),
    access: 'admin',
    mutates: true,
  }),
  'admin.franchise.sales': route({
    method: 'GET',
    path: '/v1/admin/franchise/sales',
    params: NoParams,
    input: z.object({ day: z.string() }),
    output: z.object({
      day: z.string(),
      rows: z.array(
        z.object({
          storeId: z.string(),
          storeName: z.string(),
          channel: z.string(),
          orders: Count,
          total: Count,
          refunds: Count,
        }),
      ),
    }),
    access: 'admin',
    mutates: false,
  }),
  'admin.franchise.stock': route({
    method: 'GET',
    path: '/v1/admin/franchise/stock',
    params: NoParams,
    input: NoInput,
    output: z.object({
      stores: z.array(z.object({ storeId: z.string(), storeName: z.string(), levels: z.array(StockLevel) })),
    }),
    access: 'admin',
    mutates: false,
  }),
};
