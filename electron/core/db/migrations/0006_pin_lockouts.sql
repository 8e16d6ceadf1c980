-- PIN guessing, bounded (issue 12): each person has a guard on their own sign-in and one on asking
-- for approvals (wrong approving PINs count against whoever asked, not the manager whose PIN it
-- was). Lock-outs escalate round by round and, after the last timed one, hold until a manager or
-- owner lifts them. The counters move here from the staff row.

CREATE TABLE pin_guards (
  staff_id TEXT NOT NULL REFERENCES staff (id),
  kind TEXT NOT NULL CHECK (kind IN ('sign_in', 'approval')),
  -- Wrong PINs in the current round; back to 0 at each lock-out and after a right PIN.
  failed INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0),
  -- Lock-outs so far; forgiven after a day without one, never by a right PIN alone.
  rounds INTEGER NOT NULL DEFAULT 0 CHECK (rounds >= 0),
  locked_until INTEGER,
  held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
  last_locked_at INTEGER,
  PRIMARY KEY (staff_id, kind)
) STRICT, WITHOUT ROWID;

INSERT INTO pin_guards (staff_id, kind, failed, rounds, locked_until, last_locked_at)
  SELECT id, 'sign_in', failed_pins, CASE WHEN locked_until IS NULL THEN 0 ELSE 1 END, locked_until,
    CASE WHEN locked_until IS NULL THEN NULL ELSE locked_until - 300000 END
  FROM staff WHERE failed_pins > 0 OR locked_until IS NOT NULL;

ALTER TABLE staff DROP COLUMN failed_pins;
ALTER TABLE staff DROP COLUMN locked_until;
