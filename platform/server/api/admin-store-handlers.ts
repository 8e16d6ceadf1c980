import { isCalendarDay } from '../../../shared/reports/periods';
import { setStorePrices, upsertProducts } from '../../data/catalog';
import { franchiseSales, franchiseStock, storeRecords } from '../../data/records';
import { stockLevels } from '../../data/stock';
import { createStore, issuePairingCode, listStores, requireStore, revokeDevice } from '../../data/stores';
import { ApiError } from '../../errors';
import { type AuditEntry, recordAudit } from '../../owners/platform-audit';
import type { PlatformContext } from '../context';
import type { RouteHandlers } from './mount';

type AdminStoreRoute =
  | 'admin.stores.create'
  | 'admin.stores.list'
  | 'admin.stores.show'
  | 'admin.stores.pairingCode'
  | 'admin.stores.setPrices'
  | 'admin.stores.stock'
  | 'admin.stores.records'
  | 'admin.devices.revoke'
  | 'admin.catalog.putProducts'
  | 'admin.franchise.sales'
  | 'admin.franchise.stock';

/**
 * The operator's stores, prices, stock, records, devices and catalog, as before issue 16. Their
 * data functions predate the audit log, so the entry follows the change rather than sharing its
 * transaction.
 */
export function adminStoreHandlers(context: PlatformContext): RouteHandlers<AdminStoreRoute> {
  const { sql } = context;
  const audit = (entry: Omit<AuditEntry, 'actor' | 'at'>) =>
    recordAudit(sql, { ...entry, actor: { kind: 'operator' }, at: context.now() });

  return {
    'admin.stores.create': async ({ input }) => {
      const store = await createStore(sql, input, context.now());
      await audit({ action: 'store.created', storeId: store.storeId, detail: { name: store.name } });
      return store;
    },
    'admin.stores.list': async () => ({ stores: await listStores(sql) }),
    'admin.stores.show': async ({ params }) => requireStore(sql, params.id),
    'admin.stores.pairingCode': async ({ params }) => {
      const code = await issuePairingCode(sql, params.id, context.now());
      await audit({ action: 'store.pairing_code_issued', storeId: params.id, detail: { expiresAt: code.expiresAt } });
      return code;
    },
    'admin.stores.setPrices': async ({ params, input }) => {
      const result = await setStorePrices(sql, params.id, input.items);
      context.notifier.storeChanged(params.id);
      await audit({
        action: 'store.prices_set',
        storeId: params.id,
        detail: { count: result.updated, version: result.version },
      });
      return result;
    },
    'admin.stores.stock': async ({ params }) => {
      const store = await requireStore(sql, params.id);
      return { storeId: store.storeId, levels: await stockLevels(sql, store.storeId) };
    },
    'admin.stores.records': async ({ params }) => {
      const store = await requireStore(sql, params.id);
      return storeRecords(sql, store.storeId);
    },
    'admin.devices.revoke': async ({ params }) => {
      await revokeDevice(sql, params.id, context.now());
      await audit({ action: 'device.revoked', detail: { deviceId: params.id } });
      return { deviceId: params.id, revoked: true as const };
    },
    'admin.catalog.putProducts': async ({ input }) => {
      const result = await upsertProducts(sql, input.items);
      context.notifier.everyStoreChanged();
      await audit({ action: 'catalog.products_upserted', detail: { count: result.upserted, version: result.version } });
      return result;
    },
    'admin.franchise.sales': async ({ input }) => {
      if (!isCalendarDay(input.day)) throw new ApiError(400, 'day_invalid');
      return { day: input.day, rows: await franchiseSales(sql, input.day) };
    },
    'admin.franchise.stock': async () => ({ stores: await franchiseStock(sql) }),
  };
}
