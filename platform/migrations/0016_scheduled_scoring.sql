-- The platform scores its members by itself once a day (issue 15; docs/members.md, "Scoring"): the
-- hour it runs, in which time zone, and the last day it ran. One row. Every platform process looks
-- at it each minute; the one that locks the row (FOR UPDATE SKIP LOCKED) while its `last_day` is
-- before today claims the day and scores in the same transaction, so several processes on one
-- PostgreSQL score once a day, and a process that dies mid-run leaves the day to the next one.
CREATE TABLE member_scoring_schedule (
  id integer PRIMARY KEY CHECK (id = 1),
  -- Minutes after local midnight: 04:30 by default, half an hour after the stores' default cut-off.
  at_minute integer NOT NULL CHECK (at_minute BETWEEN 0 AND 1439),
  time_zone text NOT NULL,
  last_day date,
  updated_at bigint NOT NULL
);
INSERT INTO member_scoring_schedule (id, at_minute, time_zone, last_day, updated_at)
  VALUES (1, 270, 'Asia/Shanghai', NULL, 0);

-- How each run came about: the schedule (with the local day it was for) or the operator by hand.
ALTER TABLE member_scoring_runs ADD COLUMN trigger text NOT NULL DEFAULT 'operator'
  CHECK (trigger IN ('operator', 'schedule'));
ALTER TABLE member_scoring_runs ADD COLUMN day date;
