import { mulDivRound } from '../rounding';

/**
 * A sold line's cost from its product's cost per unit (per item, or per kg for goods sold by
 * weight, like the price) and the quantity in items or grams. A cost of 0 was never entered:
 * unknown, so the line stays out of margins rather than showing as pure profit.
 */
export function lineCost(unitCost: number, unit: 'each' | 'kg', quantity: number): number | null {
  if (unitCost <= 0) return null;
  return unit === 'kg' ? mulDivRound(unitCost, quantity, 1_000) : unitCost * quantity;
}
