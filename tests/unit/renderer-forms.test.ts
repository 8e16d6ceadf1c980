import { describe, expect, it } from 'vitest';
import { barcodeRefusal, toFormValues, toProductInput } from '../../renderer/screens/catalog/product-form';
import { readCsvFile } from '../../renderer/screens/catalog/read-csv-file';
import { payRefusal } from '../../renderer/screens/checkout/payment-model';
import type { Product } from '../../shared/contract/catalog';
import { defaultLimits } from '../../shared/limits';
import { asMoney, parseAmount, parsePercentBp } from '../../shared/money';

const product = {
  id: '01a20826-1249-7646-a0ae-afa67bdf5f2e',
  categoryId: '01a20826-1249-7646-a0ae-afa67bdf5f2f',
  sku: 'DAI-0001',
  barcodes: ['6901234567892'],
  plu: null,
  nameZh: '蒙牛纯牛奶 250ml',
  nameEn: 'Mengniu Whole Milk 250ml',
  price: 350,
  cost: 245,
  taxRateBp: 650,
  unit: 'each',
  active: true,
  listedOnline: false,
  soldOut: false,
  updatedAt: 0,
} as unknown as Product;

describe('the product editor’s form', () => {
  it('shows amounts as decimals and the tax rate in percent, and saves them back unchanged', () => {
    const values = toFormValues(product, 2);
    expect(values).toMatchObject({ price: '3.50', cost: '2.45', taxRate: '6.5' });
    const input = toProductInput(values as Parameters<typeof toProductInput>[0], 2, product.id);
    expect(input).toMatchObject({ price: 350, cost: 245, taxRateBp: 650, plu: null, listedOnline: false });
  });

  it('refuses amounts a cashier could mistype', () => {
    expect(parseAmount('-1', 2)).toBeNull();
    expect(parseAmount('1.234', 2)).toBeNull();
    expect(parseAmount('abc', 2)).toBeNull();
    expect(parsePercentBp('101')).toBeNull();
    expect(parsePercentBp('13')).toBe(1300);
  });
});

describe('reading an imported CSV file', () => {
  it('reads UTF-8, and falls back to GB18030 for files Excel saved in China', async () => {
    expect(await readCsvFile(new File(['sku,name_zh\nA-1,牛奶\n'], 'utf8.csv'))).toBe('sku,name_zh\nA-1,牛奶\n');
    const gbk = Buffer.from('736b752c6e616d655f7a680a412d312cc5a3c4cc0a', 'hex');
    expect(await readCsvFile(new File([gbk], 'excel.csv'))).toBe('sku,name_zh\nA-1,牛奶\n');
  });
});

describe('the product editor refuses barcodes before Save, in the core’s words', () => {
  it('names the barcode and its right check digit, and lets other codes through', () => {
    const en = { locale: 'en', currency: 'CNY' } as const;
    expect(barcodeRefusal(['6901234567892', ' 6901234567891 '], en)).toBe(
      'Barcode 2 (6901234567891) has a wrong check digit: it should end in 2',
    );
    expect(barcodeRefusal(['ab'], { locale: 'zh-CN', currency: 'CNY' })).toBe('第 1 个条码应为 4 到 32 位字母或数字');
    expect(barcodeRefusal(['6901234567892', '96385074', '036000291452', 'IN-HOUSE-7', ''], en)).toBeNull();
  });
});

describe('Pay says why it cannot go ahead', () => {
  const limits = (tenderMax: number) => ({ ...defaultLimits, tenderMax });
  const rule = { step: 1, mode: 'nearest' } as const;
  const cash = (text: string) => ({ method: 'cash' as const, text, reference: '' });

  it('refuses less than due with both figures, and an empty or unreadable amount by name', () => {
    expect(payRefusal(cash('20.00'), [], 3_614, rule, 2, limits(10_000_000))).toMatchObject({
      code: 'tender_short',
      due: 3_614,
      paid: 2_000,
    });
    expect(payRefusal(cash(''), [], 3_614, rule, 2, limits(10_000_000))).toEqual({ code: 'empty' });
    expect(payRefusal(cash('12,5'), [], 3_614, rule, 2, limits(10_000_000))).toEqual({ code: 'amount' });
    expect(
      payRefusal({ method: 'card', text: '36.14', reference: '' }, [], 3_614, rule, 2, limits(10_000_000)),
    ).toEqual({
      code: 'reference',
    });
    expect(
      payRefusal({ method: 'card', text: '40.00', reference: 'T1' }, [], 3_614, rule, 2, limits(10_000_000)),
    ).toMatchObject({
      code: 'tender_over',
    });
    expect(payRefusal(cash('50'), [], 3_614, rule, 2, limits(10_000_000))).toBeNull();
  });

  it('refuses more cash received than the store allows, counting every cash tender of the sale', () => {
    const taken = [{ method: 'cash' as const, tendered: asMoney(60_000) }];
    expect(payRefusal(cash('999999999'), [], 3_614, rule, 2, limits(10_000_000))).toEqual({
      code: 'tender_limit',
      max: 10_000_000,
    });
    expect(payRefusal(cash('500.00'), taken, 3_614, rule, 2, limits(100_000))).toEqual({
      code: 'tender_limit',
      max: 100_000,
    });
    expect(payRefusal(cash('400.00'), taken, 3_614, rule, 2, limits(100_000))).toBeNull();
  });
});
