import { beforeAll, describe, expect, it } from 'vitest';
import { productSearchSql } from '../../electron/core/catalog/product-search';
import { matchExpression, pinyinMatch } from '../../electron/core/catalog/search-terms';
import type { Product } from '../../shared/contract/catalog';
import { expectOk, type Harness, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';

describe('search by pinyin', () => {
  let h: Harness;
  let manager: string;
  let cashier: string;
  const search = async (query: string, extra: object = {}) =>
    expectOk<{ items: Product[]; hasMore: boolean }>(
      await h.call({ method: 'catalog.searchProducts', input: { query, ...extra }, sessionToken: cashier }),
    ).items;
  const skus = async (query: string, extra: object = {}) => (await search(query, extra)).map((p) => p.sku);
  const croissant = 'BAK-0001'; // 原味牛角包

  beforeAll(async () => {
    h = await openHarness('in-process');
    const people = await createDemo(h.call);
    manager = await signIn(h.call, people.manager);
    cashier = await signIn(h.call, people.cashier);
  });

  it('finds 牛角包 by its initials, its full pinyin, a prefix or part of either, in any case', async () => {
    for (const query of ['njb', 'niujiaobao', 'niu jiao', 'nj', 'jiaobao', 'jb', 'NJB', 'NiuJiao', 'ｎｊｂ', 'ywnjb']) {
      expect([query, await skus(query, { limit: 200 })]).toEqual([query, expect.arrayContaining([croissant])]);
    }
    expect(await skus('njb')).toEqual([croissant]);
    expect(await skus('niujiaobao')).toEqual([croissant]);
  });

  it('finds every milk by "nn" and "niunai", as the issue asks', async () => {
    const milks = (await search('牛奶', { limit: 200 })).filter((p) => p.nameZh.includes('牛奶')).map((p) => p.sku);
    expect(milks.length).toBeGreaterThan(5);
    expect(await skus('nn', { limit: 200 })).toEqual(expect.arrayContaining(milks));
    expect(await skus('niunai', { limit: 200 })).toEqual(expect.arrayContaining(milks));
  });

  it('lets each typed piece match the name or the pinyin: "牛jb" finds 牛角包', async () => {
    expect(await skus('牛jb')).toEqual([croissant]);
    expect(await skus('原味 jiaobao')).toEqual([croissant]);
  });

  it('finds a polyphonic character under its other reading too', async () => {
    const baguette = 'BAK-0012'; // 法式长棍面包
    for (const query of ['changgun', 'zhanggun', 'fscg', 'fszg']) {
      expect([query, await skus(query)]).toEqual([query, [baguette]]);
    }
  });

  it('puts name matches before pinyin-only ones, and a scanned code first', async () => {
    const tray = await save({ sku: 'PY-TRAY', nameZh: '托盘', nameEn: 'NJB bakery tray' });
    expect(await skus('njb')).toEqual([tray.sku, croissant]);
    expect((await skus('BAK-0001'))[0]).toBe(croissant);
  });

  it('indexes pinyin when a product is saved, renamed or imported', async () => {
    const saved = await save({ sku: 'PY-1', nameZh: '会员卡', nameEn: 'Member card' });
    expect(await skus('hyk')).toEqual([saved.sku]);
    await save({ ...saved, nameZh: '礼品卡' });
    expect(await skus('hyk')).toEqual([]);
    expect(await skus('lpk')).toEqual([saved.sku]);
    const csv = 'sku,name_zh,name_en,category_zh,category_en,price\nPY-2,长城干红,Great Wall red,酒水,Wine,59.00\n';
    expectOk(await h.call({ method: 'catalog.importCsv', input: { csv }, sessionToken: manager }));
    expect(await skus('ccgh')).toEqual(['PY-2']);
    expect(await skus('changchengganhong')).toEqual(['PY-2']);
  });

  it('keeps the category and active filters on pinyin matches', async () => {
    const [bread] = await search('niujiaobao');
    const { categories } = expectOk<{ categories: { id: string }[] }>(
      await h.call({ method: 'catalog.listCategories', input: {}, sessionToken: cashier }),
    );
    const other = categories.find((c) => c.id !== bread.categoryId);
    expect(await skus('niujiaobao', { categoryId: bread.categoryId })).toEqual([croissant]);
    expect(await skus('niujiaobao', { categoryId: other?.id })).toEqual([]);
    const hidden = await save({ sku: 'PY-3', nameZh: '芋泥蛋糕', nameEn: 'Taro cake', active: false });
    expect(await skus('yndg')).toEqual([]);
    expect(
      expectOk<{ items: Product[] }>(
        await h.call({
          method: 'catalog.searchProducts',
          input: { query: 'yndg', includeInactive: true },
          sessionToken: manager,
        }),
      ).items.map((p) => p.sku),
    ).toEqual([hidden.sku]);
  });

  it('answers name and pinyin queries from the FTS indexes and products by rowid, never a table scan', () => {
    const db = h.core.environment.db;
    const filters = { categoryId: null, includeInactive: 0, limit: 51, offset: 0 };
    for (const query of ['njb', 'niu jiao', '牛jb', 'milk']) {
      const params = { ...filters, match: matchExpression(query), names: null, ...pinyinMatch(query) };
      for (const [name, sql] of Object.entries(productSearchSql)) {
        if (!/@(match|pinyin)/.test(sql) || (sql.includes('@names') && params.names === null)) continue;
        const details = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
          (r) => r.detail,
        );
        // ":M" in the index string: FTS5 answers the MATCH from its index; products follow by rowid.
        expect([name, details.join(' | ')]).toEqual([
          name,
          expect.stringMatching(/SCAN \w+ VIRTUAL TABLE INDEX \d+:M/),
        ]);
        if (!name.includes('ount')) expect(details).toContain('SEARCH p USING INTEGER PRIMARY KEY (rowid=?)');
        expect(details.filter((d) => /^SCAN p\b/.test(d))).toEqual([]);
      }
    }
  });

  async function save(product: { sku: string; nameZh: string; nameEn: string; active?: boolean; id?: string }) {
    const [template] = await search('BAK-0001');
    return expectOk<Product>(
      await h.call({
        method: 'catalog.saveProduct',
        input: {
          categoryId: template.categoryId,
          barcodes: [],
          price: 500,
          active: true,
          ...product,
        },
        sessionToken: manager,
      }),
    );
  }
});
