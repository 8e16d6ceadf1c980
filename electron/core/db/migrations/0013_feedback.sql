-- Customer feedback (issue 15, "hear the customer"): the store's answers from the rating page its
-- receipts link to, pulled from the platform's `feedback` stream so a manager reads NPS and follows
-- detractors up offline. One row per order; the order's columns stay NULL until the sale has
-- reached the platform (a receipt printed offline can be answered first). `member_id`: the order's
-- member, when the platform knows one. The follow-up columns are this store's managers' marks.
CREATE TABLE feedback (
  order_id TEXT PRIMARY KEY,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  comment TEXT NOT NULL CHECK (length(comment) <= 500),
  answered_at INTEGER NOT NULL,
  changed_at INTEGER NOT NULL,
  order_number TEXT,
  channel TEXT CHECK (channel IS NULL OR channel IN ('in_store', 'online_delivery', 'online_pickup', 'group_buy')),
  cashier_name TEXT,
  paid_at INTEGER,
  device_code TEXT,
  member_id TEXT,
  followed_up_at INTEGER,
  followed_up_by TEXT,
  follow_up_note TEXT NOT NULL DEFAULT '' CHECK (length(follow_up_note) <= 200),
  version TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- The report reads a span of answers by when they were given.
CREATE INDEX feedback_answered ON feedback (answered_at);
