-- What each line cost the store when it was sold, for margin by product, category and period
-- (issue 14). Taken from the product's cost at the sale, as its price is: a later cost change
-- does not rewrite past margins. NULL when unknown: lines sold before this column, and products
-- whose cost was never entered (0).
ALTER TABLE order_lines ADD COLUMN cost INTEGER CHECK (cost IS NULL OR cost >= 0);

-- Voids and no-sale drawer openings per cashier over any range, for the reports' cashier table:
-- only those entries, so the other audit entries a sale writes cost no extra page.
CREATE INDEX audit_voids_and_no_sales ON audit_log (action, at, staff_id) WHERE action IN ('carts.void', 'drawer.noSale');

-- The reports over any range group orders by day, channel, hour and cashier, and cut a day in
-- progress by the time of payment: with those in the day index, a year's report reads the index
-- alone. Still one index, as before, so a sale writes no more pages than it did.
DROP INDEX orders_by_day;
CREATE INDEX orders_by_day ON orders (business_day, channel, hour, cashier_id, paid_at, gross, discount, total, tax, item_count, rounding);
