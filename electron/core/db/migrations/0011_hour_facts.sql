-- Per-hour rollups of a day cut at a minute (issue 14): "today so far" and the same part of the
-- day it is compared with. Their clock hours before the cut's own hour are closed; each is stored
-- once like a closed day (migration 0010), so today's report reads the raw rows of one hour, not
-- of the whole day, on both sides. The same rules: computed from raw rows in one snapshot, stored
-- with the hour's change count, used only while that count and the version are unchanged.
CREATE TABLE hour_facts (
  business_day TEXT NOT NULL,
  hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  version INTEGER NOT NULL,
  changes INTEGER NOT NULL,
  sales TEXT NOT NULL,
  items TEXT NOT NULL,
  PRIMARY KEY (business_day, hour)
);

-- Bumped with the day's count (0010's triggers), for the order's own clock hour: a sale now
-- changes only the hour in progress, so the closed hours of today stay valid.
CREATE TABLE hour_changes (
  business_day TEXT NOT NULL,
  hour INTEGER NOT NULL,
  changes INTEGER NOT NULL,
  PRIMARY KEY (business_day, hour)
) WITHOUT ROWID;

CREATE TRIGGER hour_changes_on_order AFTER INSERT ON orders
BEGIN
  INSERT INTO hour_changes (business_day, hour, changes) VALUES (NEW.business_day, NEW.hour, 1)
    ON CONFLICT (business_day, hour) DO UPDATE SET changes = changes + 1;
END;

CREATE TRIGGER hour_changes_on_refund AFTER INSERT ON refunds
BEGIN
  INSERT INTO hour_changes (business_day, hour, changes)
    SELECT business_day, hour, 1 FROM orders WHERE id = NEW.order_id
    ON CONFLICT (business_day, hour) DO UPDATE SET changes = changes + 1;
END;

CREATE TRIGGER hour_changes_on_redemption AFTER INSERT ON redemptions
BEGIN
  INSERT INTO hour_changes (business_day, hour, changes)
    SELECT business_day, hour, 1 FROM orders WHERE id = NEW.order_id
    ON CONFLICT (business_day, hour) DO UPDATE SET changes = changes + 1;
END;

CREATE TRIGGER hour_changes_on_redemption_change AFTER UPDATE OF state, order_id ON redemptions
WHEN OLD.state IS NOT NEW.state OR OLD.order_id IS NOT NEW.order_id
BEGIN
  INSERT INTO hour_changes (business_day, hour, changes)
    SELECT DISTINCT business_day, hour, 1 FROM orders WHERE id IN (OLD.order_id, NEW.order_id)
    ON CONFLICT (business_day, hour) DO UPDATE SET changes = changes + 1;
END;

CREATE TRIGGER hour_changes_on_category AFTER UPDATE OF category_id ON products
WHEN OLD.category_id IS NOT NEW.category_id
BEGIN
  UPDATE hour_changes SET changes = changes + 1;
END;

-- Every day with orders gets its change row (0 where none was counted yet: the same as no row),
-- so the days still without facts are found from this small table in one statement rather than
-- by probing the order history day by day.
INSERT INTO day_changes (business_day, changes)
  SELECT DISTINCT business_day, 0 FROM orders WHERE true
  ON CONFLICT (business_day) DO NOTHING;
