import type { Database } from 'better-sqlite3';
import { type ImportRowResult, ProductInput } from '../../../shared/contract/catalog';
import { AppError, errorMessage } from '../../../shared/errors';
import type { CategoryId } from '../../../shared/ids';
import type { Locale } from '../../../shared/locale';
import { currencyExponent, parseDecimalAmount } from '../../../shared/money';
import { parseInput } from '../validation';
import { parseCsv } from './csv';
import { findCategoryByName, saveCategory, saveProduct } from './product-records';

const required = ['sku', 'name_zh', 'name_en', 'category_zh', 'price'] as const;

export type ImportSummary = { created: number; updated: number; failed: number; rows: ImportRowResult[] };

/**
 * Applies each row in a savepoint of the caller's transaction: a bad row is rolled back and
 * reported with its line, and never stops or half-writes the good ones.
 */
export function importProductsCsv(
  db: Database,
  csv: string,
  currency: string,
  locale: Locale,
  now: number,
): ImportSummary {
  const [header, ...records] = parseCsv(csv);
  if (!header) throw new AppError('invalid_input', { detail: noRowsText[locale] });
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new AppError('invalid_input', { detail: `${missingText[locale]} ${missing.join(', ')}` });
  }
  const exponent = currencyExponent(currency);
  const rows: ImportRowResult[] = [];
  for (const record of records) {
    const values = Object.fromEntries(columns.map((name, i) => [name, (record.fields[i] ?? '').trim()]));
    const sku = values.sku || null;
    try {
      const status = db.transaction(() => importRow(db, values, exponent, locale, now))();
      rows.push({ line: record.line, sku, status, error: null });
    } catch (error) {
      rows.push({ line: record.line, sku, status: 'error', error: describe(error, locale) });
    }
  }
  const count = (status: ImportRowResult['status']) => rows.filter((row) => row.status === status).length;
  return { created: count('created'), updated: count('updated'), failed: count('error'), rows };
}

function importRow(
  db: Database,
  values: Record<string, string>,
  exponent: number,
  locale: Locale,
  now: number,
): 'created' | 'updated' {
  const categoryId = ensureCategory(db, values.category_zh, values.category_en, now);
  const input = parseInput(
    ProductInput,
    {
      categoryId,
      sku: values.sku,
      barcodes: values.barcodes
        ? values.barcodes
            .split('|')
            .map((code) => code.trim())
            .filter(Boolean)
        : [],
      plu: values.plu || null,
      nameZh: values.name_zh,
      nameEn: values.name_en,
      price: amount(values.price, exponent, 'price', locale),
      cost: values.cost ? amount(values.cost, exponent, 'cost', locale) : undefined,
      taxRateBp: values.tax_rate ? amount(values.tax_rate, 2, 'tax_rate', locale) : undefined,
      unit: values.unit || undefined,
      active: flag(values.active),
      listedOnline: flag(values.listed_online),
    },
    locale,
  );
  const { before } = saveProduct(db, input, now);
  return before ? 'updated' : 'created';
}

function ensureCategory(db: Database, nameZh: string, nameEn: string | undefined, now: number): CategoryId {
  const existing = findCategoryByName(db, nameZh);
  if (existing) return existing.id;
  return saveCategory(db, { nameZh, nameEn: nameEn || nameZh, sort: 0, active: true }, now).category.id;
}

function amount(text: string, exponent: number, column: string, locale: Locale): number {
  const value = parseDecimalAmount(text, exponent);
  if (value === null) throw new AppError('invalid_input', { detail: `${column}: ${notAmountText[locale]} "${text}"` });
  return value;
}

function flag(text: string | undefined): boolean | undefined {
  if (text === undefined || text === '') return undefined;
  return !['0', 'false', 'no', '否'].includes(text.toLowerCase());
}

function describe(error: unknown, locale: Locale) {
  if (error instanceof AppError) return { code: error.code, message: errorMessage(error.code, error.params, locale) };
  return { code: 'invalid_input', message: String(error instanceof Error ? error.message : error) };
}

const noRowsText = { en: 'the file is empty', 'zh-CN': '文件为空' };
const missingText = { en: 'missing columns:', 'zh-CN': '缺少列：' };
const notAmountText = { en: 'not an amount', 'zh-CN': '不是有效金额' };
