import { CSV_BOM, type CsvCell, csvRecord } from '../../../shared/csv';
import { type Money, toDecimalString } from '../../../shared/money';
import type { BreakdownColumn } from './breakdown-table';

type Export<R> = { columns: BreakdownColumn<R>[]; rows: R[]; fileName: string; exponent: number };

const isMoney = (kind: BreakdownColumn<unknown>['kind']) => kind === 'money' || kind === 'signedMoney';
const isPercent = (kind: BreakdownColumn<unknown>['kind']) => kind === 'percent' || kind === 'change';

/** A cell as a number where it is one: money in yuan (not fen), a count as it is. */
function plainValue<R>(column: BreakdownColumn<R>, row: R, exponent: number): string | number | null {
  const value = column.value(row);
  if (value === null || typeof value === 'string') return value;
  return isMoney(column.kind) ? Number(toDecimalString(value as Money, exponent)) : value;
}

/** Hands a finished file to the browser's download (Electron: its save dialog). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** UTF-8 with a BOM for Excel; a percentage as a number of percent, its header saying so. */
export function exportCsv<R>({ columns, rows, fileName, exponent }: Export<R>): void {
  const cell = (column: BreakdownColumn<R>, row: R): CsvCell => {
    const value = plainValue(column, row, exponent);
    if (value === null) return '';
    return isPercent(column.kind) && typeof value === 'number' ? value / 100 : value;
  };
  const header = columns.map((column) => (isPercent(column.kind) ? `${column.title} (%)` : column.title));
  const text = CSV_BOM + csvRecord(header) + rows.map((row) => csvRecord(columns.map((c) => cell(c, row)))).join('');
  saveFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
}

/**
 * An Excel workbook of one sheet: money as numbers with two decimals, percentages as percentages,
 * text as text (a spreadsheet never runs it as a formula). The library is loaded on first use.
 */
export async function exportXlsx<R>({ columns, rows, fileName, exponent }: Export<R>): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const moneyFormat = exponent === 0 ? '#,##0' : `#,##0.${'0'.repeat(exponent)}`;
  const header = columns.map((column) => ({ value: column.title, fontWeight: 'bold' as const }));
  const body = rows.map((row) =>
    columns.map((column) => {
      const value = plainValue(column, row, exponent);
      if (value === null) return null;
      if (typeof value === 'string') return { value, type: String };
      if (isPercent(column.kind)) return { value: value / 10_000, format: '0.0%' };
      return isMoney(column.kind) ? { value, format: moneyFormat } : { value };
    }),
  );
  const blob = await writeXlsxFile([header, ...body], {
    columns: columns.map((column) => ({ width: column.kind === 'text' ? 28 : 14 })),
  }).toBlob();
  saveFile(blob, `${fileName}.xlsx`);
}
