import { z } from 'zod';
import { ProductId } from '../ids';
import { ceilings } from '../limits';
import { TRANSFER_LINES_MAX, TransferStatus } from '../sync/transfer-sync';
import { headOfficeMethod, method } from './define';

/** Items, or grams for goods sold by weight: the store's stock limit is checked in the core. */
const Quantity = z
  .number()
  .int()
  .min(1)
  .max(ceilings.stockMove * 1_000);

/** One product of a transfer: what was sent, what arrived (null: not yet counted). */
export const TransferLineView = z.object({
  sku: z.string(),
  /** Null when this till's catalog does not know the SKU (yet). */
  productId: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.enum(['each', 'kg']),
  sent: z.number().int(),
  received: z.number().int().nullable(),
  /** received − sent once counted: negative, a shortfall; positive, a surplus. */
  difference: z.number().int().nullable(),
});
export type TransferLineView = z.infer<typeof TransferLineView>;

export const Transfer = z.object({
  id: z.string(),
  /** `out`: this store sends (or was asked to); `in`: sent to this store. */
  direction: z.enum(['out', 'in']),
  otherStoreId: z.string(),
  otherStoreName: z.string(),
  status: TransferStatus,
  lines: z.array(TransferLineView),
  note: z.string().nullable(),
  requestedAt: z.number().int().nullable(),
  requestedBy: z.string().nullable(),
  sentAt: z.number().int().nullable(),
  sentBy: z.string().nullable(),
  receivedAt: z.number().int().nullable(),
  receivedBy: z.string().nullable(),
  receiptNote: z.string().nullable(),
  /** Whether what arrived differs from what was sent on any line. */
  discrepancy: z.boolean(),
});
export type Transfer = z.infer<typeof Transfer>;

export const TransferDestination = z.object({ id: z.string(), name: z.string() });
export type TransferDestination = z.infer<typeof TransferDestination>;

const Note = z.string().trim().max(200).default('');

export const transferMethods = {
  /** The other stores of this store's brand, as the platform names them (asked live, kept for sending). */
  'transfers.stores': headOfficeMethod({
    input: z.object({}),
    output: z.object({ stores: z.array(TransferDestination) }),
    access: 'stock.edit',
    mutates: false,
  }),
  'transfers.list': method({
    input: z.object({
      direction: z.enum(['all', 'in', 'out']).default('all'),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ transfers: z.array(Transfer) }),
    access: 'stock.edit',
    mutates: false,
  }),
  /**
   * Goods leave this store for another of the brand: a transfer_out movement per line, never more
   * than the ledger holds. The id is the idempotency key (and a requested transfer's id sends it).
   */
  'transfers.send': method({
    input: z.object({
      id: z.uuid(),
      toStoreId: z.uuid(),
      lines: z
        .array(z.object({ productId: ProductId, quantity: Quantity }))
        .min(1)
        .max(TRANSFER_LINES_MAX),
      note: Note,
    }),
    output: Transfer,
    access: 'stock.edit',
    mutates: true,
  }),
  /** What arrived of a transfer to this store, every line counted (0 when nothing came). */
  'transfers.receive': method({
    input: z.object({
      transferId: z.uuid(),
      receiptId: z.uuid(),
      lines: z
        .array(
          z.object({
            sku: z.string().trim().min(1).max(64),
            received: z
              .number()
              .int()
              .min(0)
              .max(ceilings.stockMove * 1_000),
          }),
        )
        .min(1)
        .max(TRANSFER_LINES_MAX),
      note: Note,
    }),
    output: Transfer,
    access: 'stock.edit',
    mutates: true,
  }),
};
