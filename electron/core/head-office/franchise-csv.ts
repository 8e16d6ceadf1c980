import type { ImportRowResult } from '../../../shared/contract/catalog';
import { FranchiseProductInput } from '../../../shared/contract/franchise-catalog';
import type { Locale } from '../../../shared/locale';
import { fileFields, readProductCsv, rowError } from '../catalog/csv-import';
import { parseInput } from '../validation';

/**
 * A product as the importer knows it (its fields as the brand's catalog names them, checked again
 * with the file's changes over them), and the version it knows it at (null: not from the platform).
 */
export type KnownProduct = { fields: Record<string, unknown>; version: number | null };

type Item = FranchiseProductInput & { expectedVersion: number | null };

/**
 * A product CSV (the till's import columns; `cost` is the store's own and read past) into the
 * brand's catalog. Each row updates only the columns the file has, over the product as this till
 * (or head office) knows it, and names the version it knows: the platform takes the good rows all
 * together or, if one was changed meanwhile, none, and says which and what it is now. A row this
 * till would refuse is reported on its line and not sent.
 */
export async function importFranchiseCsv(
  input: { csv: string; lineOffset: number },
  options: {
    currency: string;
    locale: Locale;
    known: (sku: string) => KnownProduct | null;
    send: (items: Item[]) => Promise<{ version: number }>;
  },
): Promise<{ created: number; updated: number; failed: number; rows: ImportRowResult[]; version: number | null }> {
  const { locale } = options;
  const { file, records } = readProductCsv(input.csv, { ...options, lineOffset: input.lineOffset });
  const rows: ImportRowResult[] = [];
  const items: Item[] = [];
  for (const { line, values } of records) {
    const sku = values.sku || null;
    try {
      const known = sku ? options.known(sku) : null;
      const { cost: _cost, ...changes } = fileFields(file, values);
      const fields = parseInput(
        FranchiseProductInput,
        { ...known?.fields, ...changes },
        locale,
        () => options.currency,
      );
      const expectedVersion = known?.version ?? null;
      items.push({ ...fields, expectedVersion });
      rows.push({ line, sku, status: expectedVersion === null ? 'created' : 'updated', error: null, note: null });
    } catch (error) {
      rows.push({ line, sku, status: 'error', error: rowError(error, locale), note: null });
    }
  }
  const version = items.length > 0 ? (await options.send(items)).version : null;
  const count = (status: ImportRowResult['status']) => rows.filter((row) => row.status === status).length;
  return { created: count('created'), updated: count('updated'), failed: count('error'), rows, version };
}
