-- The platform's first schema. Times are epoch milliseconds (bigint), money integer minor units.
-- Tables that grow with traffic lead with store_id so they can be distributed by store (Citus);
-- stream versions come from per-store counter rows, never from a global sequence.

-- Settings that must survive restarts when there is no data folder (the admin token).
CREATE TABLE platform_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

-- `version` numbers this store's online_orders and stock_levels changes. Bumping it locks the row
-- until commit, so versions are handed out in commit order and a cursor never skips a late commit.
CREATE TABLE stores (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  currency text NOT NULL,
  time_zone text NOT NULL,
  version bigint NOT NULL DEFAULT 0,
  devices_paired integer NOT NULL DEFAULT 0,
  created_at bigint NOT NULL
);

-- The franchise catalog's own counter (one row), shared by store price overrides.
CREATE TABLE catalog_counter (
  id integer PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO catalog_counter (id, version) VALUES (1, 0);

CREATE TABLE products (
  sku text PRIMARY KEY,
  barcodes jsonb NOT NULL,
  plu text,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  category_zh text NOT NULL,
  category_en text NOT NULL,
  price bigint NOT NULL CHECK (price >= 0),
  tax_rate_bp integer NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
  unit text NOT NULL CHECK (unit IN ('each', 'kg')),
  active boolean NOT NULL,
  listed_online boolean NOT NULL,
  version bigint NOT NULL
);
CREATE INDEX products_version ON products (version);

-- A null price is a removed override, kept so its version still tells terminals to re-price.
CREATE TABLE store_prices (
  store_id uuid NOT NULL REFERENCES stores (id),
  sku text NOT NULL REFERENCES products (sku),
  price bigint CHECK (price >= 0),
  version bigint NOT NULL,
  PRIMARY KEY (store_id, sku)
);
CREATE INDEX store_prices_version ON store_prices (store_id, version);

-- Only the hash of a code is kept; a code is spent by the first pairing that uses it.
CREATE TABLE pairing_codes (
  code_hash text PRIMARY KEY,
  store_id uuid NOT NULL REFERENCES stores (id),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint
);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL REFERENCES stores (id),
  device_code text NOT NULL,
  name text NOT NULL,
  public_key text NOT NULL,
  last_seq bigint NOT NULL DEFAULT 0,
  audit_head jsonb,
  paired_at bigint NOT NULL,
  revoked_at bigint,
  UNIQUE (store_id, device_code)
);

-- Nonces of signed requests, kept while their timestamp is inside the signature window.
CREATE TABLE device_nonces (
  store_id uuid NOT NULL,
  device_id uuid NOT NULL,
  nonce text NOT NULL,
  signed_at bigint NOT NULL,
  PRIMARY KEY (store_id, device_id, nonce)
);
CREATE INDEX device_nonces_signed_at ON device_nonces (signed_at);

-- One row per pushed sequence number: what the platform answered, so a re-sent seq gets the same answer.
CREATE TABLE mutation_results (
  store_id uuid NOT NULL,
  device_id uuid NOT NULL,
  seq bigint NOT NULL,
  mutation_id uuid NOT NULL,
  type text NOT NULL,
  status text NOT NULL CHECK (status IN ('APPLIED', 'DUPLICATE', 'REJECTED')),
  code text,
  params jsonb,
  received_at bigint NOT NULL,
  PRIMARY KEY (store_id, device_id, seq)
);
-- A business record is applied once per store, whichever device or seq carries it.
CREATE UNIQUE INDEX mutation_results_applied ON mutation_results (store_id, type, mutation_id)
  WHERE status = 'APPLIED';
CREATE INDEX mutation_results_rejected ON mutation_results (store_id, seq) WHERE status = 'REJECTED';

CREATE TABLE online_orders (
  store_id uuid NOT NULL REFERENCES stores (id),
  id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('online_delivery', 'online_pickup')),
  state text NOT NULL,
  pickup_code text NOT NULL,
  customer_name text NOT NULL,
  note text NOT NULL,
  placed_at bigint NOT NULL,
  total bigint NOT NULL,
  lines jsonb NOT NULL,
  order_id uuid,
  reason text,
  version bigint NOT NULL,
  PRIMARY KEY (store_id, id)
);
CREATE INDEX online_orders_version ON online_orders (store_id, version);
CREATE UNIQUE INDEX online_orders_open_pickup ON online_orders (store_id, pickup_code)
  WHERE state IN ('placed', 'accepted', 'ready');

CREATE TABLE orders (
  store_id uuid NOT NULL,
  id uuid NOT NULL,
  device_id uuid NOT NULL,
  number text NOT NULL,
  business_day date NOT NULL,
  channel text NOT NULL,
  paid_at bigint NOT NULL,
  total bigint NOT NULL,
  online_order_id uuid,
  body jsonb NOT NULL,
  PRIMARY KEY (store_id, id)
);
CREATE INDEX orders_business_day ON orders (store_id, business_day);

CREATE TABLE refunds (
  store_id uuid NOT NULL,
  id uuid NOT NULL,
  device_id uuid NOT NULL,
  order_id uuid NOT NULL,
  business_day date NOT NULL,
  amount bigint NOT NULL,
  refunded_at bigint NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (store_id, id)
);
CREATE INDEX refunds_business_day ON refunds (store_id, business_day);

CREATE TABLE z_reports (
  store_id uuid NOT NULL,
  shift_id uuid NOT NULL,
  device_id uuid NOT NULL,
  z_number integer NOT NULL,
  business_day date NOT NULL,
  closed_at bigint NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (store_id, shift_id)
);

-- The stock ledger; on-hand below is its running sum, kept in the same transaction.
CREATE TABLE stock_movements (
  store_id uuid NOT NULL,
  id uuid NOT NULL,
  device_id uuid NOT NULL,
  sku text NOT NULL,
  kind text NOT NULL,
  quantity bigint NOT NULL,
  moved_at bigint NOT NULL,
  note text,
  PRIMARY KEY (store_id, id)
);

CREATE TABLE stock_levels (
  store_id uuid NOT NULL REFERENCES stores (id),
  sku text NOT NULL,
  on_hand bigint NOT NULL DEFAULT 0,
  sold_out boolean NOT NULL DEFAULT false,
  version bigint NOT NULL,
  PRIMARY KEY (store_id, sku)
);
CREATE INDEX stock_levels_version ON stock_levels (store_id, version);
