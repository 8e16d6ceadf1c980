-- Every order's discounts by source (docs/data-model.md, Orders and discounts): per line, a manual
-- line discount, each coupon campaign's share, the manual order discount's share. The order's
-- receipt, detail, refunds and the day report read the split from here, so each source shows once.

-- The kinds a discount can come from; a later source (member benefits) is one more row here.
CREATE TABLE discount_source_kinds (
  kind TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

INSERT INTO discount_source_kinds (kind) VALUES ('manual_line'), ('manual_order'), ('coupon');

CREATE TABLE order_discounts (
  order_id TEXT NOT NULL,
  line_no INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  -- The order's business day, so the day report reads its covering index alone.
  business_day TEXT NOT NULL,
  source TEXT NOT NULL REFERENCES discount_source_kinds (kind),
  -- A coupon's campaign; 0 and '' for a coupon an old order did not tie to a campaign.
  campaign_id INTEGER,
  campaign_name TEXT,
  amount INTEGER NOT NULL CHECK (amount > 0),
  CHECK ((source = 'coupon') = (campaign_id IS NOT NULL AND campaign_name IS NOT NULL)),
  PRIMARY KEY (order_id, line_no, seq),
  FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
) STRICT, WITHOUT ROWID;

CREATE INDEX order_discounts_by_day ON order_discounts (business_day, source, campaign_id, campaign_name, amount);

CREATE TRIGGER order_discounts_immutable_update BEFORE UPDATE ON order_discounts
BEGIN SELECT RAISE(ABORT, 'a paid order is never edited'); END;
CREATE TRIGGER order_discounts_immutable_delete BEFORE DELETE ON order_discounts
BEGIN SELECT RAISE(ABORT, 'a paid order is never deleted'); END;

-- Existing orders, from what they stored: line_discount, order_discount (which holds the coupons'
-- share, see 0004) and coupon_discount. A line's coupon share is given to the order's coupon
-- campaigns (its redemptions, all but refused ones and group-buy vouchers, which pay rather than
-- discount) in campaign order, filling line after line: each line's parts add up to its coupon
-- share and each campaign gets its redeemed amount. Whatever no campaign accounts for goes to the
-- last campaign, or to campaign 0 when the order recorded none.
INSERT INTO order_discounts (order_id, line_no, seq, business_day, source, campaign_id, campaign_name, amount)
SELECT l.order_id, l.line_no, 1, o.business_day, 'manual_line', NULL, NULL, l.line_discount
FROM order_lines l JOIN orders o ON o.id = l.order_id
WHERE l.line_discount > 0;

INSERT INTO order_discounts (order_id, line_no, seq, business_day, source, campaign_id, campaign_name, amount)
SELECT l.order_id, l.line_no, 2, o.business_day, 'manual_order', NULL, NULL, l.order_discount - l.coupon_discount
FROM order_lines l JOIN orders o ON o.id = l.order_id
WHERE l.order_discount - l.coupon_discount > 0;

WITH
  line_spans AS (
    SELECT l.order_id, l.line_no, o.business_day,
      sum(l.coupon_discount) OVER (PARTITION BY l.order_id ORDER BY l.line_no) - l.coupon_discount AS start,
      sum(l.coupon_discount) OVER (PARTITION BY l.order_id ORDER BY l.line_no) AS finish
    FROM order_lines l JOIN orders o ON o.id = l.order_id
    WHERE l.coupon_discount > 0
  ),
  redeemed AS (
    SELECT order_id, campaign_id, max(campaign_name) AS campaign_name, sum(amount) AS amount
    FROM redemptions
    WHERE order_id IS NOT NULL AND state != 'REJECTED' AND type != 'group_buy' AND amount > 0
    GROUP BY order_id, campaign_id
  ),
  campaign_spans AS (
    SELECT order_id, campaign_id, campaign_name,
      sum(amount) OVER (PARTITION BY order_id ORDER BY campaign_id) - amount AS start,
      CASE WHEN row_number() OVER (PARTITION BY order_id ORDER BY campaign_id DESC) = 1 THEN 9223372036854775807
        ELSE sum(amount) OVER (PARTITION BY order_id ORDER BY campaign_id) END AS finish
    FROM redeemed
  ),
  parts AS (
    SELECT s.order_id, s.line_no, s.business_day, coalesce(c.campaign_id, 0) AS campaign_id,
      coalesce(c.campaign_name, '') AS campaign_name,
      CASE WHEN c.order_id IS NULL THEN s.finish - s.start
        ELSE min(s.finish, c.finish) - max(s.start, c.start) END AS amount
    FROM line_spans s LEFT JOIN campaign_spans c
      ON c.order_id = s.order_id AND c.start < s.finish AND c.finish > s.start
  )
INSERT INTO order_discounts (order_id, line_no, seq, business_day, source, campaign_id, campaign_name, amount)
SELECT order_id, line_no, 2 + row_number() OVER (PARTITION BY order_id, line_no ORDER BY campaign_id), business_day,
  'coupon', campaign_id, campaign_name, amount
FROM parts WHERE amount > 0;
