-- Stock transfers between a brand's stores (issue 16 item 5, docs/franchise.md "Transfers"). A till
-- sends goods (its transfer_out movements go into its store's ledger, stock_movements, in the same
-- push); the platform holds the transfer in transit and sends it down both stores' `transfers`
-- stream; the receiving store's receipt (its transfer_in movements, the quantities it counted) closes
-- it. `lines`: [{sku, sent, received}] with received null until then. An owner may ask a store to send
-- (status 'requested', nothing sent yet). Each step carries who and when.
--
-- One franchise-wide counter versions the stream: a transfer moves two stores' streams, so neither
-- store's counter can number it. Taken last in every writer (after the store rows, after the transfer
-- row), so it hands out versions in commit order and lock order stays store → transfer → counter.
CREATE TABLE transfer_counter (
  id integer PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO transfer_counter (id, version) VALUES (1, 0);

CREATE TABLE stock_transfers (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  from_store_id uuid NOT NULL REFERENCES stores (id),
  to_store_id uuid NOT NULL REFERENCES stores (id),
  status text NOT NULL CHECK (status IN ('requested', 'in_transit', 'received')),
  lines jsonb NOT NULL,
  note text,
  requested_at bigint,
  requested_by text,
  requested_owner_id uuid,
  sent_at bigint,
  sent_by text,
  sent_device_id uuid,
  received_at bigint,
  received_by text,
  received_device_id uuid,
  receipt_id uuid UNIQUE,
  receipt_note text,
  version bigint NOT NULL UNIQUE,
  CHECK (from_store_id <> to_store_id)
);
CREATE INDEX stock_transfers_from ON stock_transfers (from_store_id, version);
CREATE INDEX stock_transfers_to ON stock_transfers (to_store_id, version);
CREATE INDEX stock_transfers_organisation ON stock_transfers (organisation_id, version);
