import type { Database } from 'better-sqlite3';
import type { Transfer, TransferLineView } from '../../../shared/contract/transfers';
import { AppError } from '../../../shared/errors';
import type { TransferStatus } from '../../../shared/sync/transfer-sync';
import { namedStatements } from '../db/open-database';

type TransferRow = {
  id: string;
  direction: 'out' | 'in';
  other_store_id: string;
  other_store_name: string;
  status: TransferStatus;
  note: string | null;
  requested_at: number | null;
  requested_by: string | null;
  sent_at: number | null;
  sent_by: string | null;
  received_at: number | null;
  received_by: string | null;
  receipt_id: string | null;
  receipt_note: string | null;
};

type LineRow = {
  transfer_id: string;
  sku: string;
  product_id: string | null;
  name_zh: string | null;
  name_en: string | null;
  unit: 'each' | 'kg' | null;
  sent: number;
  received: number | null;
};

/** A transfer's row as written, whether by this till (sent, received) or by the platform's word. */
export type TransferWrite = Omit<TransferRow, 'receipt_id'> & { receiptId: string | null; now: number };

export const transferStatements = namedStatements({
  one: 'SELECT * FROM stock_transfers WHERE id = ?',
  page: `SELECT * FROM stock_transfers WHERE (@direction = 'all' OR direction = @direction)
    ORDER BY updated_at DESC, id DESC LIMIT @limit`,
  lines: `SELECT l.transfer_id, l.sku, p.id AS product_id, p.name_zh, p.name_en, p.unit, l.sent, l.received
    FROM stock_transfer_lines l LEFT JOIN products p ON p.sku = l.sku WHERE l.transfer_id = ? ORDER BY l.sku`,
  upsert: `INSERT INTO stock_transfers (id, direction, other_store_id, other_store_name, status, note, requested_at,
      requested_by, sent_at, sent_by, received_at, received_by, receipt_id, receipt_note, updated_at)
    VALUES (@id, @direction, @other_store_id, @other_store_name, @status, @note, @requested_at, @requested_by,
      @sent_at, @sent_by, @received_at, @received_by, @receiptId, @receipt_note, @now)
    ON CONFLICT (id) DO UPDATE SET other_store_name = excluded.other_store_name, status = excluded.status,
      note = excluded.note, requested_at = excluded.requested_at, requested_by = excluded.requested_by,
      sent_at = excluded.sent_at, sent_by = excluded.sent_by, received_at = excluded.received_at,
      received_by = excluded.received_by, receipt_id = excluded.receipt_id, receipt_note = excluded.receipt_note,
      updated_at = excluded.updated_at`,
  upsertLine: `INSERT INTO stock_transfer_lines (transfer_id, sku, sent, received, out_movement_id, in_movement_id)
    VALUES (@transferId, @sku, @sent, @received, @outMovementId, @inMovementId)
    ON CONFLICT (transfer_id, sku) DO UPDATE SET sent = excluded.sent,
      received = COALESCE(excluded.received, stock_transfer_lines.received),
      out_movement_id = COALESCE(excluded.out_movement_id, stock_transfer_lines.out_movement_id),
      in_movement_id = COALESCE(excluded.in_movement_id, stock_transfer_lines.in_movement_id)`,
  deleteLines: 'DELETE FROM stock_transfer_lines WHERE transfer_id = ?',
});

function rowToLine(row: LineRow): TransferLineView {
  return {
    sku: row.sku,
    productId: row.product_id,
    nameZh: row.name_zh ?? row.sku,
    nameEn: row.name_en ?? row.sku,
    unit: row.unit ?? 'each',
    sent: row.sent,
    received: row.received,
    difference: row.received === null ? null : row.received - row.sent,
  };
}

function rowToTransfer(db: Database, row: TransferRow): Transfer {
  const lines = (transferStatements(db).lines.all(row.id) as LineRow[]).map(rowToLine);
  return {
    id: row.id,
    direction: row.direction,
    otherStoreId: row.other_store_id,
    otherStoreName: row.other_store_name,
    status: row.status,
    lines,
    note: row.note,
    requestedAt: row.requested_at,
    requestedBy: row.requested_by,
    sentAt: row.sent_at,
    sentBy: row.sent_by,
    receivedAt: row.received_at,
    receivedBy: row.received_by,
    receiptNote: row.receipt_note,
    discrepancy: lines.some((line) => line.difference !== null && line.difference !== 0),
  };
}

export function findTransfer(db: Database, id: string): Transfer | null {
  const row = transferStatements(db).one.get(id) as TransferRow | undefined;
  return row ? rowToTransfer(db, row) : null;
}

export function requireTransfer(db: Database, id: string): Transfer {
  const found = findTransfer(db, id);
  if (!found) throw new AppError('not_found', { what: { en: 'transfer', 'zh-CN': '调拨' } });
  return found;
}

export function clearTransferLines(db: Database, id: string): void {
  transferStatements(db).deleteLines.run(id);
}

/** The row as stored, for deciding what a pulled change may overwrite. */
export function transferRow(db: Database, id: string): { status: TransferStatus; receiptId: string | null } | null {
  const row = transferStatements(db).one.get(id) as TransferRow | undefined;
  return row ? { status: row.status, receiptId: row.receipt_id } : null;
}

export function listTransfers(db: Database, input: { direction: 'all' | 'in' | 'out'; limit: number }) {
  const rows = transferStatements(db).page.all(input) as TransferRow[];
  return { transfers: rows.map((row) => rowToTransfer(db, row)) };
}

export function writeTransfer(db: Database, transfer: TransferWrite): void {
  transferStatements(db).upsert.run(transfer);
}

export function writeTransferLine(
  db: Database,
  line: {
    transferId: string;
    sku: string;
    sent: number;
    received: number | null;
    outMovementId: string | null;
    inMovementId: string | null;
  },
): void {
  transferStatements(db).upsertLine.run(line);
}
