import { z } from 'zod';
import { syncDomain } from './sync-domain';

export const CatalogItem = z.object({
  sku: z.string(),
  barcodes: z.array(z.string()),
  plu: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  categoryZh: z.string(),
  categoryEn: z.string(),
  /** This store's price: the franchise price, or the store's override. */
  price: z.number().int().min(0),
  taxRateBp: z.number().int().min(0).max(10000),
  unit: z.enum(['each', 'kg']),
  active: z.boolean(),
  listedOnline: z.boolean(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

/** The franchise catalog with this store's prices (change id: the SKU). */
export const catalogSync = syncDomain({
  streams: {
    catalog: { item: CatalogItem, words: { en: 'catalog and prices', 'zh-CN': '商品和价格' } },
  },
  mutations: {},
  events: {
    'catalog.changed': ['catalog.'],
  },
});
