import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogCsvError, parseCatalogCsv } from '../../platform/cli/catalog-csv';

const header = 'sku,barcodes,plu,name_zh,name_en,category_zh,category_en,price,cost,tax_rate,unit,listed_online';

describe('catalog CSV import', () => {
  it('reads the demo catalog with prices in exact fen', () => {
    const products = parseCatalogCsv(readFileSync('resources/demo/catalog.csv', 'utf8'), 2);
    expect(products).toHaveLength(253);
    expect(products[0]).toEqual({
      sku: 'DRK-0001',
      barcodes: ['6921168478354', '6921168943265'],
      plu: null,
      nameZh: '农夫山泉饮用天然水 550ml',
      nameEn: 'Nongfu Spring Natural Water 550ml',
      categoryZh: '饮料',
      categoryEn: 'Drinks',
      price: 200,
      taxRateBp: 1300,
      unit: 'each',
      active: true,
      listedOnline: true,
    });
    expect(products.find((product) => product.sku === 'SNK-0023')).toMatchObject({
      plu: '13001',
      unit: 'kg',
      price: 8900,
    });
    expect(new Set(products.map((product) => product.sku)).size).toBe(253);
  });

  it('converts decimals without floating point and reads quoted fields', () => {
    const [product] = parseCatalogCsv(
      `${header}\nX-1,,,"薯片, 原味","Chips ""Original""",零食,Snacks,0.29,0.1,6.5,each,0\n`,
      2,
    );
    expect(product).toMatchObject({
      nameZh: '薯片, 原味',
      nameEn: 'Chips "Original"',
      price: 29,
      taxRateBp: 650,
      listedOnline: false,
    });
    expect(parseCatalogCsv(`${header}\nX-2,,,水,,,,1.1,,0,each,1`, 2)[0].price).toBe(110);
  });

  it('lists every bad line and imports nothing', () => {
    const text = `${header}\nX-1,,,水,,,,2.001,,13,each,1\nX-2,,,水,,,,2,,13,box,1\nX-3,,,,,,,2,,13,each,1\nX-4,,,水,,,,-1,,13,each,1`;
    expect(() => parseCatalogCsv(text, 2)).toThrow(
      new CatalogCsvError(
        'line 2: price "2.001" is not an amount\nline 3: unit "box" is neither each nor kg\nline 4: name_zh is empty\nline 5: price "-1" is not an amount',
      ),
    );
    expect(() => parseCatalogCsv('sku,price\nX,1', 2)).toThrow(/lacks barcodes, plu/);
    expect(() => parseCatalogCsv('', 2)).toThrow(/empty/);
  });
});
