import { organisationStores, requireOwnStore } from '../../data/franchise-sales';
import { franchiseStock, setLowStockLevels } from '../../data/franchise-stock';
import { storeMovements } from '../../data/franchise-stock-movements';
import type { PlatformContext } from '../context';
import type { RouteHandlers } from './mount';

type FranchiseStockRoute = 'franchise.stock' | 'franchise.stock.movements' | 'franchise.lowStock.put';

/**
 * Stock across the owner's stores. A store named that is another brand's is answered as one that
 * does not exist; the brand's low-stock levels are for products of its own catalog only.
 */
export function franchiseStockHandlers(context: PlatformContext): RouteHandlers<FranchiseStockRoute> {
  const { sql } = context;
  return {
    'franchise.stock': async ({ owner, input }) => {
      const { store, ...ask } = input;
      const stores = store
        ? [await requireOwnStore(sql, owner.organisationId, store)]
        : await organisationStores(sql, owner.organisationId);
      return franchiseStock(sql, owner.organisationId, stores, ask);
    },
    'franchise.stock.movements': async ({ owner, input }) => {
      const { store, ...ask } = input;
      return storeMovements(sql, await requireOwnStore(sql, owner.organisationId, store), ask);
    },
    'franchise.lowStock.put': async ({ owner, input }) => setLowStockLevels(sql, owner, input.items, context.now()),
  };
}
