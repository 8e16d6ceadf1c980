-- What happened at a counter that was not a sale (issue 16, "Compare stores"): a parked sale voided,
-- the drawer opened without one. The owner compares stores on them; each arrives once through the
-- sync (its id is the record's idempotency key). In the store group: distributed by store_id like
-- the orders (docs/scale.md).
CREATE TABLE till_events (
  store_id uuid NOT NULL REFERENCES stores (id),
  id uuid NOT NULL,
  device_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('void', 'no_sale')),
  business_day date NOT NULL,
  at bigint NOT NULL,
  amount bigint NOT NULL CHECK (amount >= 0),
  body jsonb NOT NULL,
  PRIMARY KEY (store_id, id)
);
CREATE INDEX till_events_day ON till_events (store_id, business_day);
