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

  it('looks a barcode up exactly, and says nothing for an unknown one', async () => {
    const found = expectOk<{ product: Product | null }>(
      await h.call({ method: 'catalog.findByBarcode', input: { barcode: '6921168478354' }, sessionToken: cashier }),
    );
    expect(found.product?.sku).toBe('DRK-0001');
    const none = expectOk<{ product: Product | null }>(
      await h.call({ method: 'catalog.findByBarcode', input: { barcode: '0000000000000' }, sessionToken: cashier }),
    );
    expect(none.product).toBeNull();
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

  it('refuses a product whose SKU belongs to another, and changes nothing', async () => {
    const milk = (await search('DRK-0002')).items[0];
    const result = await h.call({
      method: 'catalog.saveProduct',
      input: { ...milk, sku: 'DRK-0001' },
      sessionToken: manager,
      locale: 'zh-CN',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(result.ok ? '' : result.error.message).toBe('SKU“DRK-0001”已被使用。');
    expect((await search('DRK-0002')).items[0]).toEqual(milk);
  });

  it('edits a product and finds it under its new name at once', async () => {
    const water = (await search('DRK-0001')).items[0];
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

  it('pages through results with hasMore', async () => {
    const first = await search('', { limit: 100 });
    const second = await search('', { limit: 100, offset: 100 });
    expect(first.hasMore).toBe(true);
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(200);
  });
});
