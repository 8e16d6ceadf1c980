import { strToU8, Zip, ZipDeflate } from 'fflate';
import { CSV_BOM, type CsvCell, csvRecord } from '../csv';

/**
 * A table written a page at a time, as CSV or as an Excel workbook, so an export of a year of
 * order lines holds one page in memory, never the year. The writer hands out bytes as they are
 * ready; where they go (a file, a download) is the caller's.
 */
export type StreamColumn<R> = {
  title: string;
  kind: 'text' | 'money' | 'number';
  /** Money in major units (yuan) as a number; text as text; null for an empty cell. */
  value(row: R): string | number | null;
};

export type TableStream<R> = {
  /** Adds rows; false once the format cannot take more (Excel's row limit), and nothing is added. */
  write(rows: readonly R[]): boolean;
  /** Ends the file; every byte has been handed out when it returns. */
  end(): void;
};

/** Excel's last row, header included. */
export const XLSX_MAX_ROWS = 1_048_576;

export function csvStream<R>(columns: readonly StreamColumn<R>[], out: (bytes: Uint8Array) => void): TableStream<R> {
  out(strToU8(CSV_BOM + csvRecord(columns.map((column) => column.title))));
  return {
    write(rows) {
      let text = '';
      for (const row of rows) text += csvRecord(columns.map((column): CsvCell => column.value(row) ?? ''));
      out(strToU8(text));
      return true;
    },
    end() {},
  };
}

// Most cells need no escaping; testing once is much cheaper than four replacements each.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters must be found to go.
const needsEscape = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

const xmlEscape = (text: string) =>
  !needsEscape.test(text)
    ? text
    : text
        // Characters XML 1.0 cannot hold at all: a stray control character would make Excel refuse the file.
        // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must go.
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');

// Styles: 0 plain, 1 money with two decimals (built-in format 4, "#,##0.00"), 2 bold for the header.
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const fixedParts: [string, string][] = [
  [
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  ],
  [
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ],
  [
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  ],
  ['xl/styles.xml', styles],
];

const workbook = (sheetName: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlEscape(sheetName).slice(0, 31)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

function cellXml<R>(column: StreamColumn<R>, row: R): string {
  const value = column.value(row);
  if (value === null) return '<c/>';
  if (typeof value === 'string') {
    // Spaces at either end are kept only when asked; asking on every cell doubled the file.
    const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
    return `<c t="inlineStr"><is><t${space}>${xmlEscape(value)}</t></is></c>`;
  }
  return column.kind === 'money' ? `<c s="1"><v>${value}</v></c>` : `<c><v>${value}</v></c>`;
}

/**
 * An Excel workbook of one sheet, its rows deflated into the zip as they come (fflate's streaming
 * zip), with inline strings so no table of every string is held until the end.
 */
export function xlsxStream<R>(
  columns: readonly StreamColumn<R>[],
  sheetName: string,
  out: (bytes: Uint8Array) => void,
): TableStream<R> {
  const zip = new Zip((error, bytes) => {
    if (error) throw error;
    out(bytes);
  });
  const part = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(text), true);
  };
  for (const [name, text] of fixedParts) part(name, text);
  part('xl/workbook.xml', workbook(sheetName));
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 4 });
  zip.add(sheet);
  const header = columns.map((column) => `<c t="inlineStr" s="2"><is><t>${xmlEscape(column.title)}</t></is></c>`);
  sheet.push(
    strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${header.join('')}</row>`,
    ),
  );
  let rowsWritten = 1;
  return {
    write(rows) {
      if (rowsWritten + rows.length > XLSX_MAX_ROWS) return false;
      let xml = '';
      for (const row of rows) {
        rowsWritten += 1;
        xml += `<row r="${rowsWritten}">`;
        for (const column of columns) xml += cellXml(column, row);
        xml += '</row>';
      }
      sheet.push(strToU8(xml));
      return true;
    },
    end() {
      sheet.push(strToU8('</sheetData></worksheet>'), true);
      zip.end();
    },
  };
}
