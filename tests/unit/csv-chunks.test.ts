import { describe, expect, it } from 'vitest';
import { chunkCsv, totalRows } from '../../renderer/screens/catalog/csv-chunks';
import { parseCsv } from '../../shared/csv';
import { seededRandom } from '../support/random';

const cells = ['plain', '牛奶 250ml', 'with, comma', 'say "hi"', 'two\nlines', '', 'x\r\ny', '1.50'];

function randomCsv(random: ReturnType<typeof seededRandom>, rows: number): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = ['sku,name_zh,price'];
  for (let i = 0; i < rows; i++) {
    if (random.next() < 0.1) lines.push('');
    lines.push([`SKU-${i}`, random.pick(cells), random.pick(cells)].map(quote).join(','));
  }
  return lines.join(random.next() < 0.5 ? '\n' : '\r\n');
}

describe('sending a CSV file in parts', () => {
  it('keeps every record, its fields and its file line number across parts', () => {
    const random = seededRandom(3);
    for (let round = 0; round < 50; round++) {
      const text = randomCsv(random, random.int(60));
      const [, ...records] = parseCsv(text);
      const parts = chunkCsv(text, 1 + random.int(7));
      const rejoined = parts.flatMap((part) => {
        const [header, ...rows] = parseCsv(part.csv);
        expect(header.fields).toEqual(['sku', 'name_zh', 'price']);
        return rows.map((row) => ({ line: row.line + part.lineOffset, fields: row.fields }));
      });
      expect(rejoined).toEqual(records);
      expect(totalRows(text)).toBe(records.length);
      if (parts.length > 0) expect(parts.at(-1)?.lastRow).toBe(records.length);
    }
  });

  it('makes no parts for a file with only a header or nothing', () => {
    expect(chunkCsv('sku,price\n', 10)).toEqual([]);
    expect(chunkCsv('', 10)).toEqual([]);
  });
});
