import { z } from 'zod';
import { StockKind } from '../sync/stock-sync';
import { CATALOG_BATCH_MAX } from './catalog-input';
import { route } from './define';

const NoParams = z.object({});
const Count = z.number().int();

/** A low-stock level, as the till's own (`stock.setLowAt`): items, or grams for goods sold by weight. */
export const LOW_STOCK_MAX = 1_000_000_000;
/** What the owner's search may hold, as the till's stock list. */
export const STOCK_SEARCH_MAX = 64;
export const STOCK_PAGE_MAX = 500;

export const StockFilter = z.enum(['all', 'low', 'soldOut']);
export type StockFilter = z.infer<typeof StockFilter>;

/** One store's figures of a product; `onHand` null: the store does not carry it (another store's own SKU). */
export const StoreStock = z.object({
  storeId: z.string(),
  onHand: Count.nullable(),
  soldOut: z.boolean(),
  /** At or below the brand's low-stock level of the product. */
  low: z.boolean(),
});
export type StoreStock = z.infer<typeof StoreStock>;

export const StockProduct = z.object({
  sku: z.string(),
  /** Null for a store's own SKU: the platform knows it by its ledger only. */
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  unit: z.enum(['each', 'kg']).nullable(),
  /** A store's own product, not in the brand's catalog. */
  local: z.boolean(),
  lowAt: Count.nullable(),
  /** On hand over the stores shown. */
  total: Count,
  /** In the order of the answer's `stores`. */
  stores: z.array(StoreStock),
});
export type StockProduct = z.infer<typeof StockProduct>;

export const FranchiseStock = z.object({
  stores: z.array(z.object({ storeId: z.string(), name: z.string() })),
  products: z.array(StockProduct),
  /** How many products the filter matches, over every page. */
  matched: Count,
  /** The SKU to ask `after` for the next page; null on the last. */
  next: z.string().nullable(),
});
export type FranchiseStock = z.infer<typeof FranchiseStock>;

export const StockMovementLine = z.object({
  id: z.string(),
  sku: z.string(),
  kind: StockKind,
  quantity: Count,
  at: Count,
  note: z.string().nullable(),
  /** The till that recorded it (its name as paired), null if it is no longer known. */
  device: z.string().nullable(),
  /** Who, where the till said: the cashier of a sale, the staff of a refund or of a stock change. */
  staffName: z.string().nullable(),
  /** The receipt number of the sale or refund that moved it. */
  reference: z.string().nullable(),
});
export type StockMovementLine = z.infer<typeof StockMovementLine>;

export const StockMovements = z.object({
  storeId: z.string(),
  name: z.string(),
  timeZone: z.string(),
  movements: z.array(StockMovementLine),
  /** `before` for the next (older) page; null on the last. */
  next: z.string().nullable(),
});
export type StockMovements = z.infer<typeof StockMovements>;

const Limit = (fallback: number) => z.coerce.number().int().min(1).max(STOCK_PAGE_MAX).default(fallback);

/** A position in a store's ledger, newest first: `<moved at>.<movement id>`. */
export const MovementCursor = z.string().regex(/^\d{1,16}\.[0-9a-f-]{36}$/);

// The search, store and days are what an owner types or picks: the handler words what is wrong.
export const StockQuery = z.object({
  only: StockFilter.default('all'),
  store: z.string().optional(),
  q: z.string().optional(),
  after: z.string().max(64).optional(),
  limit: Limit(100),
});

export const LowStockChange = z.object({
  sku: z.string().trim().min(1).max(64),
  /** Null: no level, never low. Checked by the handler, which says what is wrong in words. */
  lowAt: z.number().nullable(),
});

/** Stock across the brand's stores, from their ledgers, and the brand's low-stock levels. */
export const franchiseStockRoutes = {
  /** Every product of the brand's catalog (and a store's own SKUs in its ledger), on hand per store and in total. */
  'franchise.stock': route({
    method: 'GET',
    path: '/v1/franchise/stock',
    params: NoParams,
    input: StockQuery,
    output: FranchiseStock,
    access: 'owner',
    mutates: false,
  }),
  /** One store's ledger, newest first, optionally of one SKU and between two of the store's calendar days. */
  'franchise.stock.movements': route({
    method: 'GET',
    path: '/v1/franchise/stock/movements',
    params: NoParams,
    input: z.object({
      store: z.string(),
      sku: z.string().max(64).optional(),
      from: z.string().optional(),
      to: z.string().optional(),
      before: MovementCursor.optional(),
      limit: Limit(100),
    }),
    output: StockMovements,
    access: 'owner',
    mutates: false,
  }),
  /** The brand's low-stock level of products of its catalog, for every store. */
  'franchise.lowStock.put': route({
    method: 'PUT',
    path: '/v1/franchise/stock/low-levels',
    params: NoParams,
    input: z.object({ items: z.array(LowStockChange).min(1).max(CATALOG_BATCH_MAX) }),
    output: z.object({ updated: Count }),
    access: 'owner',
    mutates: true,
    batch: true,
  }),
};
