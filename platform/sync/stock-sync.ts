import { recordMovements, setSoldOut } from '../data/stock';
import { stockMovedRefusal } from './order-checks';
import type { PlatformDomain } from './platform-domain';

type StockLevelRow = { sku: string; on_hand: number; sold_out: boolean; version: number };

/** Tills push movements and 估清 toggles; the platform computes each store's on-hand and sends it back. */
export const stockDomain: PlatformDomain<'stock_levels', 'stock.moved' | 'product.sold_out'> = {
  streams: {
    stock_levels: {
      query: `SELECT sku, on_hand, sold_out, version FROM stock_levels
           WHERE store_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
      head: '(SELECT COALESCE(max(version), 0) FROM stock_levels WHERE store_id = $1)',
      change: (row: StockLevelRow) => ({
        id: row.sku,
        version: String(row.version),
        data: { sku: row.sku, onHand: row.on_hand, soldOut: row.sold_out },
      }),
    },
  },
  mutations: {
    'stock.moved': {
      apply: async (tx, context, payload) => {
        const refusal = stockMovedRefusal(payload, context.window);
        if (refusal) return refusal;
        await recordMovements(tx, context, [payload]);
        return null;
      },
      wakes: 'store',
    },
    'product.sold_out': {
      apply: async (tx, context, payload) => {
        await setSoldOut(tx, context.storeId, payload.sku, payload.soldOut);
        return null;
      },
      wakes: 'store',
    },
  },
};
