-- What each line cost the store when it was sold, for margin by product, category and period
-- (issue 14). Taken from the product's cost at the sale, as its price is: a later cost change
-- does not rewrite past margins. NULL when unknown: lines sold before this column, and products
-- whose cost was never entered (0).
ALTER TABLE order_lines ADD COLUMN cost INTEGER CHECK (cost IS NULL OR cost >= 0);

-- Voids and no-sale drawer openings per cashier over any range, for the reports' cashier table:
-- only those entries, so the other audit entries a sale writes cost no extra page.
CREATE INDEX audit_voids_and_no_sales ON audit_log (action, at, staff_id) WHERE action IN ('carts.void', 'drawer.noSale');
