-- Vouchers at the counter (PROTOCOL.md, Redemption): what the platform sends down to judge them
-- offline, every redemption attempt with its state, and the losses conflicts leave behind.

CREATE TABLE voucher_keys (
  kid INTEGER PRIMARY KEY,
  public_key TEXT NOT NULL,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER NOT NULL
) STRICT;

CREATE TABLE campaigns (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('cash_off', 'percent_off', 'threshold_off', 'free_item', 'group_buy')),
  value INTEGER NOT NULL CHECK (value >= 0),
  valid_from INTEGER NOT NULL,
  valid_to INTEGER NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  -- CampaignRules as JSON, validated with the shared schema when read.
  rules TEXT NOT NULL,
  version TEXT NOT NULL
) STRICT;

-- The deny list: a voucher id here is refused offline. A lifted entry is deleted.
CREATE TABLE voucher_denials (
  voucher_id TEXT PRIMARY KEY,
  reason TEXT NOT NULL CHECK (reason IN ('redeemed', 'blocked', 'revoked', 'disputed')),
  at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- One row: this store's number in voucher scopes and its offline risk limits (RiskLimits JSON).
CREATE TABLE voucher_policy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  store_number INTEGER NOT NULL,
  limits TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- Every redemption attempt; its id is the idempotency key on the platform. The state moves
-- (LOCAL_PENDING → CONFIRMED, OFFLINE_PROVISIONAL → CONFIRMED | CONFLICT_LOST → RESOLVED, …) and
-- each move leaves an audit entry.
CREATE TABLE redemptions (
  id TEXT PRIMARY KEY,
  voucher_id TEXT NOT NULL,
  campaign_id INTEGER NOT NULL,
  campaign_name TEXT NOT NULL,
  type TEXT NOT NULL,
  code TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  state TEXT NOT NULL CHECK (state IN (
    'LOCAL_PENDING', 'CONFIRMED', 'REJECTED', 'UNKNOWN', 'OFFLINE_PROVISIONAL', 'CONFLICT_LOST', 'RESOLVED', 'REVERSED'
  )),
  -- How it was decided: the platform held it for us, or this till decided alone.
  mode TEXT NOT NULL CHECK (mode IN ('online', 'offline')),
  order_id TEXT REFERENCES orders (id),
  staff_id TEXT NOT NULL REFERENCES staff (id),
  business_day TEXT NOT NULL,
  decided_at INTEGER NOT NULL,
  settled_at INTEGER,
  refusal_code TEXT,
  refusal_params TEXT,
  conflict_store TEXT,
  conflict_at INTEGER,
  resolution TEXT CHECK (resolution IN ('absorbed', 'recovered', 'written_off')),
  resolved_by TEXT REFERENCES staff (id),
  resolved_at INTEGER,
  resolution_note TEXT,
  reversed_by_refund TEXT
) STRICT;

CREATE INDEX redemptions_by_order ON redemptions (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX redemptions_by_voucher ON redemptions (voucher_id);
-- The offline exposure and the manager's list read only the open states.
CREATE INDEX redemptions_open ON redemptions (state, decided_at)
  WHERE state IN ('OFFLINE_PROVISIONAL', 'CONFLICT_LOST', 'UNKNOWN', 'LOCAL_PENDING');
CREATE INDEX redemptions_by_time ON redemptions (decided_at);

-- A conflict's cost (PROTOCOL.md): the sale stands, the voucher's value is lost unless recovered.
CREATE TABLE loss_events (
  id TEXT PRIMARY KEY,
  redemption_id TEXT NOT NULL UNIQUE REFERENCES redemptions (id),
  voucher_id TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  device_id TEXT NOT NULL,
  decided_at INTEGER NOT NULL,
  lost_at INTEGER NOT NULL,
  winner_store TEXT NOT NULL,
  winner_at INTEGER NOT NULL
) STRICT;

-- The coupons' share of a line's order-level discount (order_discount includes it, so the line's
-- net = gross − line_discount − order_discount still holds).
ALTER TABLE order_lines ADD COLUMN coupon_discount INTEGER NOT NULL DEFAULT 0
  CHECK (coupon_discount >= 0 AND coupon_discount <= order_discount);

-- The demo store's sample vouchers, issued by its platform, shown on the Sample vouchers page.
CREATE TABLE sample_vouchers (
  position INTEGER PRIMARY KEY,
  campaign_name TEXT NOT NULL,
  type TEXT NOT NULL,
  value INTEGER NOT NULL,
  code TEXT NOT NULL,
  expires INTEGER NOT NULL
) STRICT;
