-- The link to the platform: what it answered for each pushed record, where each pull stream
-- stands, the store's online orders, and a cached on-hand per product.

ALTER TABLE outbox ADD COLUMN result TEXT CHECK (result IN ('APPLIED', 'DUPLICATE', 'REJECTED', 'CONFLICT'));
ALTER TABLE outbox ADD COLUMN result_code TEXT;
ALTER TABLE outbox ADD COLUMN result_message TEXT;
-- The message's parameters, so it can be worded again in the language of whoever reads it.
ALTER TABLE outbox ADD COLUMN result_params TEXT;
ALTER TABLE outbox ADD COLUMN acked_at INTEGER;

-- The manager's "needs a person" list reads this small index, not the whole queue.
CREATE INDEX outbox_needing_attention ON outbox (seq) WHERE result IN ('REJECTED', 'CONFLICT');

CREATE TABLE sync_cursors (
  stream TEXT PRIMARY KEY,
  cursor TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE online_orders (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL CHECK (channel IN ('online_delivery', 'online_pickup')),
  status TEXT NOT NULL CHECK (status IN ('placed', 'accepted', 'rejected', 'ready', 'handed_over', 'cancelled')),
  -- 1 while a step taken here waits for the platform's confirmation.
  pending_step INTEGER NOT NULL DEFAULT 0 CHECK (pending_step IN (0, 1)),
  pickup_code TEXT NOT NULL,
  customer_name TEXT NOT NULL,
  note TEXT NOT NULL,
  placed_at INTEGER NOT NULL,
  total INTEGER NOT NULL CHECK (total >= 0),
  lines TEXT NOT NULL,
  version TEXT NOT NULL,
  order_id TEXT REFERENCES orders (id),
  updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX online_orders_by_status ON online_orders (status, placed_at);
CREATE INDEX online_orders_by_pickup_code ON online_orders (pickup_code);
-- The sale sent for an accepted online order names it; found per order as the queue is sent.
CREATE INDEX online_orders_by_order ON online_orders (order_id) WHERE order_id IS NOT NULL;

-- The store-wide figure the platform computes from every till's movements.
CREATE TABLE platform_stock (
  sku TEXT PRIMARY KEY,
  on_hand INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

ALTER TABLE products ADD COLUMN low_stock_at INTEGER CHECK (low_stock_at >= 0);

-- On-hand is derived from the ledger; the cache keeps the stock list and low-stock filter indexed.
CREATE TABLE stock_on_hand (
  product_id TEXT PRIMARY KEY REFERENCES products (id),
  quantity INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO stock_on_hand (product_id, quantity)
  SELECT product_id, SUM(quantity) FROM stock_movements GROUP BY product_id;

CREATE TRIGGER stock_on_hand_follows_ledger AFTER INSERT ON stock_movements
BEGIN
  INSERT INTO stock_on_hand (product_id, quantity) VALUES (NEW.product_id, NEW.quantity)
    ON CONFLICT (product_id) DO UPDATE SET quantity = quantity + excluded.quantity;
END;
