import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeOrderHistory } from '../../electron/core/demo/sales-history';
import type { ExportLine, OrderLinesPage } from '../../shared/contract/line-export';
import { parseCsv } from '../../shared/csv';
import { lineColumns } from '../../shared/reports/line-columns';
import { type LineExportFormat, runLineExport } from '../../shared/reports/line-export-run';
import { XLSX_MAX_ROWS, xlsxStream } from '../../shared/reports/table-stream';
import { expectOk, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';

const NOW = Date.UTC(2026, 11, 2, 4, 0, 0);
type RawLine = { order_id: string; business_day: string; line_no: number; net: number };

/**
 * Exporting a period's order lines (issue 14): page by page, every line of every order once,
 * never half an order on a page, into CSV and Excel files that hold exactly those lines.
 */
describe('the order-lines export', () => {
  it('pages through every line of the range once, and writes them all to CSV and Excel', async () => {
    const { core, call } = await openHarness('in-process', { clock: () => NOW });
    const people = await createDemo(call);
    const db = core.environment.db;
    writeOrderHistory(db, { orders: 1_200, days: 20, lastDay: '2026-12-01', seed: 3 });
    const manager = await signIn(call, people.manager);
    const range = { firstDay: '2026-11-20', lastDay: '2026-11-28' };
    const raw = db
      .prepare(`SELECT l.order_id, o.business_day, l.line_no, l.net FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE o.business_day BETWEEN ? AND ? ORDER BY o.business_day, o.id, l.line_no`)
      .all(range.firstDay, range.lastDay) as RawLine[];
    const rawOrders = new Set(raw.map((line) => line.order_id)).size;
    expect(rawOrders).toBeGreaterThan(300);

    const pages: OrderLinesPage[] = [];
    const page = async (input: object) => {
      const found = expectOk<OrderLinesPage>(
        await call({ method: 'reports.orderLines', input: { ...input, orders: 97 }, sessionToken: manager }),
      );
      pages.push(found);
      return found;
    };
    const columns = lineColumns({
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      exponent: 2,
      title: (key) => key,
      channel: (channel) => channel,
      unit: (unit) => unit,
    });
    const exportAs = async (format: LineExportFormat) => {
      pages.length = 0;
      const chunks: Uint8Array[] = [];
      const outcome = await runLineExport({
        ...range,
        format,
        columns,
        sheetName: '明细',
        page,
        out: (b) => chunks.push(b),
      });
      return { outcome, bytes: Buffer.concat(chunks) };
    };

    const csv = await exportAs('csv');
    expect(csv.outcome).toEqual({ kind: 'saved', orders: rawOrders, lines: raw.length });
    expect(pages[0].totalOrders).toBe(rawOrders);
    expect(pages.slice(1).every((p) => p.totalOrders === null)).toBe(true);
    const lines: ExportLine[] = pages.flatMap((p) => p.lines);
    expect(lines.map((l) => [l.businessDay, l.lineNo, l.net])).toEqual(
      raw.map((l) => [l.business_day, l.line_no, l.net]),
    );
    // No order is split across two pages (numbers start again each day).
    const pageOf = new Map<string, number>();
    pages.forEach((p, i) => {
      for (const line of p.lines) {
        const order = `${line.businessDay} ${line.orderNumber}`;
        expect(pageOf.get(order) ?? i).toBe(i);
        pageOf.set(order, i);
      }
    });
    const records = parseCsv(csv.bytes.toString('utf8'));
    expect(records).toHaveLength(raw.length + 1);
    const netColumn = records[0].fields.indexOf('net');
    const csvNet = records.slice(1).reduce((sum, r) => sum + Math.round(Number(r.fields[netColumn]) * 100), 0);
    expect(csvNet).toBe(raw.reduce((sum, l) => sum + l.net, 0));

    const xlsx = await exportAs('xlsx');
    expect(xlsx.outcome).toEqual({ kind: 'saved', orders: rawOrders, lines: raw.length });
    const files = unzipSync(new Uint8Array(xlsx.bytes));
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet.match(/<row /g)).toHaveLength(raw.length + 1);
    expect(sheet.endsWith('</sheetData></worksheet>')).toBe(true);
    const nets = [...sheet.matchAll(/<row r="\d+">(.*?)<\/row>/g)].slice(1).map((row) => {
      const cells = row[1].match(/<c[^>]*\/>|<c.*?<\/c>/g) ?? [];
      return Math.round(Number(cells[netColumn].replace(/<[^>]+>/g, '')) * 100);
    });
    expect(nets.reduce((a, b) => a + b, 0)).toBe(csvNet);

    // A range with no orders has nothing to export; a range backwards is refused in words.
    expect(
      (
        await runLineExport({
          firstDay: '2026-12-03',
          lastDay: '2026-12-05',
          format: 'csv',
          columns,
          sheetName: 'x',
          page,
          out: () => {},
        })
      ).kind,
    ).toBe('none');
    const backwards = await call({
      method: 'reports.orderLines',
      input: { firstDay: '2026-11-28', lastDay: '2026-11-20' },
      sessionToken: manager,
      locale: 'zh-CN',
    });
    expect(backwards.ok ? '' : backwards.error.code).toBe('report_range_backwards');
    await core.close();
  }, 120_000);

  it('goes on in a second sheet when the first is full at Excel’s last row, losing no line', () => {
    const chunks: Uint8Array[] = [];
    const columns = [{ title: 'n', kind: 'number' as const, value: (n: number) => n }];
    const stream = xlsxStream(columns, 'Order lines', (b) => chunks.push(b));
    stream.write(new Array(XLSX_MAX_ROWS - 2).fill(1));
    stream.write([2, 3]);
    stream.write([4]);
    stream.end();
    const files = unzipSync(Buffer.concat(chunks));
    const rows = (name: string) => strFromU8(files[name]).match(/<row r="\d+">.*?<\/row>/g) ?? [];
    const first = rows('xl/worksheets/sheet1.xml');
    const second = rows('xl/worksheets/sheet2.xml');
    expect(first).toHaveLength(XLSX_MAX_ROWS);
    expect(first.at(-1)).toBe(`<row r="${XLSX_MAX_ROWS}"><c><v>2</v></c></row>`);
    expect(second).toEqual([
      '<row r="1"><c t="inlineStr" s="2"><is><t>n</t></is></c></row>',
      '<row r="2"><c><v>3</v></c></row>',
      '<row r="3"><c><v>4</v></c></row>',
    ]);
    const workbook = strFromU8(files['xl/workbook.xml']);
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'Order lines',
      'Order lines (2)',
    ]);
    expect(strFromU8(files['[Content_Types].xml'])).toContain('/xl/worksheets/sheet2.xml');
    expect(strFromU8(files['xl/_rels/workbook.xml.rels'])).toContain('Target="worksheets/sheet2.xml"');
  }, 120_000);
});
