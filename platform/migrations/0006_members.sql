-- Members (issue 15; docs/members.md). One platform is one brand until organisations come
-- (issue 16): `member_settings.brand` is the number a member code carries. Times are epoch ms,
-- except member-key validity, which is unix seconds like the voucher keys'.

-- The brand's member settings, one row. The tier ladder and growth rule as shared/members/tiers.ts
-- reads them. `lookup_secret` (32 random bytes, base64url, written by the platform at its first
-- start) derives each store's phone lookup key; `version` is the member_policy stream's.
CREATE TABLE member_settings (
  id integer PRIMARY KEY CHECK (id = 1),
  brand integer NOT NULL CHECK (brand >= 0),
  ladder jsonb NOT NULL,
  growth_rule jsonb NOT NULL,
  lookup_secret text NOT NULL,
  version bigint NOT NULL
);

-- Versions of the three member streams. Brand-wide, like the voucher counter: a member's change
-- moves the `members` stream of every store that has seen them. Taken last (store → member →
-- counter), so two writers never wait on each other in a circle.
CREATE TABLE member_counter (
  id integer PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO member_counter (id, version) VALUES (1, 0);

-- Member-code signing keys, sealed with the KEK like the voucher keys (platform/vouchers/key-sealing.ts).
CREATE TABLE member_keys (
  kid integer PRIMARY KEY CHECK (kid >= 0),
  private_key_sealed text NOT NULL,
  public_key text NOT NULL,
  valid_from bigint NOT NULL,
  valid_to bigint NOT NULL,
  created_at bigint NOT NULL,
  version bigint NOT NULL
);
CREATE INDEX member_keys_version ON member_keys (version);

-- A member of the brand. `phone` (11 digits) is for lookup only and never leaves the platform in
-- the clear; erasure (PIPL) nulls every personal field and keeps the row, its id and its history.
-- `points` is kept at 0 until the points journal comes.
CREATE TABLE members (
  id uuid PRIMARY KEY,
  phone text,
  name text,
  growth bigint NOT NULL DEFAULT 0 CHECK (growth >= 0),
  tier integer NOT NULL,
  points bigint NOT NULL DEFAULT 0,
  first_visit_at bigint,
  last_visit_at bigint,
  consent boolean NOT NULL,
  consent_at bigint,
  created_via text NOT NULL CHECK (created_via IN ('counter', 'platform', 'online_order')),
  created_store_id uuid,
  created_at bigint NOT NULL,
  erased_at bigint,
  CHECK (erased_at IS NULL OR (phone IS NULL AND name IS NULL AND NOT consent AND consent_at IS NULL)),
  CHECK (erased_at IS NOT NULL OR phone IS NOT NULL)
);
CREATE UNIQUE INDEX members_phone ON members (phone) WHERE phone IS NOT NULL;

-- The members a store has seen (looked up, identified, enrolled or sold to there): its tills'
-- `members` stream. No foreign key to stores (see 0002): the code checks the store.
CREATE TABLE store_members (
  store_id uuid NOT NULL,
  member_id uuid NOT NULL REFERENCES members (id),
  seen_at bigint NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (store_id, member_id)
);
CREATE INDEX store_members_version ON store_members (store_id, version);
CREATE INDEX store_members_member ON store_members (member_id);

-- Enrolment at a counter: the customer confirms with a 6-digit code "sent" to their phone. Only
-- the code's SHA-256 (with the enrolment id) is kept; five wrong tries or ten minutes end it.
CREATE TABLE member_enrolments (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  device_id uuid NOT NULL,
  phone text,
  name text,
  consent boolean NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  member_id uuid REFERENCES members (id)
);

-- There is no SMS gateway: what would be sent waits here for the operator (`members messages`).
CREATE TABLE member_messages (
  id uuid PRIMARY KEY,
  enrolment_id uuid NOT NULL REFERENCES member_enrolments (id),
  phone text,
  text text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX member_messages_expires ON member_messages (expires_at);

-- A sale that named a member: growth and last visit are credited once per order, here.
CREATE TABLE member_orders (
  store_id uuid NOT NULL,
  order_id uuid NOT NULL,
  member_id uuid NOT NULL REFERENCES members (id),
  paid_at bigint NOT NULL,
  growth bigint NOT NULL,
  PRIMARY KEY (store_id, order_id)
);
CREATE INDEX member_orders_member ON member_orders (member_id);

-- Member codes presented on the platform, so one showing cannot be used at a second till. Kept
-- while the code could still be believed, then pruned.
CREATE TABLE member_code_uses (
  nonce text PRIMARY KEY,
  member_id uuid NOT NULL,
  device_id uuid NOT NULL,
  expires_at bigint NOT NULL
);

-- Every change to a member, by whom (the operator, or a device), without personal data: the
-- fields that changed are named, the number and name never written.
CREATE TABLE member_audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id uuid NOT NULL,
  actor text NOT NULL,
  store_id uuid,
  action text NOT NULL,
  detail jsonb NOT NULL,
  at bigint NOT NULL
);
CREATE INDEX member_audit_member ON member_audit (member_id, id);
