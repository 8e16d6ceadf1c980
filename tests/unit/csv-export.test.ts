import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvRecord, parseCsv } from '../../shared/csv';

describe('CSV export', () => {
  it('writes records that read back as written, Chinese, quotes, commas and line breaks included', () => {
    const rows = [
      ['商品', 'Sales', 'Note'],
      ['原味牛角包', 1234.5, 'say "hi", then\nleave'],
      ['', -3, 'plain'],
    ];
    const text = CSV_BOM + rows.map(csvRecord).join('');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text).map((record) => record.fields)).toEqual(rows.map((row) => row.map(String)));
  });

  it('never lets a text cell become a spreadsheet formula, and leaves numbers alone', () => {
    expect(csvRecord(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', -2])).toBe(
      `"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),-2\r\n`,
    );
  });
});
