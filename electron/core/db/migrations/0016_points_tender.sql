-- The points tender (积分抵现, issue 15; docs/members.md, "The points tender"): a payment may be
-- made with a member's points. The method is a CHECK, so the table is rebuilt; `points` is how many
-- points paid the `amount` (fen), on a points payment and on no other.
DROP TRIGGER payments_immutable_update;
DROP TRIGGER payments_immutable_delete;

CREATE TABLE payments_next (
  order_id TEXT NOT NULL REFERENCES orders (id),
  seq INTEGER NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'wallet', 'platform_prepaid', 'points')),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  tendered INTEGER,
  change INTEGER,
  reference TEXT,
  business_day TEXT NOT NULL,
  shift_id TEXT REFERENCES shifts (id),
  points INTEGER CHECK ((method = 'points') = (points IS NOT NULL) AND (points IS NULL OR points > 0)),
  PRIMARY KEY (order_id, seq)
) STRICT, WITHOUT ROWID;

INSERT INTO payments_next (order_id, seq, method, amount, tendered, change, reference, business_day, shift_id)
SELECT order_id, seq, method, amount, tendered, change, reference, business_day, shift_id FROM payments;

DROP TABLE payments;
ALTER TABLE payments_next RENAME TO payments;

CREATE INDEX payments_by_day ON payments (business_day, method, amount);
CREATE INDEX payments_by_shift ON payments (shift_id, method);

CREATE TRIGGER payments_immutable_update BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'a paid order is never edited'); END;
CREATE TRIGGER payments_immutable_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'a paid order is never deleted'); END;
