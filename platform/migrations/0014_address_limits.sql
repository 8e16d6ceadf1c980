-- Every per-address limit in one table shared by all platform processes (issue 17): wrong pairing
-- codes (0008's table, moved here) and the rating page's bad links and answers, which were counted
-- in one process's memory, so a visitor spreading requests over the processes got the allowance of
-- each.
CREATE TABLE address_limits (
  kind text NOT NULL CHECK (kind IN ('pairing', 'feedback_link', 'feedback_post')),
  address text NOT NULL,
  count integer NOT NULL CHECK (count > 0),
  since bigint NOT NULL,
  PRIMARY KEY (kind, address)
);

INSERT INTO address_limits (kind, address, count, since)
  SELECT 'pairing', address, failures, since FROM pairing_failures;
DROP TABLE pairing_failures;
