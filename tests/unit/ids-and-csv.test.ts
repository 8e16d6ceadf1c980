import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv';
import { uuidv7 } from '../../shared/ids';

describe('UUIDv7 ids', () => {
  it('are valid version-7 UUIDs that sort by creation time', () => {
    const ids = [1, 2, 3].map((n) => uuidv7(1_795_000_000_000 + n));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 10_000 }, () => uuidv7())).size).toBe(10_000);
  });
});

describe('the CSV reader', () => {
  it('reads quoted fields with commas, quotes and line breaks, and keeps line numbers', () => {
    const records = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\nlast,1');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
      { line: 6, fields: ['last', '1'] },
    ]);
  });
});
