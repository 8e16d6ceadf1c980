import { beforeAll, describe, expect, it } from 'vitest';
import { matchExpression } from '../../electron/core/catalog/search-terms';
import { parseCsv } from '../../shared/csv';
import { expectOk, type Harness, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { hostileString, seededRandom } from '../support/random';

describe('hostile input', () => {
  let h: Harness;
  let cashier: string;
  let manager: string;
  const tableCounts = () =>
    h.core.environment.db
      .prepare('SELECT (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM audit_log) AS audit')
      .get();

  beforeAll(async () => {
    h = await openHarness('http');
    const people = await createDemo(h.call);
    cashier = await signIn(h.call, people.cashier);
    manager = await signIn(h.call, people.manager);
  });

  it('turns any search text into a quoted FTS expression or nothing', () => {
    const random = seededRandom(20261123);
    for (let i = 0; i < 5_000; i++) {
      const expression = matchExpression(hostileString(random));
      if (expression === null) continue;
      expect(expression).toMatch(/^("[^"]+"\*? ?)+$/);
    }
  });

  it('answers 2,000 hostile searches with results or an empty list, never an error', async () => {
    const random = seededRandom(7);
    const before = tableCounts();
    for (let i = 0; i < 2_000; i++) {
      const query = hostileString(random);
      const result = await h.call({ method: 'catalog.searchProducts', input: { query }, sessionToken: cashier });
      if (query.length > 200) expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      else expect([query, result.ok]).toEqual([query, true]);
    }
    expect(tableCounts()).toEqual(before);
  });

  it('refuses a 1 MB search string with invalid_input', async () => {
    const query = '牛'.repeat(1_000_000);
    const result = await h.call({ method: 'catalog.searchProducts', input: { query }, sessionToken: cashier });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('looks up hostile barcodes without error', async () => {
    const random = seededRandom(99);
    for (let i = 0; i < 500; i++) {
      const barcode = hostileString(random, 4).slice(0, 64);
      const result = await h.call({ method: 'catalog.findByBarcode', input: { barcode }, sessionToken: cashier });
      expect(result).toMatchObject({ ok: true, value: { product: null } });
    }
  });

  it('reads any CSV text without throwing, and a hostile import stores only valid rows', async () => {
    const random = seededRandom(5);
    for (let i = 0; i < 2_000; i++) parseCsv(hostileString(random, 40).replace(/\\/g, ','));
    const rows = Array.from({ length: 200 }, () => hostileString(random, 6).replace(/\\/g, ','));
    const csv = ['sku,name_zh,name_en,category_zh,price', ...rows].join('\n');
    const before = tableCounts() as { products: number };
    const report = expectOk<{ created: number; failed: number }>(
      await h.call({ method: 'catalog.importCsv', input: { csv }, sessionToken: manager }),
    );
    expect(report.created).toBe(0);
    expect((tableCounts() as { products: number }).products).toBe(before.products);
  });

  it('answers 1,000 malformed API bodies with a coded error and changes nothing', async () => {
    const random = seededRandom(11);
    const methods = ['catalog.saveProduct', 'staff.signIn', 'store.update', 'catalog.importCsv', 'drawer.noSale'];
    const before = tableCounts();
    const values: unknown[] = [
      null,
      0,
      -1,
      Number.POSITIVE_INFINITY,
      Number.MAX_VALUE,
      '',
      'x',
      [],
      {},
      true,
      { __proto__: { admin: true } },
    ];
    for (let i = 0; i < 1_000; i++) {
      const input = random.next() < 0.5 ? random.pick(values) : { [hostileString(random, 2)]: random.pick(values) };
      const result = await h.call({ method: random.pick(methods), input, sessionToken: manager });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(['invalid_input', 'forbidden']).toContain(result.error.code);
    }
    expect(tableCounts()).toEqual(before);
  });
});
