import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/contract/catalog';
import type { Locale } from '../../shared/locale';
import { expectOk, type Harness, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';

type Report = {
  created: number;
  updated: number;
  failed: number;
  rows: { line: number; sku: string | null; status: string; error: { message: string } | null; note: string | null }[];
};

describe('catalog import and editor refusals, in the user’s words', () => {
  let h: Harness;
  let manager: string;

  beforeAll(async () => {
    h = await openHarness('in-process');
    const people = await createDemo(h.call);
    manager = await signIn(h.call, people.manager);
  });

  const importCsv = async (csv: string, locale: Locale = 'en') =>
    expectOk<Report>(await h.call({ method: 'catalog.importCsv', input: { csv }, sessionToken: manager, locale }));
  const product = async (sku: string) => {
    const { items } = expectOk<{ items: Product[] }>(
      await h.call({ method: 'catalog.searchProducts', input: { query: sku }, sessionToken: manager }),
    );
    return items.find((item) => item.sku === sku);
  };

  it('words each bad row by its field and what the field allows, with the row’s line, in both languages', async () => {
    const csv = [
      'sku,name_zh,name_en,category_zh,category_en,price,tax_rate',
      'BAD-1,负价,Negative,新品,New,-1.00,13',
      'BAD-2,,No Chinese name,新品,New,1.00,13',
      'BAD-3,文字价,Word price,新品,New,twelve,13',
      'BAD-4,税率,Tax,新品,New,1.00,thirteen',
      'BAD-5,高税率,High tax,新品,New,1.00,130',
    ].join('\n');
    const en = await importCsv(csv, 'en');
    expect(en.rows.map((row) => [row.line, row.error?.message])).toEqual([
      [2, 'Price must be ¥0.00 or more.'],
      [3, 'Chinese name cannot be empty.'],
      [4, 'Price "twelve" is not an amount.'],
      [5, 'Tax rate "thirteen" is not a percentage.'],
      [6, 'Tax rate must be 100 % or less.'],
    ]);
    const zh = await importCsv(csv, 'zh-CN');
    expect(zh.rows.map((row) => row.error?.message)).toEqual([
      '价格不能低于 ¥0.00。',
      '中文名称不能为空。',
      '价格“twelve”不是有效金额。',
      '税率“thirteen”不是有效百分比。',
      '税率不能高于 100 %。',
    ]);
    expect(await product('BAD-1')).toBeUndefined();
  });

  it('refuses an EAN-13, EAN-8 or UPC-A code with a wrong check digit, and keeps other codes', async () => {
    const csv = [
      'sku,barcodes,name_zh,name_en,category_zh,price',
      'EAN-1,6901234567890,错校验位,Wrong check digit,新品,1.00',
      'EAN-2,96385075,错八位,Wrong EAN-8,新品,1.00',
      'EAN-3,036000291453,错UPC,Wrong UPC-A,新品,1.00',
      'EAN-4,6901234567892|96385074|036000291452|IN-HOUSE-7,对的,All right,新品,1.00',
    ].join('\n');
    const report = await importCsv(csv);
    expect(report.rows.map((row) => row.error?.message ?? row.status)).toEqual([
      'Barcode 1 (6901234567890) has a wrong check digit: it should end in 2.',
      'Barcode 1 (96385075) has a wrong check digit: it should end in 4.',
      'Barcode 1 (036000291453) has a wrong check digit: it should end in 2.',
      'created',
    ]);
    expect(await product('EAN-1')).toBeUndefined();
    expect((await product('EAN-4'))?.barcodes.toSorted()).toEqual(
      ['6901234567892', '96385074', '036000291452', 'IN-HOUSE-7'].toSorted(),
    );
  });

  it('changes barcodes only from a filled barcodes column, and says what it replaced', async () => {
    const before = (await product('DRK-0001'))?.barcodes;
    expect(before).toEqual(['6921168478354', '6921168943265']);

    const priceOnly = await importCsv('sku,price\nDRK-0001,2.10\n');
    expect(priceOnly.rows[0]).toMatchObject({ status: 'updated', note: null });
    const emptyCell = await importCsv('sku,barcodes,price\nDRK-0001,,2.20\n');
    expect(emptyCell.rows[0]).toMatchObject({ status: 'updated', note: null });
    expect((await product('DRK-0001'))?.barcodes).toEqual(before);

    const en = await importCsv('sku,barcodes\nDRK-0001,6921168478354\n');
    expect(en.rows[0].note).toBe('Barcodes replaced: 6921168478354, 6921168943265 → 6921168478354');
    expect((await product('DRK-0001'))?.barcodes).toEqual(['6921168478354']);
    const zh = await importCsv('sku,barcodes\nDRK-0001,6921168478354|6921168943265\n', 'zh-CN');
    expect(zh.rows[0].note).toBe('条码已替换：6921168478354 → 6921168478354, 6921168943265');
  });

  it('refuses a wrong check digit from the product editor, naming which barcode', async () => {
    const water = await product('DRK-0002');
    if (!water) throw new Error('demo product missing');
    const { soldOut: _s, updatedAt: _u, ...input } = water;
    const save = async (barcodes: string[], locale: Locale) => {
      const result = await h.call({
        method: 'catalog.saveProduct',
        input: { ...input, barcodes },
        sessionToken: manager,
        locale,
      });
      return result.ok ? 'saved' : result.error.message;
    };
    expect(await save([...water.barcodes, '6901234567891'], 'en')).toBe(
      'Barcode 2 (6901234567891) has a wrong check digit: it should end in 2.',
    );
    expect(await save([...water.barcodes, '12'], 'zh-CN')).toBe('第 2 个条码应为 4 到 32 位字母或数字。');
    expect((await product('DRK-0002'))?.barcodes).toEqual(water.barcodes);
  });
});
