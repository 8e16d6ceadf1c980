-- Customer feedback (issue 15, "hear the customer"): one answer per order, given on the page a
-- receipt's QR opens. Numbered 0007 to leave 0006 to the members migration being written beside it.

-- The answer, keyed by the order it is about. `device_id` signed the receipt's reference. The sale
-- may reach the platform after the answer (a receipt printed offline): `linked_at` is when it did,
-- and the order's number, channel and cashier are read from `orders` from then on (the answer gets
-- a new version then, so the store's tills learn them). `member_id` is the order's member, filled
-- in once members are on the platform's orders; null without one. `version` is from the store's
-- counter, so the answer reaches the store's tills on the `feedback` stream.
CREATE TABLE feedback (
  store_id uuid NOT NULL REFERENCES stores (id),
  order_id uuid NOT NULL,
  device_id uuid NOT NULL REFERENCES devices (id),
  score smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
  comment text NOT NULL CHECK (char_length(comment) <= 500),
  locale text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
  answered_at bigint NOT NULL,
  changed_at bigint NOT NULL CHECK (changed_at >= answered_at),
  linked_at bigint,
  member_id uuid,
  followed_up_at bigint,
  followed_up_by text,
  follow_up_note text NOT NULL DEFAULT '' CHECK (char_length(follow_up_note) <= 200),
  version bigint NOT NULL,
  PRIMARY KEY (store_id, order_id)
);
CREATE UNIQUE INDEX feedback_version ON feedback (store_id, version);
CREATE INDEX feedback_answered ON feedback (store_id, answered_at);

-- A reference signed by one store's till naming another store's order is refused: finding the
-- order by its id alone needs this index (looked up only when a page opens, never on a push).
CREATE INDEX orders_id ON orders (id);

-- Every change of an answer, by whom: the customer (answered, changed) or a manager at a till
-- (followed up, reopened). Append-only; the operator's audit of the table above.
CREATE TABLE feedback_history (
  store_id uuid NOT NULL,
  order_id uuid NOT NULL,
  at bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('answered', 'changed', 'followed_up', 'reopened')),
  score smallint,
  comment text,
  actor text NOT NULL,
  FOREIGN KEY (store_id, order_id) REFERENCES feedback (store_id, order_id)
);
CREATE INDEX feedback_history_order ON feedback_history (store_id, order_id, at);
