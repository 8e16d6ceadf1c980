import { z } from 'zod';

export const CATALOG_BATCH_MAX = 5000;

const Text = (max: number) => z.string().max(max);

/** A franchise product as the admin API takes it: the catalog item without a store's price. */
export const ProductInput = z.object({
  sku: z.string().trim().min(1).max(64),
  barcodes: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
  plu: z.string().trim().min(1).max(16).nullable().default(null),
  nameZh: Text(200).min(1),
  nameEn: Text(200).default(''),
  categoryZh: Text(100).default(''),
  categoryEn: Text(100).default(''),
  price: z.number().int().min(0).max(1_000_000_000),
  taxRateBp: z.number().int().min(0).max(10_000),
  unit: z.enum(['each', 'kg']).default('each'),
  active: z.boolean().default(true),
  listedOnline: z.boolean().default(false),
});
export type ProductInput = z.infer<typeof ProductInput>;

export const ProductBatch = z.object({ items: z.array(ProductInput).min(1).max(CATALOG_BATCH_MAX) });

export const PriceBatch = z.object({
  items: z
    .array(
      z.object({ sku: z.string().trim().min(1).max(64), price: z.number().int().min(0).max(1_000_000_000).nullable() }),
    )
    .min(1)
    .max(CATALOG_BATCH_MAX),
});
