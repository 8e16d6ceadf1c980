import type { PayloadOf } from '../../shared/sync/mutations';
import { recordMovements } from '../data/stock';
import {
  linesRefusal,
  reserveTransferVersion,
  rowToTransfer,
  type TransferLine,
  type TransferRow,
  transferSelect,
} from '../data/transfers';
import type { Queryable } from '../db/sql';
import { recordAudit } from '../owners/platform-audit';
import { claimedTimeRefusal } from './claimed-time';
import type { ApplyContext, ApplyRefusal, PlatformDomain } from './platform-domain';

/**
 * The sender's store and the receiver's must be two stores of one brand, and every SKU in that
 * brand's catalog (or the operator's); answers the brand.
 */
async function sendingRefusal(
  tx: Queryable,
  context: ApplyContext,
  payload: PayloadOf<'transfer.sent'>,
): Promise<ApplyRefusal | { organisationId: string }> {
  const [stores] = await tx.query<{ organisation_id: string | null; same: boolean }>(
    `SELECT s.organisation_id, (o.organisation_id = s.organisation_id) AS same
     FROM stores s LEFT JOIN stores o ON o.id = $2 WHERE s.id = $1`,
    [context.storeId, payload.toStoreId],
  );
  if (!stores?.organisation_id || !stores.same || payload.toStoreId === context.storeId) {
    return { code: 'transfer_store_invalid', params: { store: payload.toStoreId } };
  }
  const refusal = await linesRefusal(
    tx,
    stores.organisation_id,
    payload.lines.map((line) => line.sku),
  );
  if (refusal) return refusal;
  return { organisationId: stores.organisation_id };
}

/**
 * Goods leave the sending store: the transfer in transit and the sender's transfer_out movements,
 * together. A transfer the owner requested of this store is sent under the request's id.
 */
async function applySent(
  tx: Queryable,
  context: ApplyContext,
  payload: PayloadOf<'transfer.sent'>,
): Promise<ApplyRefusal | null> {
  const timed = claimedTimeRefusal(payload.sentAt, context.window, false);
  if (timed) return timed;
  const checked = await sendingRefusal(tx, context, payload);
  if ('code' in checked) return checked;
  const [earlier] = await tx.query<{ from_store_id: string; to_store_id: string; status: string }>(
    'SELECT from_store_id, to_store_id, status FROM stock_transfers WHERE id = $1 FOR UPDATE',
    [payload.id],
  );
  if (earlier && (earlier.status !== 'requested' || earlier.from_store_id !== context.storeId)) {
    return earlier.status === 'requested'
      ? { code: 'transfer_request_taken' }
      : { code: 'transfer_id_taken', params: { id: payload.id } };
  }
  if (earlier && earlier.to_store_id !== payload.toStoreId) return { code: 'transfer_request_taken' };
  const lines: TransferLine[] = payload.lines.map((line) => ({ sku: line.sku, sent: line.quantity, received: null }));
  const version = await reserveTransferVersion(tx);
  await tx.query(
    `INSERT INTO stock_transfers (id, organisation_id, from_store_id, to_store_id, status, lines, note, sent_at,
       sent_by, sent_device_id, version)
     VALUES ($1, $2, $3, $4, 'in_transit', $5::jsonb, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO UPDATE SET status = 'in_transit', lines = EXCLUDED.lines,
       note = COALESCE(EXCLUDED.note, stock_transfers.note), sent_at = EXCLUDED.sent_at, sent_by = EXCLUDED.sent_by,
       sent_device_id = EXCLUDED.sent_device_id, version = EXCLUDED.version`,
    [
      payload.id,
      checked.organisationId,
      context.storeId,
      payload.toStoreId,
      JSON.stringify(lines),
      payload.note,
      payload.sentAt,
      payload.sentBy,
      context.deviceId,
      version,
    ],
  );
  await recordMovements(
    tx,
    context,
    payload.lines.map((line) => ({
      id: line.movementId,
      sku: line.sku,
      kind: 'transfer_out',
      quantity: -line.quantity,
      at: payload.sentAt,
      note: null,
    })),
  );
  await recordAudit(tx, {
    actor: { kind: 'device', deviceId: context.deviceId },
    action: 'transfer.sent',
    organisationId: checked.organisationId,
    storeId: context.storeId,
    detail: { transferId: payload.id, toStoreId: payload.toStoreId, lines, sentBy: payload.sentBy },
    at: context.now,
  });
  return null;
}

/**
 * The receiving store's count closes the transfer once: its transfer_in movements, what arrived per
 * line, who counted it and when. A second receipt of the same transfer (another till of the store)
 * is refused; the first stands.
 */
async function applyReceived(
  tx: Queryable,
  context: ApplyContext,
  payload: PayloadOf<'transfer.received'>,
): Promise<ApplyRefusal | null> {
  const timed = claimedTimeRefusal(payload.receivedAt, context.window, false);
  if (timed) return timed;
  const [row] = await tx.query<TransferRow>(`${transferSelect} WHERE t.id = $1 FOR UPDATE OF t`, [payload.transferId]);
  if (!row || row.to_store_id !== context.storeId || row.status === 'requested') {
    return { code: 'transfer_unknown', params: { id: payload.transferId } };
  }
  if (row.status === 'received') {
    return { code: 'transfer_already_received', params: { by: `${row.received_by ?? ''}` } };
  }
  const counted = new Map(payload.lines.map((line) => [line.sku, line]));
  const sent = new Set(row.lines.map((line) => line.sku));
  const mismatch =
    payload.lines.find((line) => !sent.has(line.sku))?.sku ??
    row.lines.find((line) => !counted.has(line.sku))?.sku ??
    (counted.size === payload.lines.length ? null : payload.lines[0].sku);
  if (mismatch) return { code: 'transfer_lines_mismatch', params: { sku: mismatch } };
  const lines: TransferLine[] = row.lines.map((line) => ({
    ...line,
    received: counted.get(line.sku)?.received ?? 0,
  }));
  await recordMovements(
    tx,
    context,
    payload.lines.flatMap((line) =>
      line.received > 0 && line.movementId
        ? [
            {
              id: line.movementId,
              sku: line.sku,
              kind: 'transfer_in',
              quantity: line.received,
              at: payload.receivedAt,
              note: null,
            },
          ]
        : [],
    ),
  );
  const version = await reserveTransferVersion(tx);
  await tx.query(
    `UPDATE stock_transfers SET status = 'received', lines = $2::jsonb, received_at = $3, received_by = $4,
       received_device_id = $5, receipt_id = $6, receipt_note = $7, version = $8
     WHERE id = $1`,
    [
      payload.transferId,
      JSON.stringify(lines),
      payload.receivedAt,
      payload.receivedBy,
      context.deviceId,
      payload.id,
      payload.note,
      version,
    ],
  );
  await recordAudit(tx, {
    actor: { kind: 'device', deviceId: context.deviceId },
    action: 'transfer.received',
    organisationId: row.organisation_id,
    storeId: context.storeId,
    detail: { transferId: payload.transferId, receiptId: payload.id, lines, receivedBy: payload.receivedBy },
    at: context.now,
  });
  return null;
}

/** Transfers between a brand's stores: both stores pull each one, sent, requested or received. */
export const transferDomain: PlatformDomain<'transfers', 'transfer.sent' | 'transfer.received'> = {
  streams: {
    transfers: {
      query: `${transferSelect} WHERE (t.from_store_id = $1 OR t.to_store_id = $1) AND t.version > $2
        ORDER BY t.version LIMIT $3`,
      head: `(SELECT COALESCE(max(version), 0) FROM stock_transfers WHERE from_store_id = $1 OR to_store_id = $1)`,
      change: (row: TransferRow) => ({ id: row.id, version: String(row.version), data: rowToTransfer(row) }),
    },
  },
  mutations: {
    // The other store's long poll must wake too: it is not the pushing store's.
    'transfer.sent': { apply: applySent, wakes: 'everyStore' },
    'transfer.received': { apply: applyReceived, wakes: 'everyStore' },
  },
};
