import { z } from 'zod';
import { ProductId } from '../ids';
import { ceilings } from '../limits';
import { moneyInput } from '../money';
import { platformApi } from '../platform-api';
import { MadeAgainst } from '../platform-api/franchise-catalog';
import { Barcode, ImportRowResult, LocalName, Plu, SaleUnit, Sku, TaxRateBp } from './catalog';
import { type HeadOfficeGroup, headOfficeMethod } from './define';

/** A product of the brand's catalog as the owner edits it in the app: the till's product rules, its category by name. */
export const FranchiseProductInput = z.object({
  sku: Sku,
  barcodes: z.array(Barcode).max(10).default([]),
  plu: Plu.nullable().default(null),
  nameZh: LocalName,
  nameEn: LocalName,
  categoryZh: LocalName,
  categoryEn: LocalName,
  price: moneyInput(ceilings.price),
  taxRateBp: TaxRateBp.default(1300),
  unit: SaleUnit.default('each'),
  active: z.boolean().default(true),
  listedOnline: z.boolean().default(true),
});
export type FranchiseProductInput = z.infer<typeof FranchiseProductInput>;

export const FranchiseCatalog = platformApi['franchise.catalog'].output;
export type FranchiseCatalog = z.infer<typeof FranchiseCatalog>;
export const FranchiseStorePrices = platformApi['franchise.storePrices'].output;
export type FranchiseStorePrices = z.infer<typeof FranchiseStorePrices>;

const StoreId = z.string().uuid();
const Page = z.object({ after: Sku.optional(), limit: z.number().int().min(1).max(1000).default(500) });
const Saved = z.object({ version: z.number().int() });

/**
 * The brand's catalog and its stores' prices, changed by the owner through the platform (which
 * authorises each call and refuses a change made against a stale version), and a store's own price
 * from its till where the owner allows it.
 */
export const franchiseCatalogMethods = {
  'franchise.catalog': headOfficeMethod({
    input: Page,
    output: FranchiseCatalog,
    access: 'franchise.view',
    mutates: false,
  }),
  /** One product of the brand's catalog, against the version the editor showed (null: new). */
  'franchise.saveProduct': headOfficeMethod({
    input: FranchiseProductInput.extend({ expectedVersion: MadeAgainst }),
    output: Saved,
    access: 'franchise.view',
    mutates: true,
  }),
  /** A CSV file of products into the brand's catalog, each against the version this till (or head office) holds. */
  'franchise.importCsv': headOfficeMethod({
    input: z.object({ csv: z.string().max(2_000_000), lineOffset: z.number().int().min(0).max(10_000_000).default(0) }),
    output: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      failed: z.number().int(),
      rows: z.array(ImportRowResult),
    }),
    access: 'franchise.view',
    mutates: true,
  }),
  'franchise.storePrices': headOfficeMethod({
    input: Page.extend({ storeId: StoreId }),
    output: FranchiseStorePrices,
    access: 'franchise.view',
    mutates: false,
  }),
  /** A store's price (null: the catalog's) and whether it sells the product (null: as the catalog says). */
  'franchise.setStorePrice': headOfficeMethod({
    input: z.object({
      storeId: StoreId,
      sku: Sku,
      price: moneyInput(ceilings.price).nullable(),
      available: z.boolean().nullable().default(null),
      expectedVersion: MadeAgainst,
    }),
    output: Saved,
    access: 'franchise.view',
    mutates: true,
  }),
  /** Which products (`*`: all) the store may price itself from its tills. */
  'franchise.allowLocalPrices': headOfficeMethod({
    input: z.object({ storeId: StoreId, skus: z.array(z.union([Sku, z.literal('*')])).max(5000) }),
    output: z.object({ skus: z.array(z.string()) }),
    access: 'franchise.view',
    mutates: true,
  }),
  /** This store's own price of a brand product, set by its manager where the owner allows it. */
  'catalog.setLocalPrice': headOfficeMethod({
    input: z.object({
      productId: ProductId,
      price: moneyInput(ceilings.price),
      expectedVersion: z.number().int().min(0),
    }),
    output: Saved,
    access: 'catalog.edit',
    mutates: true,
  }),
} satisfies HeadOfficeGroup;
