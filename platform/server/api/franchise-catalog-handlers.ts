import {
  brandCatalog,
  localPriceGrants,
  putBrandProducts,
  putStorePrices,
  setLocalPriceGrants,
  storePriceList,
} from '../../data/franchise-catalog';
import { requireOwnStore } from '../../data/franchise-sales';
import { requireStore } from '../../data/stores';
import type { PlatformContext } from '../context';
import type { RouteHandlers } from './mount';

type FranchiseCatalogRoute =
  | 'franchise.catalog'
  | 'franchise.catalog.put'
  | 'franchise.storePrices'
  | 'franchise.storePrices.put'
  | 'franchise.localPrices.put'
  | 'device.prices.put'
  | 'device.localPrices';

/**
 * The brand's catalog and its stores' prices. An owner reaches only their organisation's products
 * and stores (another brand's store is answered as one that does not exist); a till only its own
 * store's prices, and only those the owner lets it set.
 */
export function franchiseCatalogHandlers(context: PlatformContext): RouteHandlers<FranchiseCatalogRoute> {
  const { sql } = context;
  const storeOrganisation = async (storeId: string) => {
    const rows = await sql.query<{ organisation_id: string | null }>(
      'SELECT organisation_id FROM stores WHERE id = $1',
      [storeId],
    );
    return rows[0]?.organisation_id ?? null;
  };
  return {
    'franchise.catalog': async ({ owner, input }) => brandCatalog(sql, owner.organisationId, input),
    'franchise.catalog.put': async ({ owner, input }) => {
      const result = await putBrandProducts(sql, owner, input.items, context.now());
      context.notifier.everyStoreChanged();
      return result;
    },
    'franchise.storePrices': async ({ owner, params, input }) => {
      const store = await requireOwnStore(sql, owner.organisationId, params.id);
      return storePriceList(sql, store.storeId, input);
    },
    'franchise.storePrices.put': async ({ owner, params, input }) => {
      const store = await requireOwnStore(sql, owner.organisationId, params.id);
      const result = await putStorePrices(
        sql,
        { ...store, organisationId: owner.organisationId },
        input.items,
        { actor: { kind: 'owner', ownerId: owner.ownerId }, local: false },
        context.now(),
      );
      context.notifier.storeChanged(store.storeId);
      return result;
    },
    'franchise.localPrices.put': async ({ owner, params, input }) => {
      const store = await requireOwnStore(sql, owner.organisationId, params.id);
      return setLocalPriceGrants(
        sql,
        { storeId: store.storeId, organisationId: owner.organisationId },
        input.skus,
        { kind: 'owner', ownerId: owner.ownerId },
        context.now(),
      );
    },
    'device.prices.put': async ({ device, input }) => {
      const store = await requireStore(sql, device.storeId);
      const result = await putStorePrices(
        sql,
        { ...store, organisationId: await storeOrganisation(store.storeId) },
        input.items,
        { actor: { kind: 'device', deviceId: device.deviceId }, local: true },
        context.now(),
      );
      context.notifier.storeChanged(store.storeId);
      return result;
    },
    'device.localPrices': async ({ device }) => localPriceGrants(sql, device.storeId),
  };
}
