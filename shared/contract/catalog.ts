import { z } from 'zod';
import { hasRightCheckDigit } from '../barcodes';
import { fieldMessage } from '../field-messages';
import { CategoryId, ProductId } from '../ids';
import { ceilings } from '../limits';
import { Money, moneyInput } from '../money';
import { method } from './define';

export const LocalName = z.string().trim().min(1).max(120);
/** What a barcode looks like; a code read at the till is looked up whatever its check digit. */
export const BarcodeText = z.string().regex(/^[0-9A-Za-z\-.]{4,32}$/, fieldMessage('barcode_format'));
/** A barcode a product is saved with: an EAN-13, EAN-8 or UPC-A must carry its right check digit. */
export const Barcode = BarcodeText.refine(hasRightCheckDigit, fieldMessage('barcode_check_digit'));
export const Plu = z.string().regex(/^\d{5}$/, fieldMessage('plu_format'));
export const Sku = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\w\-.]+$/, fieldMessage('sku_format'));
export const SaleUnit = z.enum(['each', 'kg']);
/** Tax rate in basis points: 13 % is 1300. */
export const TaxRateBp = z.number().int().min(0).max(10_000);

export const Category = z.object({
  id: CategoryId,
  nameZh: z.string(),
  nameEn: z.string(),
  sort: z.number().int(),
  active: z.boolean(),
  productCount: z.number().int(),
});
export type Category = z.infer<typeof Category>;

export const Product = z.object({
  id: ProductId,
  categoryId: CategoryId,
  sku: z.string(),
  barcodes: z.array(z.string()),
  plu: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** Per item, or per kg when sold by weight. */
  price: Money,
  /** Null for callers who may not edit the catalog: a cashier sells at the price, not the margin. */
  cost: Money.nullable(),
  taxRateBp: z.number().int(),
  unit: SaleUnit,
  active: z.boolean(),
  listedOnline: z.boolean(),
  soldOut: z.boolean(),
  updatedAt: z.number().int(),
  /**
   * The version of the platform's catalog change it last came with, which a change of it names; null:
   * it never came from the platform (on a paired till, the store's own product, kept local only).
   */
  platformVersion: z.number().int().nullable(),
});
export type Product = z.infer<typeof Product>;

export const ProductInput = z.object({
  id: ProductId.optional(),
  categoryId: CategoryId,
  sku: Sku,
  barcodes: z.array(Barcode).max(10).default([]),
  plu: Plu.nullable().default(null),
  nameZh: LocalName,
  nameEn: LocalName,
  price: moneyInput(ceilings.price),
  cost: moneyInput(ceilings.price).default(0 as Money),
  taxRateBp: TaxRateBp.default(1300),
  unit: SaleUnit.default('each'),
  active: z.boolean().default(true),
  listedOnline: z.boolean().default(true),
});
export type ProductInput = z.infer<typeof ProductInput>;

export const ImportRowResult = z.object({
  line: z.number().int(),
  sku: z.string().nullable(),
  status: z.enum(['created', 'updated', 'error']),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** What an update replaced that the user may not expect, in their language (barcodes old → new). */
  note: z.string().nullable(),
});
export type ImportRowResult = z.infer<typeof ImportRowResult>;

/** Search text is capped: a query longer than any product name is a mistake or an attack. */
export const SearchText = z.string().max(200);

export const catalogMethods = {
  'catalog.listCategories': method({
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.object({ categories: z.array(Category) }),
    access: 'sell',
    mutates: false,
  }),
  'catalog.saveCategory': method({
    input: z.object({
      id: CategoryId.optional(),
      nameZh: LocalName,
      nameEn: LocalName,
      sort: z.number().int().min(0).max(10_000).default(0),
      active: z.boolean().default(true),
    }),
    output: Category,
    access: 'catalog.edit',
    mutates: true,
  }),
  'catalog.searchProducts': method({
    input: z.object({
      query: SearchText.default(''),
      categoryId: CategoryId.optional(),
      includeInactive: z.boolean().default(false),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).max(100_000).default(0),
    }),
    output: z.object({ items: z.array(Product), hasMore: z.boolean() }),
    access: 'sell',
    mutates: false,
  }),
  'catalog.findByBarcode': method({
    input: z.object({ barcode: z.string().max(64) }),
    output: z.object({ product: Product.nullable() }),
    access: 'sell',
    mutates: false,
  }),
  'catalog.getProduct': method({
    input: z.object({ id: ProductId }),
    output: Product,
    access: 'sell',
    mutates: false,
  }),
  'catalog.saveProduct': method({
    input: ProductInput,
    output: Product,
    access: 'catalog.edit',
    mutates: true,
  }),
  'catalog.importCsv': method({
    input: z.object({
      csv: z.string().max(2_000_000),
      /** Added to reported line numbers when a file is sent in parts. */
      lineOffset: z.number().int().min(0).max(10_000_000).default(0),
    }),
    output: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      failed: z.number().int(),
      rows: z.array(ImportRowResult),
    }),
    access: 'catalog.edit',
    mutates: true,
  }),
};
