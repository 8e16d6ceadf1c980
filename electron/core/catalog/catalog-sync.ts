import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { BarcodeText, ProductInput } from '../../../shared/contract/catalog';
import type { CatalogItem } from '../../../shared/sync/catalog-sync';
import type { TillDomain } from '../sync/till-domain';
import {
  findCategoryByName,
  findProductBySku,
  notePlatformVersion,
  sameCatalogFields,
  saveCategory,
  saveProduct,
} from './product-records';

/**
 * The franchise catalog is the platform's: a code the till refuses from a person (a wrong EAN check
 * digit) is still the code printed on the goods, and refusing it would leave the item unsellable here.
 */
const PulledProduct = ProductInput.extend({ barcodes: z.array(BarcodeText).max(10).default([]) });

/**
 * Matched by SKU; cost, sold-out and low-stock level stay the store's own. The change's version is
 * kept with the product: an edit made here names it, so the platform can refuse a stale one.
 */
function applyCatalogItem(db: Database, item: CatalogItem, version: number, now: number): void {
  const existing = findProductBySku(db, item.sku);
  const category =
    findCategoryByName(db, item.categoryZh) ??
    saveCategory(db, { nameZh: item.categoryZh, nameEn: item.categoryEn, sort: 0, active: true }, now).category;
  const input = PulledProduct.parse({
    id: existing?.id,
    categoryId: category.id,
    sku: item.sku,
    barcodes: item.barcodes,
    plu: item.plu,
    nameZh: item.nameZh,
    nameEn: item.nameEn,
    price: item.price,
    cost: existing?.cost ?? 0,
    taxRateBp: item.taxRateBp,
    unit: item.unit,
    active: item.active,
    listedOnline: item.listedOnline,
  });
  // A product the platform sends unchanged (a new till's first pull of a catalog it already has)
  // is left alone: no write, no new updated_at, nothing for open screens to refresh.
  if (!existing || !sameCatalogFields(existing, input)) saveProduct(db, input, now);
  if (existing?.platformVersion !== version) notePlatformVersion(db, item.sku, version);
}

export const catalogTill: TillDomain<'catalog', never> = {
  streams: {
    catalog: {
      apply: (db, item, { version, now }) => {
        applyCatalogItem(db, item, Number(version), now);
        return false;
      },
      told: () => [{ type: 'catalog.changed' }],
    },
  },
  mutations: {},
  payloadSql: {},
};
