import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { type ImportRowResult, LocalName, type Product, ProductInput } from '../../../shared/contract/catalog';
import { parseCsv } from '../../../shared/csv';
import { AppError, errorMessage, type Text } from '../../../shared/errors';
import { describeIssue, keyMessage, type Words } from '../../../shared/field-messages';
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

/** A file being read: its columns, the currency's decimals, the reader's words. */
export type CsvFile = { exponent: number; words: Words; present: Set<string> };

type Context = CsvFile & {
  db: Database;
  now: number;
  /** Refuses a new price past the store's limit (the demo's own catalog has none to check). */
  checkPrice?: (price: number) => void;
  /** Refuses a change this till may not make to the product (one of the brand's catalog). */
  checkProduct?: (before: Product | null, input: ProductInput) => void;
};

/**
 * Applies each row in a savepoint of the caller's transaction: a bad row is rolled back and
 * reported with its line, and never stops or half-writes the good ones. A row whose SKU exists
 * updates only the columns the file has, so a price-only file changes prices and nothing else;
 * replaced barcodes are reported old → new on the row.
 */
export function importProductsCsv(
  db: Database,
  csv: string,
  options: {
    currency: string;
    locale: Locale;
    now: number;
    lineOffset?: number;
    checkPrice?: (price: number) => void;
    checkProduct?: (before: Product | null, input: ProductInput) => void;
  },
): ImportSummary {
  const { locale } = options;
  const { file, records } = readProductCsv(csv, options);
  const ctx: Context = {
    ...file,
    db,
    now: options.now,
    checkPrice: options.checkPrice,
    checkProduct: options.checkProduct,
  };
  const rows: ImportRowResult[] = [];
  const changes: ProductChange[] = [];
  for (const { line, values } of records) {
    const sku = values.sku || null;
    try {
      const change = db.transaction(() => importRow(ctx, values))();
      const note = barcodeNote(change, locale);
      rows.push({ line, sku, status: change.created ? 'created' : 'updated', error: null, note });
      if (change.created || Object.keys(change.changed).length > 0) changes.push(change);
    } catch (error) {
      rows.push({ line, sku, status: 'error', error: rowError(error, locale), note: null });
    }
  }
  const count = (status: ImportRowResult['status']) => rows.filter((row) => row.status === status).length;
  return { created: count('created'), updated: count('updated'), failed: count('error'), rows, changes };
}

/** A product CSV's columns and rows (values by column name, trimmed), refused whole if it has no SKU column or too many rows. */
export function readProductCsv(
  csv: string,
  options: { currency: string; locale: Locale; lineOffset?: number },
): { file: CsvFile; records: { line: number; values: Record<string, string> }[] } {
  const [header, ...records] = parseCsv(csv);
  if (!header) throw new AppError('invalid_input', { detail: texts.empty });
  if (records.length > maxImportRows) {
    throw new AppError('invalid_input', { detail: tooManyRows(records.length) });
  }
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  if (!columns.includes('sku')) throw new AppError('invalid_input', { detail: texts.noSku });
  return {
    file: {
      exponent: currencyExponent(options.currency),
      words: { locale: options.locale, currency: options.currency },
      present: new Set(columns),
    },
    records: records.map((record) => ({
      line: record.line + (options.lineOffset ?? 0),
      values: Object.fromEntries(columns.map((name, i) => [name, (record.fields[i] ?? '').trim()])),
    })),
  };
}

function importRow(ctx: Context, values: Record<string, string>): ProductChange {
  const existing = values.sku ? findProductBySku(ctx.db, values.sku) : null;
  const changes = rowChanges(ctx, values);
  const merged = existing ? { ...editableFields(existing), ...changes } : changes;
  const input = parseInput(ProductInput, merged, ctx.words.locale, () => ctx.words.currency);
  ctx.checkProduct?.(existing, input);
  if (input.price !== existing?.price) ctx.checkPrice?.(input.price);
  const { product, before } = saveProduct(ctx.db, input, ctx.now);
  return { sku: product.sku, created: before === null, changed: before ? difference(before, product) : {} };
}

/** The fields the file sets for this row, the category by its names; a column the file lacks is left out, not defaulted. */
export function fileFields(file: CsvFile, values: Record<string, string>): Record<string, unknown> {
  const has = (column: string) => file.present.has(column);
  const filled = (column: string) => has(column) && values[column] !== '';
  const changes: Record<string, unknown> = { sku: values.sku };
  if (filled('category_zh')) {
    changes.categoryZh = values.category_zh;
    changes.categoryEn = values.category_en || values.category_zh;
  }
  // An empty cell leaves the codes as they are, like an empty price: clearing them is the editor's job.
  if (filled('barcodes'))
    changes.barcodes = values.barcodes
      .split('|')
      .map((code) => code.trim())
      .filter(Boolean);
  if (has('plu')) changes.plu = values.plu || null;
  if (has('name_zh')) changes.nameZh = values.name_zh;
  if (has('name_en')) changes.nameEn = values.name_en;
  if (filled('price')) changes.price = amount(file, values.price, file.exponent, 'price');
  if (filled('cost')) changes.cost = amount(file, values.cost, file.exponent, 'cost');
  if (filled('tax_rate')) changes.taxRateBp = amount(file, values.tax_rate, 2, 'taxRateBp');
  if (filled('unit')) changes.unit = values.unit;
  if (filled('active')) changes.active = flag(values.active);
  if (filled('listed_online')) changes.listedOnline = flag(values.listed_online);
  return changes;
}

/** The fields for this till's own product: the category found or made by its names. */
function rowChanges(ctx: Context, values: Record<string, string>): Record<string, unknown> {
  const { categoryZh, categoryEn, ...changes } = fileFields(ctx, values);
  if (typeof categoryZh === 'string') changes.categoryId = ensureCategory(ctx, categoryZh, String(categoryEn));
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

function ensureCategory(ctx: Context, nameZh: string, nameEn: string): CategoryId {
  const existing = findCategoryByName(ctx.db, nameZh);
  if (existing) return existing.id;
  const names = parseInput(CategoryNames, { nameZh, nameEn }, ctx.words.locale);
  return saveCategory(ctx.db, { ...names, sort: 0, active: true }, ctx.now).category.id;
}

function amount(file: CsvFile, text: string, exponent: number, field: 'price' | 'cost' | 'taxRateBp'): number {
  const value = parseDecimalAmount(text, exponent);
  if (value === null) {
    const key = field === 'taxRateBp' ? 'not_percent' : 'not_amount';
    const detail = describeIssue({ code: 'custom', path: [field], input: text, message: keyMessage(key) }, file.words);
    throw new AppError('invalid_input', { detail });
  }
  return value;
}

/** "Barcodes replaced: 6921168478354, 6921168943265 → 6921168478354" when a row changed an existing product's codes. */
function barcodeNote(change: ProductChange, locale: Locale): string | null {
  const replaced = change.changed.barcodes;
  if (!replaced) return null;
  const list = (codes: unknown) =>
    (codes as string[]).length > 0 ? (codes as string[]).join(', ') : texts.none[locale];
  return `${texts.barcodesReplaced[locale]}${list(replaced[0])} → ${list(replaced[1])}`;
}

function flag(text: string): boolean {
  return !['0', 'false', 'no', '否'].includes(text.toLowerCase());
}

/** A row's refusal as the import reports it; anything but a refusal is a fault and propagates. */
export function rowError(error: unknown, locale: Locale) {
  if (error instanceof AppError) return { code: error.code, message: errorMessage(error.code, error.params, locale) };
  throw error;
}

function tooManyRows(rows: number): Text {
  return {
    en: `The file has ${rows} rows; import at most ${maxImportRows} at a time`,
    'zh-CN': `文件有 ${rows} 行，每次最多导入 ${maxImportRows} 行`,
  };
}

const texts = {
  empty: { en: 'The file is empty', 'zh-CN': '文件为空' },
  noSku: { en: 'The file needs a "sku" column', 'zh-CN': '文件需要“sku”列' },
  barcodesReplaced: { en: 'Barcodes replaced: ', 'zh-CN': '条码已替换：' },
  none: { en: '(none)', 'zh-CN': '（无）' },
};
