-- Stock across a brand's stores (issue 16, docs/franchise.md). The brand's low-stock level of a
-- product of its catalog (its own or the operator's), for every one of its stores: items, or grams
-- for goods sold by weight, as the till's own level. A store's till keeps its own level besides.
CREATE TABLE low_stock_levels (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  sku text NOT NULL REFERENCES products (sku),
  low_at bigint NOT NULL CHECK (low_at BETWEEN 0 AND 1000000000),
  set_at bigint NOT NULL,
  PRIMARY KEY (organisation_id, sku)
);

-- Who moved the stock, where the till said: the cashier of a sale, the staff of a refund, and the
-- receipt number of either. NULL for movements recorded before this and for the till's own changes.
ALTER TABLE stock_movements ADD COLUMN staff_name text;
ALTER TABLE stock_movements ADD COLUMN reference text;

-- A store's ledger newest first, whole or of one SKU.
CREATE INDEX stock_movements_store_time ON stock_movements (store_id, moved_at, id);
CREATE INDEX stock_movements_store_sku_time ON stock_movements (store_id, sku, moved_at, id);
