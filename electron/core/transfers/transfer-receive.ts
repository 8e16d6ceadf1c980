import type { ParsedInputOf } from '../../../shared/contract';
import type { Transfer } from '../../../shared/contract/transfers';
import { AppError } from '../../../shared/errors';
import { uuidv7 } from '../../../shared/ids';
import { stockMoveMaxIn } from '../../../shared/limits';
import type { TransferReceivedPayload } from '../../../shared/sync/transfer-sync';
import { findProductBySku } from '../catalog/product-records';
import type { HandlerContext } from '../handler-context';
import { requireSession } from '../handler-context';
import { recordMovement } from '../stock/stock-ledger';
import { refuseBreach } from '../store/limit-refusals';
import { requireStore } from '../store/store-records';
import { enqueue } from '../sync/outbox';
import { findTransfer, requireTransfer, transferRow, writeTransfer, writeTransferLine } from './transfer-records';

/**
 * What arrived of a transfer to this store, counted line by line, in one transaction: a
 * transfer_in movement per line that brought goods, the counts on the transfer (a shortfall or a
 * surplus is its discrepancy), the audit entry and the receipt the platform takes once.
 */
export function receiveTransfer(ctx: HandlerContext, input: ParsedInputOf<'transfers.receive'>): Transfer {
  const transfer = findTransfer(ctx.db, input.transferId);
  if (transfer?.direction !== 'in' || transfer.status === 'requested') {
    throw new AppError('transfer_not_here', { id: input.transferId });
  }
  if (transfer.status === 'received') {
    if (transferRow(ctx.db, transfer.id)?.receiptId === input.receiptId) return transfer;
    throw new AppError('transfer_already_received', { name: transfer.receivedBy ?? '' });
  }
  const counted = new Map(input.lines.map((line) => [line.sku, line.received]));
  const sent = new Set(transfer.lines.map((line) => line.sku));
  const mismatch =
    input.lines.find((line) => !sent.has(line.sku))?.sku ??
    transfer.lines.find((line) => !counted.has(line.sku))?.sku ??
    (counted.size === input.lines.length ? null : input.lines[0].sku);
  if (mismatch) throw new AppError('transfer_count_every_line', { sku: mismatch });
  const store = requireStore(ctx.db, ctx.now);
  const session = requireSession(ctx);
  const lines = transfer.lines.map((line) => {
    const received = counted.get(line.sku) ?? 0;
    const product = findProductBySku(ctx.db, line.sku);
    if (!product && received > 0) throw new AppError('transfer_product_missing', { sku: line.sku });
    const max = stockMoveMaxIn(store.settings, product?.unit ?? 'each');
    if (received > max) refuseBreach({ limit: 'stockMove', value: received, max }, store, ctx.locale, product?.unit);
    return { sku: line.sku, sent: line.sent, received, product, movementId: received > 0 ? uuidv7(ctx.now) : null };
  });
  for (const line of lines) {
    if (!line.product || !line.movementId) continue;
    recordMovement(ctx.db, {
      id: line.movementId,
      productId: line.product.id,
      kind: 'transfer_in',
      quantity: line.received,
      at: ctx.now,
      staffId: session.staffId,
    });
  }
  const note = input.note || null;
  writeTransfer(ctx.db, {
    id: transfer.id,
    direction: 'in',
    other_store_id: transfer.otherStoreId,
    other_store_name: transfer.otherStoreName,
    status: 'received',
    note: transfer.note,
    requested_at: transfer.requestedAt,
    requested_by: transfer.requestedBy,
    sent_at: transfer.sentAt,
    sent_by: transfer.sentBy,
    received_at: ctx.now,
    received_by: session.name,
    receiptId: input.receiptId,
    receipt_note: note,
    now: ctx.now,
  });
  for (const line of lines) {
    writeTransferLine(ctx.db, {
      transferId: transfer.id,
      sku: line.sku,
      sent: line.sent,
      received: line.received,
      outMovementId: null,
      inMovementId: line.movementId,
    });
  }
  const payload: TransferReceivedPayload = {
    id: input.receiptId,
    transferId: transfer.id,
    lines: lines.map(({ sku, received, movementId }) => ({ sku, received, movementId })),
    note,
    receivedAt: ctx.now,
    receivedBy: session.name,
  };
  enqueue(ctx.db, { id: input.receiptId, type: 'transfer.received', payload, now: ctx.now });
  ctx.describe(`transfer:${transfer.id}`, {
    from: { id: transfer.otherStoreId, name: transfer.otherStoreName },
    lines: lines.map(({ sku, sent, received }) => ({ sku, sent, received, difference: received - sent })),
    note,
  });
  ctx.emit({ type: 'stock.changed' });
  ctx.emit({ type: 'transfers.changed' });
  return requireTransfer(ctx.db, transfer.id);
}
