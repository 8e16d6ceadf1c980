import { type CsvRecord, parseCsv } from '../../../shared/csv';

/** One call's worth of a CSV file: the header and up to `maxRows` data records (rows firstRow..lastRow, from 1). */
export type CsvChunk = { csv: string; lineOffset: number; firstRow: number; lastRow: number };

/** Data records in the file: every record after the header. */
export function totalRows(text: string): number {
  return Math.max(0, parseCsv(text).length - 1);
}

/**
 * Splits a CSV file into parts the core accepts in one call, each with the file's header. With its
 * `lineOffset`, the core's line numbers for a part are the lines of the whole file, so a report
 * points at the line people see in their spreadsheet. No data records, no parts.
 */
export function chunkCsv(text: string, maxRows: number): CsvChunk[] {
  const [header, ...records] = parseCsv(text);
  if (!header) return [];
  const chunks: CsvChunk[] = [];
  for (let start = 0; start < records.length; start += maxRows) {
    chunks.push(chunk(header, records.slice(start, start + maxRows), start + 1));
  }
  return chunks;
}

function chunk(header: CsvRecord, records: CsvRecord[], firstRow: number): CsvChunk {
  const lines = [toCsvLine(header.fields)];
  let nextLine = 1 + lineBreaks(lines[0]) + 1;
  const lineOffset = records[0].line - nextLine;
  for (const record of records) {
    // The reader skips empty lines but counts them; keeping the file's empty lines between records
    // keeps every later record on its own line number, not only the first of the part.
    for (; nextLine < record.line - lineOffset; nextLine++) lines.push('');
    const line = toCsvLine(record.fields);
    lines.push(line);
    nextLine += 1 + lineBreaks(line);
  }
  return { csv: lines.join('\n'), lineOffset, firstRow, lastRow: firstRow + records.length - 1 };
}

function toCsvLine(fields: string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(',');
}

/** Line feeds inside quoted fields start new lines for the reader; a lone CR there does not. */
function lineBreaks(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count++;
  return count;
}
