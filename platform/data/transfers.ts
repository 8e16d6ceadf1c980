import type { TransferItem, TransferStatus } from '../../shared/sync/transfer-sync';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { recordAudit } from '../owners/platform-audit';
import { requireOwnStore } from './franchise-sales';

/** A transfer's line as the platform keeps it: what was sent, and what the receiving store counted. */
export type TransferLine = { sku: string; sent: number; received: number | null };

export type TransferRow = {
  id: string;
  organisation_id: string;
  status: TransferStatus;
  from_store_id: string;
  from_store_name: string;
  to_store_id: string;
  to_store_name: string;
  lines: TransferLine[];
  note: string | null;
  requested_at: number | null;
  requested_by: string | null;
  sent_at: number | null;
  sent_by: string | null;
  received_at: number | null;
  received_by: string | null;
  receipt_id: string | null;
  receipt_note: string | null;
  version: number;
};

/** Every column of a transfer with both stores' names; callers add the WHERE. */
export const transferSelect = `SELECT t.id, t.organisation_id, t.status, t.from_store_id, f.name AS from_store_name,
    t.to_store_id, r.name AS to_store_name, t.lines, t.note, t.requested_at, t.requested_by, t.sent_at, t.sent_by,
    t.received_at, t.received_by, t.receipt_id, t.receipt_note, t.version
  FROM stock_transfers t JOIN stores f ON f.id = t.from_store_id JOIN stores r ON r.id = t.to_store_id`;

export function rowToTransfer(row: TransferRow): TransferItem {
  return {
    id: row.id,
    status: row.status,
    fromStoreId: row.from_store_id,
    fromStoreName: row.from_store_name,
    toStoreId: row.to_store_id,
    toStoreName: row.to_store_name,
    lines: row.lines,
    note: row.note,
    requestedAt: row.requested_at,
    requestedBy: row.requested_by,
    sentAt: row.sent_at,
    sentBy: row.sent_by,
    receivedAt: row.received_at,
    receivedBy: row.received_by,
    receiptNote: row.receipt_note,
  };
}

/** The lines where what arrived is not what was sent: a shortfall (negative) or a surplus. */
export function discrepancies(lines: TransferLine[]) {
  return lines
    .filter((line) => line.received !== null && line.received !== line.sent)
    .map((line) => ({
      sku: line.sku,
      sent: line.sent,
      received: line.received ?? 0,
      difference: (line.received ?? 0) - line.sent,
    }));
}

/**
 * The next version of the transfers stream. The counter's row lock is held to commit, so versions
 * commit in order; every writer takes it last (docs/franchise.md, "Transfers").
 */
export async function reserveTransferVersion(tx: Queryable): Promise<number> {
  const rows = await tx.query<{ version: number }>(
    'UPDATE transfer_counter SET version = version + 1 WHERE id = 1 RETURNING version',
  );
  return rows[0].version;
}

/** A SKU twice, or one outside the brand's catalog and the operator's: what a transfer may not carry. */
export async function linesRefusal(
  db: Queryable,
  organisationId: string,
  skus: string[],
): Promise<{ code: 'transfer_lines_mismatch' | 'transfer_sku_unknown'; params: { sku: string } } | null> {
  if (new Set(skus).size !== skus.length) return { code: 'transfer_lines_mismatch', params: { sku: skus.join(', ') } };
  const known = await db.query<{ sku: string }>(
    'SELECT sku FROM products WHERE sku = ANY($1::text[]) AND (organisation_id IS NULL OR organisation_id = $2)',
    [skus, organisationId],
  );
  const found = new Set(known.map((row) => row.sku));
  const missing = skus.find((sku) => !found.has(sku));
  return missing ? { code: 'transfer_sku_unknown', params: { sku: missing } } : null;
}

/** The other stores of a store's brand, by name; none when the store belongs to no brand. */
export async function brandStoresOf(db: Queryable, storeId: string) {
  return db.query<{ id: string; name: string }>(
    `SELECT o.id, o.name FROM stores s JOIN stores o ON o.organisation_id = s.organisation_id AND o.id <> s.id
     WHERE s.id = $1 ORDER BY o.name, o.id`,
    [storeId],
  );
}

/** The brand's transfers for its owner, newest first, each with its discrepancy once received. */
export async function brandTransfers(
  db: Queryable,
  organisationId: string,
  input: { status?: TransferStatus; limit: number },
) {
  const rows = await db.query<TransferRow>(
    `${transferSelect} WHERE t.organisation_id = $1 AND ($2::text IS NULL OR t.status = $2)
     ORDER BY t.version DESC LIMIT $3`,
    [organisationId, input.status ?? null, input.limit],
  );
  return {
    transfers: rows.map((row) => ({ ...rowToTransfer(row), discrepancies: discrepancies(row.lines) })),
  };
}

type RequestInput = {
  id: string;
  fromStoreId: string;
  toStoreId: string;
  lines: { sku: string; quantity: number }[];
  note: string | null;
};

/**
 * Head office asks a store to send goods to another (issue 16, item 5): a transfer `requested`,
 * which the sending store's tills pull and may send under its id. Both stores must be the owner's;
 * the same request again (its id) answers what was stored.
 */
export async function requestTransfer(
  sql: Sql,
  owner: { ownerId: string; name: string; organisationId: string },
  input: RequestInput,
  now: number,
) {
  return sql.transaction(async (tx) => {
    await requireOwnStore(tx, owner.organisationId, input.fromStoreId);
    await requireOwnStore(tx, owner.organisationId, input.toStoreId);
    if (input.fromStoreId === input.toStoreId) {
      throw new ApiError(400, 'transfer_store_invalid', { store: input.toStoreId });
    }
    const refusal = await linesRefusal(
      tx,
      owner.organisationId,
      input.lines.map((line) => line.sku),
    );
    if (refusal) throw new ApiError(400, refusal.code, refusal.params);
    const lines: TransferLine[] = input.lines.map((line) => ({ sku: line.sku, sent: line.quantity, received: null }));
    const [earlier] = await tx.query<TransferRow>(`${transferSelect} WHERE t.id = $1`, [input.id]);
    if (earlier) {
      if (earlier.organisation_id !== owner.organisationId || earlier.requested_at === null) {
        throw new ApiError(409, 'transfer_id_taken', { id: input.id });
      }
      return { ...rowToTransfer(earlier), discrepancies: discrepancies(earlier.lines) };
    }
    const version = await reserveTransferVersion(tx);
    await tx.query(
      `INSERT INTO stock_transfers (id, organisation_id, from_store_id, to_store_id, status, lines, note, requested_at,
         requested_by, requested_owner_id, version)
       VALUES ($1, $2, $3, $4, 'requested', $5::jsonb, $6, $7, $8, $9, $10)`,
      [
        input.id,
        owner.organisationId,
        input.fromStoreId,
        input.toStoreId,
        JSON.stringify(lines),
        input.note,
        now,
        owner.name,
        owner.ownerId,
        version,
      ],
    );
    await recordAudit(tx, {
      actor: { kind: 'owner', ownerId: owner.ownerId },
      action: 'transfer.requested',
      organisationId: owner.organisationId,
      storeId: input.fromStoreId,
      detail: { transferId: input.id, toStoreId: input.toStoreId, lines },
      at: now,
    });
    const [row] = await tx.query<TransferRow>(`${transferSelect} WHERE t.id = $1`, [input.id]);
    return { ...rowToTransfer(row), discrepancies: discrepancies(row.lines) };
  });
}
