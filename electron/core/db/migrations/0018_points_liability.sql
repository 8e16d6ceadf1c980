-- The points liability as last fetched from the platform (Reports → Members; docs/reports.md,
-- "Points liability"), shown offline with when it was fetched. A cache, like member_reports: deleting
-- its rows loses nothing the platform does not hold.
CREATE TABLE points_liability_reports (
  span TEXT PRIMARY KEY,
  fetched_at INTEGER NOT NULL,
  body TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX points_liability_reports_fetched ON points_liability_reports (fetched_at);
