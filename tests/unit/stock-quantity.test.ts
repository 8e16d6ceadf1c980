import { describe, expect, it } from 'vitest';
import {
  formatStockQuantity,
  movementQuantityValid,
  onHandAfter,
  parseStockQuantity,
  stockQuantityText,
} from '../../renderer/app/stock-quantity';

describe('stock quantities for goods sold by the item and by weight', () => {
  it('shows grams as kilograms with three decimals, items as whole numbers', () => {
    expect(formatStockQuantity(1250, 'kg', 'en')).toBe('1.250');
    expect(formatStockQuantity(5, 'kg', 'zh-CN')).toBe('0.005');
    expect(formatStockQuantity(-300, 'kg', 'en')).toBe('-0.300');
    expect(formatStockQuantity(1_234_500, 'kg', 'en')).toBe('1,234.500');
    expect(formatStockQuantity(12, 'each', 'en')).toBe('12');
    expect(formatStockQuantity(12_000, 'each', 'zh-CN')).toBe('12,000');
  });

  it('reads typed kilograms as whole grams without floating point', () => {
    expect(parseStockQuantity('1.25', 'kg')).toBe(1250);
    expect(parseStockQuantity('0.29', 'kg')).toBe(290);
    expect(parseStockQuantity(' 2 ', 'kg')).toBe(2000);
    expect(parseStockQuantity('0.001', 'kg')).toBe(1);
    expect(parseStockQuantity('0.0005', 'kg')).toBeNull();
    expect(parseStockQuantity('1,5', 'kg')).toBeNull();
    expect(parseStockQuantity('', 'kg')).toBeNull();
  });

  it('reads items as whole numbers only', () => {
    expect(parseStockQuantity('12', 'each')).toBe(12);
    expect(parseStockQuantity('1.5', 'each')).toBeNull();
    expect(parseStockQuantity('abc', 'each')).toBeNull();
    expect(parseStockQuantity('2000000000', 'each')).toBeNull();
  });

  it('takes a sign only where the movement is signed', () => {
    expect(parseStockQuantity('-3', 'each')).toBeNull();
    expect(parseStockQuantity('-3', 'each', true)).toBe(-3);
    expect(parseStockQuantity('+3', 'each', true)).toBe(3);
    expect(parseStockQuantity('-0.5', 'kg', true)).toBe(-500);
    expect(parseStockQuantity('-0', 'each')).toBe(0);
  });

  it('gives the stored figure back as editable text', () => {
    expect(stockQuantityText(1250, 'kg')).toBe('1.25');
    expect(stockQuantityText(2000, 'kg')).toBe('2');
    expect(stockQuantityText(5, 'kg')).toBe('0.005');
    expect(stockQuantityText(-1500, 'kg')).toBe('-1.5');
    expect(stockQuantityText(7, 'each')).toBe('7');
    expect(parseStockQuantity(stockQuantityText(1234, 'kg'), 'kg')).toBe(1234);
  });

  it('refuses what the core would refuse, and previews what it will record', () => {
    expect(movementQuantityValid('receive', 0)).toBe(false);
    expect(movementQuantityValid('waste', 2)).toBe(true);
    expect(movementQuantityValid('adjustment', -2)).toBe(true);
    expect(movementQuantityValid('adjustment', 0)).toBe(false);
    expect(movementQuantityValid('count', 0)).toBe(true);
    expect(movementQuantityValid('count', null)).toBe(false);
    expect(onHandAfter('receive', 5, 10)).toBe(15);
    expect(onHandAfter('waste', 5, 10)).toBe(5);
    expect(onHandAfter('adjustment', -3, 10)).toBe(7);
    expect(onHandAfter('count', 4, 10)).toBe(4);
  });
});
