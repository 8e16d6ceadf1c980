-- Settlement terms (issue 14): what the platform's online orders and group-buy campaigns carry, kept
-- as pulled, and each platform sale's terms as they stood when it was recorded, so the settlement
-- report is computed offline and a later correction on the platform shows up in reconciliation
-- instead of rewriting past figures.

-- Orders pulled before this migration carried no terms: no promotion, no fee, no commission.
ALTER TABLE online_orders ADD COLUMN merchant_promotion INTEGER NOT NULL DEFAULT 0 CHECK (merchant_promotion >= 0);
ALTER TABLE online_orders ADD COLUMN platform_promotion INTEGER NOT NULL DEFAULT 0 CHECK (platform_promotion >= 0);
ALTER TABLE online_orders ADD COLUMN delivery_fee INTEGER NOT NULL DEFAULT 0 CHECK (delivery_fee >= 0);
ALTER TABLE online_orders ADD COLUMN commission_bp INTEGER NOT NULL DEFAULT 0 CHECK (commission_bp BETWEEN 0 AND 10000);

-- What the platform pays the store per group-buy voucher. Campaigns pulled before this migration
-- settle at their full value (no commission); other types have none.
ALTER TABLE campaigns ADD COLUMN settlement_price INTEGER CHECK (settlement_price IS NULL OR settlement_price >= 0);
UPDATE campaigns SET settlement_price = value WHERE type = 'group_buy';

-- One row per sale the platform settles (an accepted online order, a redeemed group-buy voucher),
-- written with the sale. `ref` is the online order's id or the voucher's. A platform sale without a
-- row (recorded before this migration) settles at its total with no promotion, fee or commission.
CREATE TABLE order_settlements (
  order_id TEXT PRIMARY KEY REFERENCES orders (id),
  ref TEXT NOT NULL,
  gross INTEGER NOT NULL CHECK (gross >= 0),
  merchant_promotion INTEGER NOT NULL CHECK (merchant_promotion >= 0),
  platform_promotion INTEGER NOT NULL CHECK (platform_promotion >= 0),
  delivery_fee INTEGER NOT NULL CHECK (delivery_fee >= 0),
  commission_bp INTEGER NOT NULL CHECK (commission_bp BETWEEN 0 AND 10000),
  -- Group-buy: what the platform pays for the voucher; NULL for an online order.
  settlement_price INTEGER CHECK (settlement_price IS NULL OR settlement_price BETWEEN 0 AND gross)
) STRICT, WITHOUT ROWID;
