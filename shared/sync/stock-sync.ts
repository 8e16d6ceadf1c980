import { z } from 'zod';
import { syncDomain } from './sync-domain';

const Sku = z.string().min(1).max(64);
const Text = z.string().max(500);

export const StockKind = z.enum([
  'sale',
  'refund',
  'online_sale',
  'receive',
  'count',
  'adjustment',
  'transfer_out',
  'transfer_in',
  'waste',
]);
export type StockKind = z.infer<typeof StockKind>;

/** A stock movement as the platform's ledger keeps it: a signed delta in items or grams. */
export const StockMovementWire = z.object({
  id: z.uuid(),
  sku: Sku,
  kind: StockKind,
  quantity: z.number().int(),
  at: z.number().int(),
});

export const StockMovedPayload = StockMovementWire.extend({
  note: Text.nullable(),
  /** Who made the change at the till; absent from tills before the franchise stock view. */
  staffName: Text.nullable().optional(),
});
export type StockMovedPayload = z.infer<typeof StockMovedPayload>;

export const SoldOutPayload = z.object({ sku: Sku, soldOut: z.boolean(), at: z.number().int() });
export type SoldOutPayload = z.infer<typeof SoldOutPayload>;

export const StockLevel = z.object({ sku: z.string(), onHand: z.number().int(), soldOut: z.boolean() });
export type StockLevel = z.infer<typeof StockLevel>;

/**
 * Terminals push movements, never absolute quantities; the platform sends back the store-wide
 * on-hand and 估清 flag per SKU (change id: the SKU).
 */
export const stockSync = syncDomain({
  streams: {
    stock_levels: { item: StockLevel, words: { en: 'store-wide stock', 'zh-CN': '全店库存' } },
  },
  mutations: {
    'stock.moved': StockMovedPayload,
    'product.sold_out': SoldOutPayload,
  },
  events: {
    'stock.changed': ['stock.', 'catalog.', 'sync.'],
  },
});
