import type { Database } from 'better-sqlite3';
import type { Category, Product, ProductInput } from '../../../shared/contract/catalog';
import { AppError } from '../../../shared/errors';
import { type CategoryId, type ProductId, uuidv7 } from '../../../shared/ids';
import type { Money } from '../../../shared/money';
import { namedStatements } from '../db/open-database';
import { pinyinTerms } from './pinyin-terms';
import { indexTerms } from './search-terms';

export type ProductRow = {
  rowid: number;
  id: ProductId;
  category_id: CategoryId;
  sku: string;
  plu: string | null;
  name_zh: string;
  name_en: string;
  price: number;
  cost: number;
  tax_rate_bp: number;
  unit: 'each' | 'kg';
  active: number;
  listed_online: number;
  sold_out: number;
  updated_at: number;
  platform_version: number | null;
  barcodes: string | null;
};

/** A product row with its barcodes, for every query that returns products (alias `p`). */
export const productColumns = `p.rowid, p.*,
  (SELECT group_concat(barcode, '|') FROM product_barcodes b WHERE b.product_id = p.id) AS barcodes`;

export const catalogStatements = namedStatements({
  productById: `SELECT ${productColumns} FROM products p WHERE p.id = ?`,
  productBySku: `SELECT ${productColumns} FROM products p WHERE p.sku = ?`,
  productByBarcode: `SELECT ${productColumns} FROM product_barcodes b2
    JOIN products p ON p.id = b2.product_id WHERE b2.barcode = ?`,
  productByPlu: `SELECT ${productColumns} FROM products p WHERE p.plu = ?`,
  barcodeOwner: 'SELECT product_id FROM product_barcodes WHERE barcode = ?',
  insertProduct: `INSERT INTO products (id, category_id, sku, plu, name_zh, name_en, price, cost,
      tax_rate_bp, unit, active, listed_online, created_at, updated_at)
    VALUES (@id, @categoryId, @sku, @plu, @nameZh, @nameEn, @price, @cost, @taxRateBp, @unit,
      @active, @listedOnline, @now, @now)`,
  updateProduct: `UPDATE products SET category_id = @categoryId, sku = @sku, plu = @plu,
      name_zh = @nameZh, name_en = @nameEn, price = @price, cost = @cost, tax_rate_bp = @taxRateBp,
      unit = @unit, active = @active, listed_online = @listedOnline, updated_at = @now
    WHERE id = @id`,
  setPlatformVersion: 'UPDATE products SET platform_version = ? WHERE sku = ?',
  deleteBarcodes: 'DELETE FROM product_barcodes WHERE product_id = ?',
  insertBarcode: 'INSERT INTO product_barcodes (barcode, product_id) VALUES (?, ?)',
  deleteTerms: 'DELETE FROM product_search WHERE rowid = ?',
  insertTerms: 'INSERT INTO product_search (rowid, terms) VALUES (?, ?)',
  deletePinyin: 'DELETE FROM product_pinyin WHERE rowid = ?',
  insertPinyin: 'INSERT INTO product_pinyin (rowid, pinyin) VALUES (?, ?)',
  categoryById: 'SELECT * FROM categories WHERE id = ?',
  categoryByNameZh: 'SELECT * FROM categories WHERE name_zh = ?',
  insertCategory: `INSERT INTO categories (id, name_zh, name_en, sort, active, created_at, updated_at)
    VALUES (@id, @nameZh, @nameEn, @sort, @active, @now, @now)`,
  updateCategory: `UPDATE categories SET name_zh = @nameZh, name_en = @nameEn, sort = @sort,
    active = @active, updated_at = @now WHERE id = @id`,
  listCategories: `SELECT c.*, (SELECT count(*) FROM products p WHERE p.category_id = c.id AND p.active = 1)
      AS product_count
    FROM categories c WHERE @includeInactive = 1 OR c.active = 1 ORDER BY c.sort, c.name_zh`,
});

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    categoryId: row.category_id,
    sku: row.sku,
    barcodes: row.barcodes ? row.barcodes.split('|').sort() : [],
    plu: row.plu,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    price: row.price as Money,
    cost: row.cost as Money,
    taxRateBp: row.tax_rate_bp,
    unit: row.unit,
    active: row.active === 1,
    listedOnline: row.listed_online === 1,
    soldOut: row.sold_out === 1,
    updatedAt: row.updated_at,
    platformVersion: row.platform_version,
  };
}

type CategoryRow = {
  id: CategoryId;
  name_zh: string;
  name_en: string;
  sort: number;
  active: number;
  product_count?: number;
};

export function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    sort: row.sort,
    active: row.active === 1,
    productCount: row.product_count ?? 0,
  };
}

const text = {
  product: { en: 'product', 'zh-CN': '商品' },
  category: { en: 'category', 'zh-CN': '分类' },
  sku: { en: 'SKU', 'zh-CN': 'SKU' },
  barcode: { en: 'Barcode', 'zh-CN': '条码' },
  plu: { en: 'PLU', 'zh-CN': 'PLU 码' },
  categoryName: { en: 'Category name', 'zh-CN': '分类名称' },
};

export function findProduct(db: Database, id: string): ProductRow | undefined {
  return catalogStatements(db).productById.get(id) as ProductRow | undefined;
}

export function requireProduct(db: Database, id: string): ProductRow {
  const row = findProduct(db, id);
  if (!row) throw new AppError('not_found', { what: text.product });
  return row;
}

/**
 * Writes a product with its barcodes and search terms. With an id it edits that product; without
 * one it makes a new product, and a SKU already in use is refused rather than overwritten.
 */
export function saveProduct(
  db: Database,
  input: ProductInput,
  now: number,
): { product: Product; before: Product | null } {
  const q = catalogStatements(db);
  if (!q.categoryById.get(input.categoryId)) throw new AppError('not_found', { what: text.category });
  const existing = input.id ? (q.productById.get(input.id) as ProductRow | undefined) : undefined;
  if (input.id && !existing) throw new AppError('not_found', { what: text.product });
  const id = existing?.id ?? (uuidv7(now) as ProductId);
  assertUnique(db, id, input);
  const params = {
    ...input,
    id,
    plu: input.plu,
    active: input.active ? 1 : 0,
    listedOnline: input.listedOnline ? 1 : 0,
    now,
  };
  if (existing) q.updateProduct.run(params);
  else q.insertProduct.run(params);
  q.deleteBarcodes.run(id);
  for (const barcode of new Set(input.barcodes)) q.insertBarcode.run(barcode, id);
  const saved = q.productById.get(id) as ProductRow;
  q.deleteTerms.run(saved.rowid);
  q.insertTerms.run(saved.rowid, indexTerms(input.nameZh, input.nameEn));
  q.deletePinyin.run(saved.rowid);
  q.insertPinyin.run(saved.rowid, pinyinTerms(input.nameZh));
  return { product: toProduct(saved), before: existing ? toProduct(existing) : null };
}

/** Whether a change leaves what the brand's catalog says of a product as it is (cost, sold-out and stock are the store's). */
export function sameCatalogFields(existing: Product, input: ProductInput): boolean {
  const fields = [
    'categoryId',
    'plu',
    'nameZh',
    'nameEn',
    'price',
    'taxRateBp',
    'unit',
    'active',
    'listedOnline',
  ] as const;
  return (
    fields.every((field) => existing[field] === input[field]) &&
    JSON.stringify([...existing.barcodes].sort()) === JSON.stringify([...input.barcodes].sort())
  );
}

/** The platform's version of a product this till holds, noted as its catalog change is applied. */
export function notePlatformVersion(db: Database, sku: string, version: number): void {
  catalogStatements(db).setPlatformVersion.run(version, sku);
}

export function findProductBySku(db: Database, sku: string): Product | null {
  const row = catalogStatements(db).productBySku.get(sku) as ProductRow | undefined;
  return row ? toProduct(row) : null;
}

function assertUnique(db: Database, id: string, input: ProductInput): void {
  const q = catalogStatements(db);
  const bySku = q.productBySku.get(input.sku) as ProductRow | undefined;
  if (bySku && bySku.id !== id) throw new AppError('duplicate', { field: text.sku, value: input.sku });
  if (input.plu) {
    const byPlu = q.productByPlu.get(input.plu) as ProductRow | undefined;
    if (byPlu && byPlu.id !== id) throw new AppError('duplicate', { field: text.plu, value: input.plu });
  }
  for (const barcode of input.barcodes) {
    const owner = q.barcodeOwner.get(barcode) as { product_id: string } | undefined;
    if (owner && owner.product_id !== id) throw new AppError('duplicate', { field: text.barcode, value: barcode });
  }
}

export function saveCategory(
  db: Database,
  input: { id?: string; nameZh: string; nameEn: string; sort: number; active: boolean },
  now: number,
): { category: Category; before: Category | null } {
  const q = catalogStatements(db);
  const existing = input.id ? (q.categoryById.get(input.id) as CategoryRow | undefined) : undefined;
  if (input.id && !existing) throw new AppError('not_found', { what: text.category });
  const sameName = q.categoryByNameZh.get(input.nameZh) as CategoryRow | undefined;
  if (sameName && sameName.id !== input.id) {
    throw new AppError('duplicate', { field: text.categoryName, value: input.nameZh });
  }
  const id = existing?.id ?? uuidv7(now);
  const params = { ...input, id, active: input.active ? 1 : 0, now };
  if (existing) q.updateCategory.run(params);
  else q.insertCategory.run(params);
  return {
    category: toCategory(q.categoryById.get(id) as CategoryRow),
    before: existing ? toCategory(existing) : null,
  };
}

export function listCategories(db: Database, includeInactive: boolean): Category[] {
  const rows = catalogStatements(db).listCategories.all({ includeInactive: includeInactive ? 1 : 0 }) as CategoryRow[];
  return rows.map(toCategory);
}

export function findCategory(db: Database, id: string): Category | null {
  const row = catalogStatements(db).categoryById.get(id) as CategoryRow | undefined;
  return row ? toCategory(row) : null;
}

export function findCategoryByName(db: Database, nameZh: string): Category | null {
  const row = catalogStatements(db).categoryByNameZh.get(nameZh) as CategoryRow | undefined;
  return row ? toCategory(row) : null;
}
