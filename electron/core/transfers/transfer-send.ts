import type { ParsedInputOf } from '../../../shared/contract';
import type { Transfer } from '../../../shared/contract/transfers';
import { AppError } from '../../../shared/errors';
import { uuidv7 } from '../../../shared/ids';
import { stockMoveMaxIn } from '../../../shared/limits';
import type { TransferSentPayload } from '../../../shared/sync/transfer-sync';
import { requireProduct } from '../catalog/product-records';
import type { HandlerContext } from '../handler-context';
import { requireSession } from '../handler-context';
import { recordMovement } from '../stock/stock-ledger';
import { readStockRow } from '../stock/stock-records';
import { formatFigure, refuseBreach } from '../store/limit-refusals';
import { requireStore } from '../store/store-records';
import { enqueue } from '../sync/outbox';
import { readPairing } from '../sync/sync-records';
import {
  clearTransferLines,
  findTransfer,
  requireTransfer,
  writeTransfer,
  writeTransferLine,
} from './transfer-records';
import { knownDestinations } from './transfer-stores';

const what = { en: 'transfer', 'zh-CN': '调拨' };

/**
 * Goods leave this store for another of its brand, in one transaction: a transfer_out movement per
 * line, the transfer and its lines, the audit entry and the record the platform takes. A store sends
 * what its ledger holds, never more: goods the ledger does not have cannot be on the lorry, so a
 * wrong ledger is counted first (the same rule as waste).
 */
export function sendTransfer(ctx: HandlerContext, input: ParsedInputOf<'transfers.send'>): Transfer {
  const earlier = findTransfer(ctx.db, input.id);
  if (earlier && earlier.status !== 'requested') {
    if (earlier.direction === 'out' && earlier.otherStoreId === input.toStoreId) return earlier;
    throw new AppError('id_reused', { what });
  }
  const pairing = readPairing(ctx.db);
  if (!pairing) throw new AppError('transfer_unpaired');
  if (input.toStoreId === pairing.storeId) throw new AppError('transfer_own_store');
  if (earlier && (earlier.direction !== 'out' || earlier.otherStoreId !== input.toStoreId)) {
    throw new AppError('transfer_request_other_store', { store: earlier.otherStoreName });
  }
  const destination = knownDestinations(ctx.db).find((store) => store.id === input.toStoreId);
  if (!destination) throw new AppError('transfer_store_unknown');
  const store = requireStore(ctx.db, ctx.now);
  const session = requireSession(ctx);
  const seen = new Set<string>();
  const lines = input.lines.map((line) => {
    const product = requireProduct(ctx.db, line.productId);
    const name = { en: product.name_en, 'zh-CN': product.name_zh };
    if (seen.has(product.id)) throw new AppError('transfer_product_repeated', { name });
    seen.add(product.id);
    const max = stockMoveMaxIn(store.settings, product.unit);
    if (line.quantity > max) {
      refuseBreach({ limit: 'stockMove', value: line.quantity, max }, store, ctx.locale, product.unit);
    }
    const onHand = readStockRow(ctx.db, product.id).onHand;
    if (line.quantity > onHand) {
      const figure = (value: number) =>
        formatFigure(value, product.unit === 'kg' ? 'grams' : 'items', store, ctx.locale);
      throw new AppError(
        'transfer_exceeds_on_hand',
        { name, asked: figure(line.quantity), onHand: figure(Math.max(onHand, 0)) },
        { sku: product.sku, onHand },
      );
    }
    return { product, quantity: line.quantity, movementId: uuidv7(ctx.now) };
  });
  for (const line of lines) {
    recordMovement(ctx.db, {
      id: line.movementId,
      productId: line.product.id,
      kind: 'transfer_out',
      quantity: -line.quantity,
      at: ctx.now,
      staffId: session.staffId,
    });
  }
  const note = input.note || null;
  writeTransfer(ctx.db, {
    id: input.id,
    direction: 'out',
    other_store_id: destination.id,
    other_store_name: destination.name,
    status: 'in_transit',
    note: note ?? earlier?.note ?? null,
    requested_at: earlier?.requestedAt ?? null,
    requested_by: earlier?.requestedBy ?? null,
    sent_at: ctx.now,
    sent_by: session.name,
    received_at: null,
    received_by: null,
    receiptId: null,
    receipt_note: null,
    now: ctx.now,
  });
  // A request's lines are what head office asked for; what is sent replaces them.
  if (earlier) clearTransferLines(ctx.db, input.id);
  for (const line of lines) {
    writeTransferLine(ctx.db, {
      transferId: input.id,
      sku: line.product.sku,
      sent: line.quantity,
      received: null,
      outMovementId: line.movementId,
      inMovementId: null,
    });
  }
  const payload: TransferSentPayload = {
    id: input.id,
    toStoreId: destination.id,
    lines: lines.map((line) => ({ sku: line.product.sku, quantity: line.quantity, movementId: line.movementId })),
    note,
    sentAt: ctx.now,
    sentBy: session.name,
  };
  enqueue(ctx.db, { id: input.id, type: 'transfer.sent', payload, now: ctx.now });
  ctx.describe(`transfer:${input.id}`, {
    to: { id: destination.id, name: destination.name },
    lines: payload.lines.map(({ sku, quantity }) => ({ sku, quantity })),
    note,
    requested: earlier !== null,
  });
  ctx.emit({ type: 'stock.changed' });
  ctx.emit({ type: 'transfers.changed' });
  return requireTransfer(ctx.db, input.id);
}
