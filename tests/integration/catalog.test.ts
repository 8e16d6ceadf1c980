import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/contract/catalog';
import { expectOk, type Harness, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';

describe('the catalog', () => {
  let h: Harness;
  let manager: string;
  let cashier: string;
  const search = async (query: string, extra: object = {}) =>
    expectOk<{ items: Product[]; hasMore: boolean }>(
      await h.call({ method: 'catalog.searchProducts', input: { query, ...extra }, sessionToken: cashier }),
    );
  /** The product as its editor sees it, cost included. */
  const editable = async (sku: string) =>
    expectOk<{ items: Product[] }>(
      await h.call({ method: 'catalog.searchProducts', input: { query: sku }, sessionToken: manager }),
    ).items[0];

  beforeAll(async () => {
    h = await openHarness('in-process');
    const people = await createDemo(h.call);
    manager = await signIn(h.call, people.manager);
    cashier = await signIn(h.call, people.cashier);
  });

  it('has a demo catalog of over 200 products in categories, some sold by weight', async () => {
    const { categories } = expectOk<{ categories: { productCount: number }[] }>(
      await h.call({ method: 'catalog.listCategories', input: {}, sessionToken: cashier }),
    );
    expect(categories.length).toBeGreaterThanOrEqual(10);
    expect(categories.reduce((sum, c) => sum + c.productCount, 0)).toBeGreaterThanOrEqual(200);
    const apples = await search('苹果');
    expect(apples.items.some((p) => p.unit === 'kg' && p.plu !== null)).toBe(true);
  });

  it('finds products by Chinese fragments, English prefixes, SKU and barcode', async () => {
    expect((await search('牛奶')).items.every((p) => p.nameZh.includes('牛奶') || p.nameEn.match(/milk/i))).toBe(true);
    expect((await search('牛奶')).items.length).toBeGreaterThan(2);
    expect((await search('Coca')).items[0].nameEn).toMatch(/^Coca-Cola/);
    expect((await search('DRK-0001')).items[0].sku).toBe('DRK-0001');
    expect((await search('6921168478354')).items[0].nameZh).toBe('农夫山泉饮用天然水 550ml');
  });

  it('shows cost prices to those who edit the catalog, not to cashiers', async () => {
    expect((await search('DRK-0002')).items[0].cost).toBeNull();
    const asManager = expectOk<{ items: Product[] }>(
      await h.call({ method: 'catalog.searchProducts', input: { query: 'DRK-0002' }, sessionToken: manager }),
    );
    expect(asManager.items[0].cost).toBeGreaterThan(0);
  });

  it('looks a code up exactly (barcode, else SKU, else scale PLU), and says nothing for an unknown one', async () => {
    const found = expectOk<{ product: Product | null }>(
      await h.call({ method: 'catalog.findByBarcode', input: { barcode: '6921168478354' }, sessionToken: cashier }),
    );
    expect(found.product?.sku).toBe('DRK-0001');
    const none = expectOk<{ product: Product | null }>(
      await h.call({ method: 'catalog.findByBarcode', input: { barcode: '0000000000000' }, sessionToken: cashier }),
    );
    expect(none.product).toBeNull();
    const code = async (barcode: string) =>
      expectOk<{ product: Product | null }>(
        await h.call({ method: 'catalog.findByBarcode', input: { barcode }, sessionToken: cashier }),
      ).product;
    expect((await code('SNK-0001'))?.nameEn).toBe("Lay's Classic Potato Chips 70g");
    expect((await code('10001'))?.nameEn).toBe('Red Fuji Apples');
  });

  it('imports a CSV row by row: bad rows are reported by line and the good ones land', async () => {
    const csv = [
      'sku,barcodes,name_zh,name_en,category_zh,category_en,price,tax_rate,unit',
      'IMP-1,6901234567892,导入测试一,Import one,新品,New arrivals,9.90,13,each',
      'IMP-2,,导入测试二,Import two,新品,New arrivals,twelve,13,each',
      '"IMP-3",,"带,逗号的名字","Name, with comma",新品,New arrivals,1.005,13,each',
      'IMP-4,6921168478354,重复条码,Duplicate barcode,新品,New arrivals,5.00,13,each',
      'IMP-5,,称重测试,Weighed,新品,New arrivals,29.80,9,kg',
      'IMP-6,,,No Chinese name,新品,New arrivals,1.00,13,each',
    ].join('\r\n');
    const report = expectOk<{
      created: number;
      failed: number;
      rows: { line: number; status: string; error: { message: string } | null }[];
    }>(await h.call({ method: 'catalog.importCsv', input: { csv }, sessionToken: manager, locale: 'en' }));
    expect(report.created).toBe(2);
    expect(report.failed).toBe(4);
    expect(report.rows.filter((r) => r.status === 'error').map((r) => r.line)).toEqual([3, 4, 5, 7]);
    expect(report.rows[3].error?.message).toMatch(/Barcode "6921168478354" is already in use/);
    expect((await search('导入测试')).items.map((p) => p.sku)).toEqual(['IMP-1']);
    expect((await search('IMP-5')).items[0]).toMatchObject({ unit: 'kg', price: 2980, taxRateBp: 900 });
    expect((await search('IMP-2')).items).toHaveLength(0);
    const again = expectOk<{ created: number; rows: { status: string }[] }>(
      await h.call({ method: 'catalog.importCsv', input: { csv }, sessionToken: manager }),
    );
    expect(again.created).toBe(0);
    expect(again.rows.filter((r) => r.status === 'updated')).toHaveLength(2);
  });

  it('refuses a new product whose SKU is taken instead of overwriting that product', async () => {
    const water = await editable('DRK-0001');
    const { id: _id, ...copy } = water;
    const result = await h.call({
      method: 'catalog.saveProduct',
      input: { ...copy, nameZh: '新商品', nameEn: 'New product', barcodes: [] },
      sessionToken: manager,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(await editable('DRK-0001')).toEqual(water);
  });

  it('re-imports only the columns a file has: a price list changes prices and nothing else', async () => {
    const before = await editable('DRK-0001');
    const csv = 'sku,price\nDRK-0001,2.20\n';
    const report = expectOk<{ updated: number }>(
      await h.call({ method: 'catalog.importCsv', input: { csv }, sessionToken: manager }),
    );
    expect(report.updated).toBe(1);
    const after = await editable('DRK-0001');
    expect(after).toEqual({ ...before, price: 220, updatedAt: after.updatedAt });
    const { entries } = expectOk<{ entries: { action: string; detail: { changes: unknown[] } }[] }>(
      await h.call({ method: 'audit.list', input: { limit: 1 }, sessionToken: manager }),
    );
    expect(entries[0].detail.changes).toEqual([
      { sku: 'DRK-0001', created: false, changed: { price: [before.price, 220] } },
    ]);
  });

  it('reports lines of the whole file when it arrives in parts, and refuses parts over 2,000 rows', async () => {
    const csv = 'sku,name_zh,name_en,category_zh,price\nPART-1,分批,Part,新品,oops\n';
    const report = expectOk<{ rows: { line: number }[] }>(
      await h.call({ method: 'catalog.importCsv', input: { csv, lineOffset: 4000 }, sessionToken: manager }),
    );
    expect(report.rows[0].line).toBe(4002);
    const big = ['sku,price', ...Array.from({ length: 2001 }, (_, i) => `X-${i},1.00`)].join('\n');
    const refused = await h.call({
      method: 'catalog.importCsv',
      input: { csv: big },
      sessionToken: manager,
      locale: 'en',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(refused.ok ? '' : refused.error.message).toContain('at most 2000');
  });

  it('checks category names from a file like any other name', async () => {
    const csv = `sku,name_zh,name_en,category_zh,price\nCAT-1,名字,Name,${'长'.repeat(500)},1.00\n`;
    const report = expectOk<{ failed: number }>(
      await h.call({ method: 'catalog.importCsv', input: { csv }, sessionToken: manager }),
    );
    expect(report.failed).toBe(1);
    const { categories } = expectOk<{ categories: { nameZh: string }[] }>(
      await h.call({ method: 'catalog.listCategories', input: {}, sessionToken: manager }),
    );
    expect(categories.some((c) => c.nameZh.startsWith('长长'))).toBe(false);
  });

  it('refuses a product whose SKU belongs to another, and changes nothing', async () => {
    const milk = await editable('DRK-0002');
    const result = await h.call({
      method: 'catalog.saveProduct',
      input: { ...milk, sku: 'DRK-0001' },
      sessionToken: manager,
      locale: 'zh-CN',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(result.ok ? '' : result.error.message).toBe('SKU“DRK-0001”已被使用。');
    expect(await editable('DRK-0002')).toEqual(milk);
  });

  it('edits a product and finds it under its new name at once', async () => {
    const water = await editable('DRK-0001');
    const saved = expectOk<Product>(
      await h.call({
        method: 'catalog.saveProduct',
        input: { ...water, nameEn: 'Spring Water 550ml', price: 250 },
        sessionToken: manager,
      }),
    );
    expect(saved).toMatchObject({ id: water.id, price: 250 });
    expect((await search('spring water')).items[0].id).toBe(water.id);
  });

  it('pages through code and name matches without skipping any', async () => {
    const all = await search('DRK-0', { limit: 200 });
    expect(all.items.length).toBeGreaterThan(20);
    const paged = [];
    for (let offset = 0; ; offset += 7) {
      const page = await search('DRK-0', { limit: 7, offset });
      paged.push(...page.items);
      if (!page.hasMore) break;
    }
    expect(paged.map((p) => p.id)).toEqual(all.items.map((p) => p.id));
  });

  it('pages through results with hasMore', async () => {
    const first = await search('', { limit: 100 });
    const second = await search('', { limit: 100, offset: 100 });
    expect(first.hasMore).toBe(true);
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(200);
  });
});
