-- Members at the counter (issue 15; docs/members.md, "On the till"). What the platform sends down
-- so members are known offline, and the link of a paid order to its member.

-- The members seen at this store, as the `members` stream carries them: the number masked for
-- screens and receipts, and a keyed hash of it (member_policy.lookup_key) to find them by number;
-- never the number itself. An erased member keeps only its id and figures: every personal
-- column NULL, erased = 1. Tier names travel with the member, as the ladder does not come down.
-- A member identified offline by a genuine code this till had not seen is kept by id alone (tier,
-- growth and points NULL) until the platform sends them.
CREATE TABLE members (
  id TEXT PRIMARY KEY,
  masked_phone TEXT,
  phone_hash TEXT,
  name TEXT,
  tier_id INTEGER,
  tier_zh TEXT,
  tier_en TEXT,
  growth INTEGER,
  points INTEGER,
  first_visit_at INTEGER,
  last_visit_at INTEGER,
  consent INTEGER NOT NULL CHECK (consent IN (0, 1)),
  erased INTEGER NOT NULL CHECK (erased IN (0, 1)),
  updated_at INTEGER NOT NULL,
  CHECK (erased = 0 OR (masked_phone IS NULL AND phone_hash IS NULL AND name IS NULL AND consent = 0))
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX members_phone_hash ON members (phone_hash) WHERE phone_hash IS NOT NULL;

-- The member-code public keys (unix seconds), like voucher_keys.
CREATE TABLE member_keys (
  kid INTEGER PRIMARY KEY,
  public_key TEXT NOT NULL,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER NOT NULL
) STRICT;

-- One row: the brand a member code must name, and this store's phone lookup key (base64url).
CREATE TABLE member_policy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  brand INTEGER NOT NULL,
  lookup_key TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- The member a sale was made to, written in the order's transaction and never changed. The tier
-- is the one the member had then (the receipt prints it); the masked number is read from
-- `members` when a receipt is printed, so an erased member's receipts no longer show it.
CREATE TABLE order_members (
  order_id TEXT PRIMARY KEY REFERENCES orders (id),
  member_id TEXT NOT NULL,
  tier_zh TEXT,
  tier_en TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX order_members_member ON order_members (member_id);
CREATE TRIGGER order_members_immutable_update BEFORE UPDATE ON order_members
  BEGIN SELECT RAISE(ABORT, 'a paid order''s member cannot change'); END;
CREATE TRIGGER order_members_immutable_delete BEFORE DELETE ON order_members
  BEGIN SELECT RAISE(ABORT, 'a paid order''s member cannot change'); END;
