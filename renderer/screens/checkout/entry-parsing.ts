import { ceilings, type StoreLimits } from '../../../shared/limits';
import { parseDecimalAmount } from '../../../shared/money';
import type { ManualDiscount, Quantity } from '../../../shared/pricing/cart';
import { maxCount } from './cart-model';

type QuantityLimits = Pick<StoreLimits, 'countMax' | 'weightMaxGrams'>;
const widest: QuantityLimits = { countMax: maxCount, weightMaxGrams: ceilings.weightGrams };

/** "3" items, or "0.532" kg read as 532 g without floating point, within the store's limits. */
export function parseQuantity(text: string, byWeight: boolean, limits: QuantityLimits = widest): Quantity | null {
  if (byWeight) {
    const grams = parseDecimalAmount(text, 3);
    return grams !== null && grams >= 1 && grams <= limits.weightMaxGrams ? { kind: 'weight', grams } : null;
  }
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const count = Number(text.trim());
  return count >= 1 && count <= limits.countMax ? { kind: 'count', count } : null;
}

/** Reads "10" or "12.5" as percent in basis points, or an amount in minor units. */
export function parseDiscountValue(text: string, kind: ManualDiscount['kind'], exponent: number): number | null {
  const value = parseDecimalAmount(text, kind === 'percent' ? 2 : exponent);
  if (value === null || value <= 0) return null;
  if (kind === 'percent' && value > 10_000) return null;
  return value;
}
