import { parseCsv } from '../../shared/csv';
import { parseDecimalAmount, parsePercentBp } from '../../shared/money';
import type { ProductInput } from '../../shared/platform-api/catalog-input';

/** The header of resources/demo/catalog.csv; `cost` is read past, the platform keeps no cost. */
export const CATALOG_COLUMNS = [
  'sku',
  'barcodes',
  'plu',
  'name_zh',
  'name_en',
  'category_zh',
  'category_en',
  'price',
  'cost',
  'tax_rate',
  'unit',
  'listed_online',
] as const;

type Column = (typeof CATALOG_COLUMNS)[number];

const flags: Record<string, boolean> = {
  '1': true,
  true: true,
  yes: true,
  '0': false,
  false: false,
  no: false,
  '': false,
};

export class CatalogCsvError extends Error {}

function columnIndex(header: string[]): Record<Column, number> {
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = CATALOG_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) throw new CatalogCsvError(`the CSV header lacks ${missing.join(', ')}`);
  return Object.fromEntries(CATALOG_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<Column, number>;
}

/** One row as a product, or the reason it is not one. Prices are decimal, in the currency's main unit. */
function rowToProduct(read: (column: Column) => string, exponent: number): ProductInput | string {
  const price = parseDecimalAmount(read('price'), exponent);
  if (price === null || price < 0) return `price "${read('price')}" is not an amount`;
  const taxRateBp = parsePercentBp(read('tax_rate'));
  if (taxRateBp === null) return `tax_rate "${read('tax_rate')}" is not a percentage`;
  const unit = read('unit') || 'each';
  if (unit !== 'each' && unit !== 'kg') return `unit "${unit}" is neither each nor kg`;
  const listedOnline = flags[read('listed_online').toLowerCase()];
  if (listedOnline === undefined) return `listed_online "${read('listed_online')}" is not 1 or 0`;
  if (!read('sku')) return 'the sku is empty';
  if (!read('name_zh')) return 'name_zh is empty';
  return {
    sku: read('sku'),
    barcodes: read('barcodes')
      .split('|')
      .map((code) => code.trim())
      .filter(Boolean),
    plu: read('plu') || null,
    nameZh: read('name_zh'),
    nameEn: read('name_en'),
    categoryZh: read('category_zh'),
    categoryEn: read('category_en'),
    price,
    taxRateBp,
    unit,
    active: true,
    listedOnline,
  };
}

/** Every product of the file, or an error listing the first bad lines; nothing half-read. */
export function parseCatalogCsv(text: string, exponent: number): ProductInput[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new CatalogCsvError('the CSV file is empty');
  const index = columnIndex(header.fields);
  const products: ProductInput[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const result = rowToProduct((column) => (row.fields[index[column]] ?? '').trim(), exponent);
    if (typeof result === 'string') problems.push(`line ${row.line}: ${result}`);
    else products.push(result);
  }
  if (problems.length > 0) {
    const more = problems.length > 10 ? `\n… and ${problems.length - 10} more` : '';
    throw new CatalogCsvError(`${problems.slice(0, 10).join('\n')}${more}`);
  }
  return products;
}
