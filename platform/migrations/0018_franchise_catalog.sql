-- The franchise catalog both ways (issue 16, docs/franchise.md). A product belongs to one brand's
-- catalog, edited by its owners and seen by its stores only; NULL is the operator's catalog, seen
-- by every store as before. SKUs stay unique across the platform.
ALTER TABLE products ADD COLUMN organisation_id uuid REFERENCES organisations (id);
CREATE INDEX products_organisation ON products (organisation_id, version);

-- Whether the store sells the product at all (NULL: as the product says). A row with a NULL price
-- and NULL availability is a removed override, kept so its version still tells tills to re-price.
ALTER TABLE store_prices ADD COLUMN available boolean;

-- Where the owner lets a store set its own price (and availability) from its tills: one product,
-- or every product ('*').
CREATE TABLE local_price_grants (
  store_id uuid NOT NULL REFERENCES stores (id),
  sku text NOT NULL,
  granted_at bigint NOT NULL,
  PRIMARY KEY (store_id, sku)
);
