import { z } from 'zod';
import { ProductId } from '../ids';
import { ceilings } from '../limits';
import { StockKind } from '../sync/stock-sync';
import { method } from './define';

/** On-hand is the sum of the movement ledger: items, or grams for goods sold by weight. */
export const StockRow = z.object({
  productId: z.string(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.enum(['each', 'kg']),
  onHand: z.number().int(),
  /** The store-wide figure from the platform (every till's movements), when paired. */
  platformOnHand: z.number().int().nullable(),
  lowAt: z.number().int().nullable(),
  low: z.boolean(),
  soldOut: z.boolean(),
});
export type StockRow = z.infer<typeof StockRow>;

const StockMoveGrams = ceilings.stockMove * 1_000;

export const StockMoveKind = z.enum(['receive', 'count', 'adjustment', 'waste']);
export type StockMoveKind = z.infer<typeof StockMoveKind>;

/** One line of a product's ledger, newest first, with the on-hand it left behind. */
export const StockMovement = z.object({
  id: z.string(),
  kind: StockKind,
  /** Items, or grams for goods sold by weight; negative when stock went out. */
  quantity: z.number().int(),
  balance: z.number().int(),
  at: z.number().int(),
  staffName: z.string().nullable(),
  /** The sale or refund that moved it, by the number on its receipt. */
  orderNumber: z.string().nullable(),
  refundNumber: z.string().nullable(),
});
export type StockMovement = z.infer<typeof StockMovement>;

export const stockMethods = {
  /** A product's ledger, newest first, a page at a time: `before` is the last movement of the page shown. */
  'stock.history': method({
    input: z.object({
      productId: ProductId,
      before: z.object({ at: z.number().int().min(0), id: z.string().max(64) }).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ product: StockRow, movements: z.array(StockMovement), more: z.boolean() }),
    access: 'sell',
    mutates: false,
  }),
  'stock.list': method({
    input: z.object({
      query: z.string().trim().max(64).default(''),
      lowOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ rows: z.array(StockRow), total: z.number().int() }),
    access: 'sell',
    mutates: false,
  }),
  /**
   * Goods received, a count (the quantity counted; the ledger records the difference), an
   * adjustment (a signed change) or waste. The id is the idempotency key.
   */
  'stock.move': method({
    input: z.object({
      id: z.uuid(),
      productId: ProductId,
      kind: StockMoveKind,
      /** Items, or grams: the ceiling in kg times 1,000. */
      quantity: z.number().int().min(-StockMoveGrams).max(StockMoveGrams),
      note: z.string().trim().max(200).default(''),
    }),
    output: StockRow,
    access: 'stock.edit',
    mutates: true,
  }),
  /** 估清: the platform stops taking online orders for it within seconds of the next sync. */
  'stock.setSoldOut': method({
    input: z.object({ productId: ProductId, soldOut: z.boolean() }),
    output: StockRow,
    access: 'sell',
    mutates: true,
  }),
  'stock.setLowAt': method({
    input: z.object({ productId: ProductId, lowAt: z.number().int().min(0).max(1_000_000_000).nullable() }),
    output: StockRow,
    access: 'stock.edit',
    mutates: true,
  }),
};
