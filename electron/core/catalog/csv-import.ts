import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { type ImportRowResult, LocalName, type Product, ProductInput } from '../../../shared/contract/catalog';
import { parseCsv } from '../../../shared/csv';
import { AppError, errorMessage, type Text } from '../../../shared/errors';
import type { CategoryId } from '../../../shared/ids';
import type { Locale } from '../../../shared/locale';
import { currencyExponent, parseDecimalAmount } from '../../../shared/money';
import { parseInput } from '../validation';
import { findCategoryByName, findProductBySku, saveCategory, saveProduct } from './product-records';

/** One call stays well under a second of the cashier's thread; the screen sends bigger files in parts. */
export const maxImportRows = 2_000;

export type ProductChange = { sku: string; created: boolean; changed: Record<string, [unknown, unknown]> };

export type ImportSummary = {
  created: number;
  updated: number;
  failed: number;
  rows: ImportRowResult[];
  changes: ProductChange[];
};

type Context = {
  db: Database;
  exponent: number;
  locale: Locale;
  now: number;
  present: Set<string>;
  /** Refuses a new price past the store's limit (the demo's own catalog has none to check). */
  checkPrice?: (price: number) => void;
};

/**
 * Applies each row in a savepoint of the caller's transaction: a bad row is rolled back and
 * reported with its line, and never stops or half-writes the good ones. A row whose SKU exists
 * updates only the columns the file has, so a price-only file changes prices and nothing else.
 */
export function importProductsCsv(
  db: Database,
  csv: string,
  options: { currency: string; locale: Locale; now: number; lineOffset?: number; checkPrice?: (price: number) => void },
): ImportSummary {
  const { locale } = options;
  const [header, ...records] = parseCsv(csv);
  if (!header) throw new AppError('invalid_input', { detail: texts.empty });
  if (records.length > maxImportRows) {
    throw new AppError('invalid_input', { detail: tooManyRows(records.length) });
  }
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  if (!columns.includes('sku')) throw new AppError('invalid_input', { detail: texts.noSku });
  const ctx: Context = {
    db,
    exponent: currencyExponent(options.currency),
    locale,
    now: options.now,
    present: new Set(columns),
    checkPrice: options.checkPrice,
  };
  const rows: ImportRowResult[] = [];
  const changes: ProductChange[] = [];
  for (const record of records) {
    const values = Object.fromEntries(columns.map((name, i) => [name, (record.fields[i] ?? '').trim()]));
    const line = record.line + (options.lineOffset ?? 0);
    const sku = values.sku || null;
    try {
      const change = db.transaction(() => importRow(ctx, values))();
      rows.push({ line, sku, status: change.created ? 'created' : 'updated', error: null });
      if (change.created || Object.keys(change.changed).length > 0) changes.push(change);
    } catch (error) {
      rows.push({ line, sku, status: 'error', error: describe(error, locale) });
    }
  }
  const count = (status: ImportRowResult['status']) => rows.filter((row) => row.status === status).length;
  return { created: count('created'), updated: count('updated'), failed: count('error'), rows, changes };
}

function importRow(ctx: Context, values: Record<string, string>): ProductChange {
  const existing = values.sku ? findProductBySku(ctx.db, values.sku) : null;
  const changes = rowChanges(ctx, values);
  const merged = existing ? { ...editableFields(existing), ...changes } : changes;
  const input = parseInput(ProductInput, merged, ctx.locale);
  if (input.price !== existing?.price) ctx.checkPrice?.(input.price);
  const { product, before } = saveProduct(ctx.db, input, ctx.now);
  return { sku: product.sku, created: before === null, changed: before ? difference(before, product) : {} };
}

/** The fields the file sets for this row; a column the file lacks is left out, not defaulted. */
function rowChanges(ctx: Context, values: Record<string, string>): Record<string, unknown> {
  const has = (column: string) => ctx.present.has(column);
  const filled = (column: string) => has(column) && values[column] !== '';
  const changes: Record<string, unknown> = { sku: values.sku };
  if (filled('category_zh')) changes.categoryId = ensureCategory(ctx, values.category_zh, values.category_en);
  if (has('barcodes'))
    changes.barcodes = values.barcodes
      .split('|')
      .map((code) => code.trim())
      .filter(Boolean);
  if (has('plu')) changes.plu = values.plu || null;
  if (has('name_zh')) changes.nameZh = values.name_zh;
  if (has('name_en')) changes.nameEn = values.name_en;
  if (filled('price')) changes.price = amount(ctx, values.price, ctx.exponent, 'price');
  if (filled('cost')) changes.cost = amount(ctx, values.cost, ctx.exponent, 'cost');
  if (filled('tax_rate')) changes.taxRateBp = amount(ctx, values.tax_rate, 2, 'tax_rate');
  if (filled('unit')) changes.unit = values.unit;
  if (filled('active')) changes.active = flag(values.active);
  if (filled('listed_online')) changes.listedOnline = flag(values.listed_online);
  return changes;
}

function editableFields(product: Product): Record<string, unknown> {
  const { soldOut: _soldOut, updatedAt: _updatedAt, ...fields } = product;
  return fields;
}

const auditedFields = [
  'categoryId',
  'barcodes',
  'plu',
  'nameZh',
  'nameEn',
  'price',
  'cost',
  'taxRateBp',
  'unit',
  'active',
  'listedOnline',
] as const;

function difference(before: Product, after: Product): Record<string, [unknown, unknown]> {
  const changed: Record<string, [unknown, unknown]> = {};
  for (const field of auditedFields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changed[field] = [before[field], after[field]];
  }
  return changed;
}

const CategoryNames = z.object({ nameZh: LocalName, nameEn: LocalName });

function ensureCategory(ctx: Context, nameZh: string, nameEn: string | undefined): CategoryId {
  const existing = findCategoryByName(ctx.db, nameZh);
  if (existing) return existing.id;
  const names = parseInput(CategoryNames, { nameZh, nameEn: nameEn || nameZh }, ctx.locale);
  return saveCategory(ctx.db, { ...names, sort: 0, active: true }, ctx.now).category.id;
}

function amount(ctx: Context, text: string, exponent: number, column: string): number {
  const value = parseDecimalAmount(text, exponent);
  if (value === null) {
    throw new AppError('invalid_input', { detail: `${column}: ${texts.notAmount[ctx.locale]} "${text.slice(0, 40)}"` });
  }
  return value;
}

function flag(text: string): boolean {
  return !['0', 'false', 'no', '否'].includes(text.toLowerCase());
}

function describe(error: unknown, locale: Locale) {
  if (error instanceof AppError) return { code: error.code, message: errorMessage(error.code, error.params, locale) };
  throw error;
}

function tooManyRows(rows: number): Text {
  return {
    en: `${rows} rows in one import; send at most ${maxImportRows} at a time`,
    'zh-CN': `一次导入 ${rows} 行，每次最多 ${maxImportRows} 行`,
  };
}

const texts = {
  empty: { en: 'the file is empty', 'zh-CN': '文件为空' },
  noSku: { en: 'the file needs a "sku" column', 'zh-CN': '文件需要“sku”列' },
  notAmount: { en: 'not an amount', 'zh-CN': '不是有效金额' },
};
