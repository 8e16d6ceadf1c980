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
  write(rows: readonly R[]): void;
  /** Ends the file; every byte has been handed out when it returns. */
  end(): void;
};

/** Excel's last row in a sheet, header included: the rows after it go on to the next sheet. */
export const XLSX_MAX_ROWS = 1_048_576;

export function csvStream<R>(columns: readonly StreamColumn<R>[], out: (bytes: Uint8Array) => void): TableStream<R> {
  out(strToU8(CSV_BOM + csvRecord(columns.map((column) => column.title))));
  return {
    write(rows) {
      let text = '';
      for (const row of rows) text += csvRecord(columns.map((column): CsvCell => column.value(row) ?? ''));
      out(strToU8(text));
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

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const packageNs = 'http://schemas.openxmlformats.org/package/2006';
const officeNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const sheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const sheetNumbers = (sheets: number) => Array.from({ length: sheets }, (_, i) => i + 1);

const packageRels = `${xmlHead}<Relationships xmlns="${packageNs}/relationships"><Relationship Id="rId1" Type="${officeNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const contentTypes = (sheets: number) =>
  `${xmlHead}<Types xmlns="${packageNs}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${sheetType}.sheet.main+xml"/>${sheetNumbers(
    sheets,
  )
    .map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${sheetType}.worksheet+xml"/>`)
    .join('')}<Override PartName="/xl/styles.xml" ContentType="${sheetType}.styles+xml"/></Types>`;

// Sheets are rId1…rIdN; the styles come after them.
const workbookRels = (sheets: number) =>
  `${xmlHead}<Relationships xmlns="${packageNs}/relationships">${sheetNumbers(sheets)
    .map((n) => `<Relationship Id="rId${n}" Type="${officeNs}/worksheet" Target="worksheets/sheet${n}.xml"/>`)
    .join('')}<Relationship Id="rId${sheets + 1}" Type="${officeNs}/styles" Target="styles.xml"/></Relationships>`;

/** The first sheet carries the name; the next ones "name (2)", "name (3)", within Excel's 31 characters. */
function sheetTitle(name: string, n: number): string {
  const suffix = n === 1 ? '' : ` (${n})`;
  return xmlEscape(name.slice(0, 31 - suffix.length) + suffix);
}

const workbook = (sheetName: string, sheets: number) =>
  `${xmlHead}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${officeNs}"><sheets>${sheetNumbers(
    sheets,
  )
    .map((n) => `<sheet name="${sheetTitle(sheetName, n)}" sheetId="${n}" r:id="rId${n}"/>`)
    .join('')}</sheets></workbook>`;

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
 * An Excel workbook, its rows deflated into the zip as they come (fflate's streaming zip), with
 * inline strings so no table of every string is held until the end. A sheet full at Excel's row
 * limit is closed and the rows go on in the next sheet under the same header; the parts that list
 * the sheets are written last, when their number is known (a zip's entries may come in any order).
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
  part('_rels/.rels', packageRels);
  part('xl/styles.xml', styles);
  const header = columns.map((column) => `<c t="inlineStr" s="2"><is><t>${xmlEscape(column.title)}</t></is></c>`);
  const sheetEnd = '</sheetData></worksheet>';
  const openSheet = (n: number) => {
    const file = new ZipDeflate(`xl/worksheets/sheet${n}.xml`, { level: 4 });
    zip.add(file);
    file.push(
      strToU8(
        `${xmlHead}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${header.join('')}</row>`,
      ),
    );
    return file;
  };
  let sheets = 1;
  let sheet = openSheet(sheets);
  let rowsInSheet = 1;
  return {
    write(rows) {
      let xml = '';
      for (const row of rows) {
        if (rowsInSheet === XLSX_MAX_ROWS) {
          sheet.push(strToU8(xml + sheetEnd), true);
          xml = '';
          sheets += 1;
          sheet = openSheet(sheets);
          rowsInSheet = 1;
        }
        rowsInSheet += 1;
        xml += `<row r="${rowsInSheet}">`;
        for (const column of columns) xml += cellXml(column, row);
        xml += '</row>';
      }
      sheet.push(strToU8(xml));
    },
    end() {
      sheet.push(strToU8(sheetEnd), true);
      part('[Content_Types].xml', contentTypes(sheets));
      part('xl/_rels/workbook.xml.rels', workbookRels(sheets));
      part('xl/workbook.xml', workbook(sheetName, sheets));
      zip.end();
    },
  };
}
