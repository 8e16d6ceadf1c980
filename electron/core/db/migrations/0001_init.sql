-- Store, staff, catalog and the audit chain: the foundation every later table refers to.

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE store (
  id TEXT PRIMARY KEY,
  singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  currency TEXT NOT NULL,
  day_cutoff_hour INTEGER NOT NULL CHECK (day_cutoff_hour BETWEEN 0 AND 12),
  demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'owner')),
  pin_hash BLOB NOT NULL,
  pin_salt BLOB NOT NULL,
  demo_pin TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_pins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL UNIQUE,
  name_en TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE products (
  id TEXT PRIMARY KEY,
  category_id TEXT NOT NULL REFERENCES categories (id),
  sku TEXT NOT NULL UNIQUE,
  plu TEXT UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  price INTEGER NOT NULL CHECK (price >= 0),
  cost INTEGER NOT NULL CHECK (cost >= 0),
  tax_rate_bp INTEGER NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
  unit TEXT NOT NULL CHECK (unit IN ('each', 'kg')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  listed_online INTEGER NOT NULL DEFAULT 1 CHECK (listed_online IN (0, 1)),
  sold_out INTEGER NOT NULL DEFAULT 0 CHECK (sold_out IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX products_by_category ON products (category_id, name_zh);

CREATE TABLE product_barcodes (
  barcode TEXT PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX product_barcodes_by_product ON product_barcodes (product_id);

-- rowid = products.rowid; terms are the names with each Han character spaced out, so a two-character
-- Chinese query is an indexed phrase match rather than a table scan. Prefix indexes keep the first
-- keystrokes fast. Codes (barcode, SKU, PLU) are found through their B-tree indexes instead.
CREATE VIRTUAL TABLE product_search USING fts5 (
  terms,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  action TEXT NOT NULL,
  staff_id TEXT,
  staff_name TEXT,
  approver_id TEXT,
  approver_name TEXT,
  subject TEXT,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;

-- Kept apart from the log so deleting the newest entries is caught too.
CREATE TABLE audit_head (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;
