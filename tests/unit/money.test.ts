import { describe, expect, it } from 'vitest';
import { asMoney, currencyExponent, formatMoney, parseDecimalAmount, toDecimalString } from '../../shared/money';

describe('money in minor units', () => {
  it('parses typed amounts without floating-point drift', () => {
    expect(parseDecimalAmount('0.29', 2)).toBe(29);
    expect(parseDecimalAmount('12.5', 2)).toBe(1250);
    expect(parseDecimalAmount(' 3 ', 2)).toBe(300);
    expect(parseDecimalAmount('-1.10', 2)).toBe(-110);
    expect(parseDecimalAmount('1000', 0)).toBe(1000);
  });

  it('refuses text that is not an amount, or has more decimals than the currency', () => {
    for (const text of ['', '1.005', 'abc', '1,00', '1e3', '--1', '.5', '0x10', '1.2.3', '¥1']) {
      expect([text, parseDecimalAmount(text, 2)]).toEqual([text, null]);
    }
    expect(parseDecimalAmount('1.5', 0)).toBeNull();
  });

  it('round-trips every fen value through its decimal string', () => {
    for (let fen = -2000; fen <= 2000; fen += 7) {
      expect(parseDecimalAmount(toDecimalString(asMoney(fen), 2), 2)).toBe(fen);
    }
  });

  it('knows each currency’s minor unit and formats for the locale', () => {
    expect(currencyExponent('CNY')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(formatMoney(asMoney(123456), 'CNY', 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(asMoney(1250), 'CNY', 'en')).toBe('¥12.50');
  });

  it('refuses fractional minor units', () => {
    expect(() => asMoney(1.5)).toThrow();
  });
});
