-- Points (issue 15; docs/members.md, "Points on the platform"). A member's points are the journal
-- below, folded with the shared rules (shared/members/points-journal.ts); `members.points` and
-- `members.points_held` are that fold's balance and held points, kept beside the member for the
-- tills' `members` stream and the admin view. Times are epoch ms.

ALTER TABLE members ADD COLUMN points_held bigint NOT NULL DEFAULT 0 CHECK (points_held >= 0);

-- Each store's points rules (shared/members/points.ts `PointsRules`) and how many points one of its
-- tills may spend for a member without the platform (`offline_cap`). No row: the store earns and
-- redeems nothing. `version` is the `points_rules` stream's, from the member counter.
CREATE TABLE points_rules (
  store_id uuid PRIMARY KEY,
  rules jsonb NOT NULL,
  offline_cap bigint NOT NULL CHECK (offline_cap >= 0),
  updated_at bigint NOT NULL,
  version bigint NOT NULL
);
CREATE INDEX points_rules_version ON points_rules (version);

-- The journal. `movement` is the shared `PointsMovement` as recorded; `id` is its movement id and
-- `business_key` the one per order / refund / hold (`earn:<order>`, `spend:<order>`,
-- `reverse:<refund>`, `release:<hold>`), so a retry, a lost reply or a second confirmation under
-- another id is recognised. Never updated or deleted.
CREATE TABLE points_movements (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  member_id uuid NOT NULL REFERENCES members (id),
  business_key text UNIQUE,
  kind text NOT NULL CHECK (kind IN ('earn', 'hold', 'release', 'spend', 'reverse', 'expire', 'adjust')),
  order_id uuid,
  movement jsonb NOT NULL,
  balance_after bigint NOT NULL,
  held_after bigint NOT NULL,
  store_id uuid,
  actor text NOT NULL,
  recorded_at bigint NOT NULL
);
CREATE INDEX points_movements_member ON points_movements (member_id, seq);
CREATE INDEX points_movements_order ON points_movements (order_id) WHERE order_id IS NOT NULL;

-- Points the brand lost, for the manager (`members points-losses`): an offline spend the balance
-- could not cover (`overspent`, the shortfall), or a refund's take-back of points already spent
-- (`unrecovered`). One per movement and kind.
CREATE TABLE points_losses (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id uuid NOT NULL REFERENCES members (id),
  movement_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('overspent', 'unrecovered')),
  order_id uuid,
  store_id uuid,
  points bigint NOT NULL CHECK (points > 0),
  over_cap boolean NOT NULL DEFAULT false,
  at bigint NOT NULL,
  UNIQUE (movement_id, kind)
);
CREATE INDEX points_losses_at ON points_losses (at);
