import { type CatalogRow, SEEN_BY_STORE, STORE_PRODUCT_COLUMNS, toCatalogItem } from '../data/catalog';
import type { PlatformDomain } from './platform-domain';

// Each product and each override row owns a version no other row has, so a store's effective
// version (the newer of the two) is unique too and paging by "version > cursor" never splits a tie.
const catalogQuery = `
  WITH changed AS (
    SELECT sku FROM products p WHERE version > $2 AND ${SEEN_BY_STORE}
    UNION
    SELECT sku FROM store_prices WHERE store_id = $1 AND version > $2
  )
  SELECT ${STORE_PRODUCT_COLUMNS}
  FROM changed c
  JOIN products p ON p.sku = c.sku
  LEFT JOIN store_prices sp ON sp.store_id = $1 AND sp.sku = p.sku
  WHERE ${SEEN_BY_STORE}
  ORDER BY version
  LIMIT $3`;

/**
 * The operator's catalog and the store's brand's, each product at this store's price and
 * availability; edited by the operator and the brand's owners (and a store's own prices from its
 * tills through the platform's API), never pushed.
 */
export const catalogDomain: PlatformDomain<'catalog', never> = {
  streams: {
    catalog: {
      query: catalogQuery,
      head: `GREATEST(
         (SELECT COALESCE(max(version), 0) FROM products p WHERE ${SEEN_BY_STORE}),
         (SELECT COALESCE(max(version), 0) FROM store_prices WHERE store_id = $1)
       )`,
      change: (row: CatalogRow) => ({ id: row.sku, version: String(row.version), data: toCatalogItem(row) }),
    },
  },
  mutations: {},
};
