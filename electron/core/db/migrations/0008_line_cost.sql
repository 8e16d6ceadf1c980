-- What each line cost the store when it was sold, for margin by product, category and period
-- (issue 14). Taken from the product's cost at the sale, as its price is: a later cost change
-- does not rewrite past margins. NULL when unknown: lines sold before this column, and products
-- whose cost was never entered (0).
ALTER TABLE order_lines ADD COLUMN cost INTEGER CHECK (cost IS NULL OR cost >= 0);
