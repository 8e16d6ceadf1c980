-- Member segments on the till (issue 15; docs/members.md, "Segments"): what the platform's scoring
-- and the store's recency bands give the cashier's hint, and the Members report as last fetched.

-- The value segment of the platform's last scoring run, as the `members` stream carries it.
ALTER TABLE members ADD COLUMN value_segment TEXT CHECK (value_segment IN ('high', 'mid', 'low'));

-- The store's recency bands as JSON (shared/members/segments.ts RecencyBands), from `member_policy`;
-- NULL while the operator has not set the store's type.
ALTER TABLE member_policy ADD COLUMN recency_bands TEXT;

-- The platform's member figures for a span (Reports → Members) as last fetched, shown offline with
-- when they were fetched. A cache: deleting its rows loses nothing the platform does not hold.
CREATE TABLE member_reports (
  span TEXT PRIMARY KEY,
  fetched_at INTEGER NOT NULL,
  body TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX member_reports_fetched ON member_reports (fetched_at);
