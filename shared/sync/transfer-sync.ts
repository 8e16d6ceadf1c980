import { z } from 'zod';
import { ceilings } from '../limits';
import { syncDomain } from './sync-domain';

const Sku = z.string().min(1).max(64);
const Name = z.string().max(500);
/** Items, or grams for goods sold by weight: the stock ceiling in kg times 1,000. */
const Quantity = z
  .number()
  .int()
  .min(0)
  .max(ceilings.stockMove * 1_000);

/** One transfer carries at most this many products; a lorry of more is sent as several. */
export const TRANSFER_LINES_MAX = 100;

/**
 * A store sends goods to another store of its brand (issue 16, item 5). Its id is the transfer's
 * from the till that sends it to the receipt that closes it; each line names the sender's ledger
 * movement, so the platform's ledger of the sending store records it once.
 */
export const TransferSentPayload = z.object({
  id: z.uuid(),
  toStoreId: z.uuid(),
  lines: z
    .array(z.object({ sku: Sku, quantity: Quantity.min(1), movementId: z.uuid() }))
    .min(1)
    .max(TRANSFER_LINES_MAX),
  note: z.string().max(200).nullable(),
  sentAt: z.number().int(),
  sentBy: Name,
});
export type TransferSentPayload = z.infer<typeof TransferSentPayload>;

/**
 * The receiving store's count of what arrived, line by line (zero when nothing came). A line that
 * moved stock names the receiver's ledger movement (none for nothing received).
 */
export const TransferReceivedPayload = z.object({
  /** The receipt's own id: one transfer is received once. */
  id: z.uuid(),
  transferId: z.uuid(),
  lines: z
    .array(z.object({ sku: Sku, received: Quantity, movementId: z.uuid().nullable() }))
    .min(1)
    .max(TRANSFER_LINES_MAX),
  note: z.string().max(200).nullable(),
  receivedAt: z.number().int(),
  receivedBy: Name,
});
export type TransferReceivedPayload = z.infer<typeof TransferReceivedPayload>;

export const TransferStatus = z.enum(['requested', 'in_transit', 'received']);
export type TransferStatus = z.infer<typeof TransferStatus>;

/** A transfer as both its stores pull it: who sent what when, and what arrived. */
export const TransferItem = z.object({
  id: z.uuid(),
  status: TransferStatus,
  fromStoreId: z.uuid(),
  fromStoreName: Name,
  toStoreId: z.uuid(),
  toStoreName: Name,
  lines: z.array(z.object({ sku: Sku, sent: Quantity, received: Quantity.nullable() })),
  note: z.string().max(200).nullable(),
  requestedAt: z.number().int().nullable(),
  requestedBy: Name.nullable(),
  sentAt: z.number().int().nullable(),
  sentBy: Name.nullable(),
  receivedAt: z.number().int().nullable(),
  receivedBy: Name.nullable(),
  receiptNote: z.string().max(200).nullable(),
});
export type TransferItem = z.infer<typeof TransferItem>;

/** Transfers between a brand's stores: sent and received by tills, held in transit by the platform. */
export const transferSync = syncDomain({
  streams: {
    transfers: { item: TransferItem, words: { en: 'stock transfers', 'zh-CN': '门店调拨' } },
  },
  mutations: {
    'transfer.sent': TransferSentPayload,
    'transfer.received': TransferReceivedPayload,
  },
  events: {
    'transfers.changed': ['transfers.', 'stock.', 'sync.'],
  },
});
