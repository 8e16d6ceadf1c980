import { z } from 'zod';
import { ById } from './admin-stores';
import { CATALOG_BATCH_MAX, ProductInput } from './catalog-input';
import { route } from './define';

const NoParams = z.object({});
const NoInput = z.object({});
const Count = z.number().int();
const Sku = z.string().trim().min(1).max(64);
const Price = z.number().int().min(0).max(1_000_000_000);

/**
 * The version a change was made against: the `version` of the product (or of the store's price) as
 * the editor last saw it; null for a product the editor believes new. A change against an older
 * version than the platform holds is refused with the current value, never applied over it.
 */
export const MadeAgainst = z.number().int().min(0).nullable();

/** A product of the brand's catalog as the owner sees it; `own`: the brand's, not the operator's. */
export const FranchiseProduct = ProductInput.required().extend({ version: Count, own: z.boolean() });
export type FranchiseProduct = z.infer<typeof FranchiseProduct>;

/** One store's price and availability of a product, with the version the store sees it at. */
export const StorePrice = z.object({
  sku: z.string(),
  /** The store's own price; null: the catalog's. */
  price: Price.nullable(),
  /** Whether the store sells it; null: as the catalog says. */
  available: z.boolean().nullable(),
  /** What the store's tills sell it at, and whether they do. */
  effectivePrice: Count,
  effectiveActive: z.boolean(),
  version: Count,
  /** Whether the store may set this price itself from its tills. */
  local: z.boolean(),
});
export type StorePrice = z.infer<typeof StorePrice>;

export const PriceChange = z.object({
  sku: Sku,
  price: Price.nullable(),
  available: z.boolean().nullable().default(null),
  expectedVersion: MadeAgainst,
});
export type PriceChange = z.infer<typeof PriceChange>;

const PriceBatch = z.object({ items: z.array(PriceChange).min(1).max(CATALOG_BATCH_MAX) });
const PriceAnswer = z.object({ updated: Count, version: Count });

/** Who may set a store's prices locally: named products, or every product ('*'). */
export const LocalPriceGrants = z.object({ skus: z.array(z.union([Sku, z.literal('*')])).max(CATALOG_BATCH_MAX) });

const Page = z.object({
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/**
 * The brand's catalog and its stores' prices, edited by the owner with the version each change was
 * made against; a store's own prices set from its tills where the owner allows it.
 */
export const franchiseCatalogRoutes = {
  'franchise.catalog': route({
    method: 'GET',
    path: '/v1/franchise/catalog',
    params: NoParams,
    input: Page,
    output: z.object({ products: z.array(FranchiseProduct), next: z.string().nullable() }),
    access: 'owner',
    mutates: false,
  }),
  'franchise.catalog.put': route({
    method: 'PUT',
    path: '/v1/franchise/catalog/products',
    params: NoParams,
    input: z.object({
      items: z
        .array(ProductInput.extend({ expectedVersion: MadeAgainst }))
        .min(1)
        .max(CATALOG_BATCH_MAX),
    }),
    output: z.object({ upserted: Count, version: Count }),
    access: 'owner',
    mutates: true,
    batch: true,
  }),
  'franchise.storePrices': route({
    method: 'GET',
    path: '/v1/franchise/stores/:id/prices',
    params: ById,
    input: Page,
    output: z.object({ prices: z.array(StorePrice), next: z.string().nullable() }),
    access: 'owner',
    mutates: false,
  }),
  'franchise.storePrices.put': route({
    method: 'PUT',
    path: '/v1/franchise/stores/:id/prices',
    params: ById,
    input: PriceBatch,
    output: PriceAnswer,
    access: 'owner',
    mutates: true,
    batch: true,
  }),
  'franchise.localPrices.put': route({
    method: 'PUT',
    path: '/v1/franchise/stores/:id/local-prices',
    params: ById,
    input: LocalPriceGrants,
    output: LocalPriceGrants,
    access: 'owner',
    mutates: true,
    batch: true,
  }),
  /** A store's own price, from one of its tills: only where the owner allows it. */
  'device.prices.put': route({
    method: 'POST',
    path: '/v1/device/prices',
    params: NoParams,
    input: PriceBatch,
    output: PriceAnswer,
    access: 'device',
    mutates: true,
  }),
  'device.localPrices': route({
    method: 'GET',
    path: '/v1/device/local-prices',
    params: NoParams,
    input: NoInput,
    output: LocalPriceGrants,
    access: 'device',
    mutates: false,
  }),
};
