-- Stock transfers between a brand's stores (issue 16, docs/franchise.md "Transfers"). A transfer this
-- till sent (direction 'out') or one sent to its store ('in'), as the platform last said and as this
-- till recorded it: the goods left the sender's ledger as transfer_out movements and enter the
-- receiver's as transfer_in movements (stock_movements), which each line names. The other store's
-- name is kept as the platform gave it, for the list.
CREATE TABLE stock_transfers (
  id TEXT PRIMARY KEY,
  direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
  other_store_id TEXT NOT NULL,
  other_store_name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('requested', 'in_transit', 'received')),
  note TEXT,
  requested_at INTEGER,
  requested_by TEXT,
  sent_at INTEGER,
  sent_by TEXT,
  -- Set by this till's receipt (not yet confirmed by the platform) or by the platform's word.
  received_at INTEGER,
  received_by TEXT,
  receipt_id TEXT UNIQUE,
  receipt_note TEXT,
  updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX stock_transfers_by_time ON stock_transfers (updated_at);

CREATE TABLE stock_transfer_lines (
  transfer_id TEXT NOT NULL REFERENCES stock_transfers (id),
  sku TEXT NOT NULL,
  sent INTEGER NOT NULL,
  received INTEGER,
  out_movement_id TEXT,
  in_movement_id TEXT,
  PRIMARY KEY (transfer_id, sku)
) STRICT, WITHOUT ROWID;
