import type { Database } from 'better-sqlite3';
import type { TransferItem, TransferStatus } from '../../../shared/sync/transfer-sync';
import { readPairing } from '../sync/sync-records';
import type { TillDomain } from '../sync/till-domain';
import { clearTransferLines, transferRow, writeTransfer, writeTransferLine } from './transfer-records';

const progress: Record<TransferStatus, number> = { requested: 0, in_transit: 1, received: 2 };

/**
 * A transfer as the platform says it, kept beside this till's own records of it. A send or a receipt
 * made here and not yet confirmed is newer than what the platform says, and stays until the platform
 * has it.
 */
function applyTransfer(db: Database, item: TransferItem, now: number): void {
  const ownStore = readPairing(db)?.storeId;
  const out = item.fromStoreId === ownStore;
  const kept = transferRow(db, item.id);
  // Sent or received here and not yet confirmed: this till's record is the newer word.
  if (kept && progress[kept.status] > progress[item.status]) return;
  writeTransfer(db, {
    id: item.id,
    direction: out ? 'out' : 'in',
    other_store_id: out ? item.toStoreId : item.fromStoreId,
    other_store_name: out ? item.toStoreName : item.fromStoreName,
    status: item.status,
    note: item.note,
    requested_at: item.requestedAt,
    requested_by: item.requestedBy,
    sent_at: item.sentAt,
    sent_by: item.sentBy,
    received_at: item.receivedAt,
    received_by: item.receivedBy,
    receiptId: kept?.receiptId ?? null,
    receipt_note: item.receiptNote,
    now,
  });
  if (item.status === 'requested') clearTransferLines(db, item.id);
  for (const line of item.lines) {
    writeTransferLine(db, {
      transferId: item.id,
      sku: line.sku,
      sent: line.sent,
      received: line.received,
      outMovementId: null,
      inMovementId: null,
    });
  }
}

/** Transfers this store sends or receives: the platform's word comes down, sends and receipts go up. */
export const transferTill: TillDomain<'transfers', 'transfer.sent' | 'transfer.received'> = {
  streams: {
    transfers: {
      apply: (db, item, { now }) => {
        applyTransfer(db, item, now);
        return false;
      },
      told: () => [{ type: 'transfers.changed' }],
    },
  },
  mutations: {
    // Stored whole at enqueue: the transfer's row moves on as the platform answers.
    'transfer.sent': { payload: (_db, row) => JSON.parse(row.payload) },
    'transfer.received': { payload: (_db, row) => JSON.parse(row.payload) },
  },
  payloadSql: {},
};
