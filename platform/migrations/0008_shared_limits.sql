-- Wrong pairing codes per address, shared by every platform process on this database (issue 17):
-- kept in one process's memory, a guesser spreading attempts over the processes behind a load
-- balancer got ten tries per process instead of ten in all.
CREATE TABLE pairing_failures (
  address text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures > 0),
  since bigint NOT NULL
);
