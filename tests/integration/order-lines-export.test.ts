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

  it('stops an Excel file before the sheet’s last row, and adds nothing past it', () => {
    const chunks: Uint8Array[] = [];
    const stream = xlsxStream([{ title: 'n', kind: 'number', value: (n: number) => n }], 's', (b) => chunks.push(b));
    expect(stream.write(new Array(XLSX_MAX_ROWS - 2).fill(1))).toBe(true);
    expect(stream.write([1, 2])).toBe(false);
    expect(stream.write([1])).toBe(true);
    stream.end();
    const sheet = strFromU8(unzipSync(Buffer.concat(chunks))['xl/worksheets/sheet1.xml']);
    expect(sheet.match(/<row /g)).toHaveLength(XLSX_MAX_ROWS);
  }, 120_000);
});
