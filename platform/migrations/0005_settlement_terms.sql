-- Settlement terms (issue 14): what the platform's daily statement and each till's settlement
-- report compute from. Rates in basis points, amounts in minor units like the rest of the schema.

-- The commission the operator charges a store by default; an order may carry its own rate.
-- Stores from before this migration are charged none until the operator sets a rate.
ALTER TABLE stores ADD COLUMN commission_bp integer NOT NULL DEFAULT 0
  CHECK (commission_bp BETWEEN 0 AND 10000);

-- Orders placed before this migration carried no terms: no promotion, no delivery fee, no
-- commission, so each settles at its full total.
ALTER TABLE online_orders
  ADD COLUMN merchant_promotion bigint NOT NULL DEFAULT 0,
  ADD COLUMN platform_promotion bigint NOT NULL DEFAULT 0,
  ADD COLUMN delivery_fee bigint NOT NULL DEFAULT 0,
  ADD COLUMN commission_bp integer NOT NULL DEFAULT 0;
ALTER TABLE online_orders ADD CONSTRAINT online_orders_terms CHECK (
  merchant_promotion >= 0 AND platform_promotion >= 0 AND delivery_fee >= 0
  AND merchant_promotion + platform_promotion <= total
  AND commission_bp BETWEEN 0 AND 10000
);

-- What the store is paid per group-buy voucher. Campaigns from before this migration settle at
-- their full value (no commission); other types have none.
ALTER TABLE campaigns ADD COLUMN settlement_price bigint;
UPDATE campaigns SET settlement_price = value WHERE type = 'group_buy';
ALTER TABLE campaigns ADD CONSTRAINT campaigns_settlement_price CHECK (
  (type = 'group_buy') = (settlement_price IS NOT NULL)
  AND (settlement_price IS NULL OR settlement_price BETWEEN 0 AND value)
);

-- The statement finds the day's sales by business day (orders_business_day) and each one's
-- redemption by the sale it paid.
CREATE INDEX redemptions_order ON redemptions (store_id, order_id);
