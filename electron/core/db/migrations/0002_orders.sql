-- Shifts, orders, payments, refunds, stock movements and the sync outbox: the cashier's day.
-- Paid orders, their lines and payments are immutable (triggers below): corrections are refunds.

ALTER TABLE store ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';

CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  business_day TEXT NOT NULL,
  opened_by TEXT NOT NULL REFERENCES staff (id),
  opened_at INTEGER NOT NULL,
  float INTEGER NOT NULL CHECK (float >= 0),
  closed_by TEXT REFERENCES staff (id),
  closed_at INTEGER,
  z_number INTEGER,
  counted_cash INTEGER,
  expected_cash INTEGER,
  variance_approved_by TEXT REFERENCES staff (id),
  z_report TEXT,
  CHECK ((closed_at IS NULL) = (z_number IS NULL)),
  UNIQUE (device_id, z_number)
) STRICT;

-- One till, one open shift.
CREATE UNIQUE INDEX shifts_one_open ON shifts (device_id) WHERE closed_at IS NULL;

CREATE TABLE cash_movements (
  id TEXT PRIMARY KEY,
  shift_id TEXT NOT NULL REFERENCES shifts (id),
  kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
  amount INTEGER NOT NULL CHECK (amount > 0),
  reason TEXT NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  approver_id TEXT REFERENCES staff (id),
  at INTEGER NOT NULL
) STRICT;

CREATE INDEX cash_movements_by_shift ON cash_movements (shift_id);

-- Order numbers per device and business day; a row per day keeps the counter off the hot index.
CREATE TABLE order_counters (
  device_id TEXT NOT NULL,
  business_day TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (device_id, business_day)
) STRICT, WITHOUT ROWID;

CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL,
  device_id TEXT NOT NULL,
  business_day TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('in_store', 'online_delivery', 'online_pickup', 'group_buy')),
  shift_id TEXT REFERENCES shifts (id),
  cashier_id TEXT NOT NULL REFERENCES staff (id),
  cashier_name TEXT NOT NULL,
  approver_name TEXT,
  paid_at INTEGER NOT NULL,
  -- The store's local clock hour of payment, for the by-hour report.
  hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  item_count INTEGER NOT NULL,
  gross INTEGER NOT NULL CHECK (gross >= 0),
  discount INTEGER NOT NULL CHECK (discount >= 0 AND discount <= gross),
  order_discount_reason TEXT,
  total INTEGER NOT NULL CHECK (total = gross - discount),
  rounding INTEGER NOT NULL,
  tax INTEGER NOT NULL,
  methods TEXT NOT NULL,
  -- Digest of the commit request: a retry with the same id but another cart is refused.
  request_digest TEXT NOT NULL,
  UNIQUE (device_id, business_day, number)
) STRICT, WITHOUT ROWID;

-- Every index is another page each commit writes and fsyncs, so there are only the ones a screen
-- or report needs at speed. The day report and the day's list read this covering index alone.
CREATE INDEX orders_by_day ON orders (business_day, channel, hour, gross, discount, total, tax, item_count);
CREATE INDEX orders_by_shift ON orders (shift_id);

CREATE TABLE order_lines (
  order_id TEXT NOT NULL REFERENCES orders (id),
  line_no INTEGER NOT NULL,
  line_id TEXT NOT NULL,
  product_id TEXT NOT NULL REFERENCES products (id),
  sku TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit TEXT NOT NULL,
  quantity_kind TEXT NOT NULL CHECK (quantity_kind IN ('count', 'weight', 'priced')),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
  gross INTEGER NOT NULL,
  line_discount INTEGER NOT NULL,
  order_discount INTEGER NOT NULL,
  discount_reason TEXT,
  net INTEGER NOT NULL CHECK (net >= 0 AND net = gross - line_discount - order_discount),
  tax_rate_bp INTEGER NOT NULL,
  tax INTEGER NOT NULL,
  PRIMARY KEY (order_id, line_no)
) STRICT, WITHOUT ROWID;

CREATE TABLE payments (
  order_id TEXT NOT NULL REFERENCES orders (id),
  seq INTEGER NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'wallet', 'platform_prepaid')),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  tendered INTEGER,
  change INTEGER,
  reference TEXT,
  business_day TEXT NOT NULL,
  shift_id TEXT REFERENCES shifts (id),
  PRIMARY KEY (order_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX payments_by_day ON payments (business_day, method, amount);
CREATE INDEX payments_by_shift ON payments (shift_id, method);

CREATE TABLE refunds (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL,
  order_id TEXT NOT NULL REFERENCES orders (id),
  device_id TEXT NOT NULL,
  business_day TEXT NOT NULL,
  shift_id TEXT REFERENCES shifts (id),
  staff_id TEXT NOT NULL REFERENCES staff (id),
  staff_name TEXT NOT NULL,
  approver_name TEXT,
  reason TEXT NOT NULL,
  -- Zero for goods given back that were free (fully discounted): stock returns, no money moves.
  amount INTEGER NOT NULL CHECK (amount >= 0),
  at INTEGER NOT NULL,
  request_digest TEXT NOT NULL
) STRICT;

CREATE INDEX refunds_by_order ON refunds (order_id);
CREATE INDEX refunds_by_day ON refunds (business_day, amount);
CREATE INDEX refunds_by_shift ON refunds (shift_id);

CREATE TABLE refund_lines (
  refund_id TEXT NOT NULL REFERENCES refunds (id),
  order_id TEXT NOT NULL,
  line_no INTEGER NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (refund_id, line_no),
  FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
) STRICT, WITHOUT ROWID;

CREATE INDEX refund_lines_by_order_line ON refund_lines (order_id, line_no);

CREATE TABLE refund_tenders (
  refund_id TEXT NOT NULL REFERENCES refunds (id),
  method TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  shift_id TEXT REFERENCES shifts (id),
  PRIMARY KEY (refund_id, method)
) STRICT, WITHOUT ROWID;

CREATE INDEX refund_tenders_by_shift ON refund_tenders (shift_id, method);

-- Append-only stock ledger; quantities in items, or grams for goods sold by weight.
CREATE TABLE stock_movements (
  id TEXT PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES products (id),
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'online_sale', 'receive', 'count', 'adjustment',
    'transfer_out', 'transfer_in', 'waste')),
  quantity INTEGER NOT NULL,
  order_id TEXT,
  refund_id TEXT,
  at INTEGER NOT NULL,
  staff_id TEXT
) STRICT, WITHOUT ROWID;

CREATE INDEX stock_movements_by_product ON stock_movements (product_id, at);

-- Parked carts: open orders, kept until paid or voided.
CREATE TABLE parked_carts (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  cart TEXT NOT NULL,
  line_count INTEGER NOT NULL,
  total INTEGER NOT NULL,
  parked_by TEXT NOT NULL REFERENCES staff (id),
  parked_by_name TEXT NOT NULL,
  parked_at INTEGER NOT NULL
) STRICT;

-- What the sync pushes, in `seq` order; written in the same transaction as the record it names.
-- Orders, refunds and closed shifts never change, so the sender reads them when it sends and the
-- row carries only what is not stored elsewhere. What is unsent is what lies past the platform's
-- last acknowledged seq, found through the primary key.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected')),
  UNIQUE (type, id)
) STRICT;

CREATE TRIGGER orders_immutable_update BEFORE UPDATE ON orders
BEGIN SELECT RAISE(ABORT, 'a paid order is never edited'); END;
CREATE TRIGGER orders_immutable_delete BEFORE DELETE ON orders
BEGIN SELECT RAISE(ABORT, 'a paid order is never deleted'); END;
CREATE TRIGGER order_lines_immutable_update BEFORE UPDATE ON order_lines
BEGIN SELECT RAISE(ABORT, 'a paid order is never edited'); END;
CREATE TRIGGER order_lines_immutable_delete BEFORE DELETE ON order_lines
BEGIN SELECT RAISE(ABORT, 'a paid order is never deleted'); END;
CREATE TRIGGER payments_immutable_update BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'a paid order is never edited'); END;
CREATE TRIGGER payments_immutable_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'a paid order is never deleted'); END;
CREATE TRIGGER refunds_immutable_update BEFORE UPDATE ON refunds
BEGIN SELECT RAISE(ABORT, 'a refund is never edited'); END;
CREATE TRIGGER refunds_immutable_delete BEFORE DELETE ON refunds
BEGIN SELECT RAISE(ABORT, 'a refund is never deleted'); END;
CREATE TRIGGER stock_movements_append_only BEFORE UPDATE ON stock_movements
BEGIN SELECT RAISE(ABORT, 'stock movements are append-only'); END;
CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
BEGIN SELECT RAISE(ABORT, 'stock movements are append-only'); END;
