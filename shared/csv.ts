export type CsvRecord = { line: number; fields: string[] };

/**
 * RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks. Each record keeps
 * the line it started on so an import report can point at it. A BOM from Excel is skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Excel reads a CSV as UTF-8 only when it starts with this mark; without it Chinese turns to mojibake. */
export const CSV_BOM = '\uFEFF';

/** A cell: text as typed, or a number (an amount already in decimal units, a count). */
export type CsvCell = string | number;

/**
 * One RFC 4180 record, CRLF-terminated. Text that a spreadsheet would run as a formula (=, +, −, @,
 * tab or CR first) is written with a leading apostrophe, so an exported product name cannot
 * become a formula on the manager's machine; numbers are written as they are.
 */
export function csvRecord(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

function csvField(cell: CsvCell): string {
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
