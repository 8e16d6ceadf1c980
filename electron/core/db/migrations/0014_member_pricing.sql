-- Member prices and the tier discount at the counter (issue 15; docs/members.md, "Tiers on the till").

-- The brand's tier ladder as the `member_tiers` stream carries it, lowest first. A change replaces
-- the whole ladder. The tier discount is in basis points, 0 when the tier gives none.
CREATE TABLE member_tiers (
  tier_id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  min_growth INTEGER NOT NULL CHECK (min_growth >= 0),
  tier_discount_bp INTEGER NOT NULL CHECK (tier_discount_bp BETWEEN 0 AND 5000)
) STRICT;

-- A tier's member prices, by SKU: the ladder is the brand's and a product's id is this till's.
-- A sale reads the few its cart needs by (tier, SKU).
CREATE TABLE member_prices (
  tier_id INTEGER NOT NULL REFERENCES member_tiers (tier_id) ON DELETE CASCADE,
  sku TEXT NOT NULL,
  price INTEGER NOT NULL CHECK (price >= 0),
  PRIMARY KEY (tier_id, sku)
) STRICT, WITHOUT ROWID;

-- The member benefit is a discount source of its own (docs/data-model.md, Orders and discounts).
INSERT INTO discount_source_kinds (kind) VALUES ('member');

-- What the member benefit took off a line. Like coupon_discount (migration 0004), it is inside
-- order_discount, which keeps every discount past the manual line discount so that the line's
-- check (net = gross − line_discount − order_discount) holds; the manual order discount's share
-- is order_discount − coupon_discount − member_discount. Lines from before members took nothing.
ALTER TABLE order_lines ADD COLUMN member_discount INTEGER NOT NULL DEFAULT 0 CHECK (member_discount >= 0);
