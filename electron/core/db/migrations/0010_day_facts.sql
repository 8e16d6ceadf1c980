-- Per-day rollups for the reports (issue 14): what a closed business day sold, stored as two JSON
-- documents per day (what the sales report reads: cells, methods, discounts, campaigns, rounding;
-- what the items report reads: products and categories), so a year's report reads 365 rows instead
-- of every order. Never a running counter: a day's facts are
-- computed from its raw rows in one snapshot and stored with the day's change count as it was
-- then. A report uses them only while that count is unchanged and their version is the code's;
-- anything else is read from the raw rows again. Deleting every row loses nothing.
CREATE TABLE day_facts (
  business_day TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  changes INTEGER NOT NULL,
  sales TEXT NOT NULL,
  items TEXT NOT NULL
);

-- How many times anything a day's facts are made of has changed: bumped in the same transaction
-- as the change, by triggers, so no code path that writes an order, a refund or a redemption can
-- forget it.
CREATE TABLE day_changes (
  business_day TEXT PRIMARY KEY,
  changes INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER day_changes_on_order AFTER INSERT ON orders
BEGIN
  INSERT INTO day_changes (business_day, changes) VALUES (NEW.business_day, 1)
    ON CONFLICT (business_day) DO UPDATE SET changes = changes + 1;
END;

-- A refund changes its order's day ("refunds of these orders" is by original day).
CREATE TRIGGER day_changes_on_refund AFTER INSERT ON refunds
BEGIN
  INSERT INTO day_changes (business_day, changes)
    SELECT business_day, 1 FROM orders WHERE id = NEW.order_id
    ON CONFLICT (business_day) DO UPDATE SET changes = changes + 1;
END;

-- A voucher judged or reversed later changes its order's "vouchers redeemed".
CREATE TRIGGER day_changes_on_redemption AFTER INSERT ON redemptions
BEGIN
  INSERT INTO day_changes (business_day, changes)
    SELECT business_day, 1 FROM orders WHERE id = NEW.order_id
    ON CONFLICT (business_day) DO UPDATE SET changes = changes + 1;
END;

CREATE TRIGGER day_changes_on_redemption_change AFTER UPDATE OF state, order_id ON redemptions
WHEN OLD.state IS NOT NEW.state OR OLD.order_id IS NOT NEW.order_id
BEGIN
  INSERT INTO day_changes (business_day, changes)
    SELECT DISTINCT business_day, 1 FROM orders WHERE id IN (OLD.order_id, NEW.order_id)
    ON CONFLICT (business_day) DO UPDATE SET changes = changes + 1;
END;

-- Categories are the products' categories now: moving a product moves its history, so every
-- day's category figures change (rare; the days are computed again when next read).
CREATE TRIGGER day_changes_on_category AFTER UPDATE OF category_id ON products
WHEN OLD.category_id IS NOT NEW.category_id
BEGIN
  UPDATE day_changes SET changes = changes + 1;
END;
