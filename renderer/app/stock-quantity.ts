import type { StockMoveKind, StockRow } from '../../shared/contract/stock';
import { ceilings } from '../../shared/limits';
import { parseDecimalAmount } from '../../shared/money';

export type StockUnit = StockRow['unit'];

/** The contract's bound on one movement, in items or grams. */
const maxQuantity = ceilings.stockMove * 1_000;
const gramsPerKg = 1000;

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, unit: StockUnit): Intl.NumberFormat {
  const key = `${locale}|${unit}`;
  let format = formats.get(key);
  if (!format) {
    const digits = unit === 'kg' ? 3 : 0;
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format;
}

/**
 * Items as a whole number, grams as kilograms with three decimals (1250 → "1.250"), the way scales
 * and price labels show weight. The division is for display only: the ledger stays in grams.
 */
export function formatStockQuantity(quantity: number, unit: StockUnit, locale: string): string {
  return numberFormat(locale, unit).format(unit === 'kg' ? quantity / gramsPerKg : quantity);
}

/**
 * A typed quantity in the unit people count in (items, or kilograms with up to three decimals)
 * as the integer the core keeps (items, or grams), without floating point: "0.29" kg is 290 g,
 * never 289. `signed` allows a minus sign, for adjustments. Null when the text is no such quantity.
 */
export function parseStockQuantity(text: string, unit: StockUnit, signed = false): number | null {
  const plain = text.trim().replace(/^\+/, '');
  const value = unit === 'kg' ? parseDecimalAmount(plain, 3) : /^-?\d{1,10}$/.test(plain) ? Number(plain) : null;
  if (value === null || (value < 0 && !signed) || Math.abs(value) > maxQuantity) return null;
  // "-0" is zero, not a negative number a count would refuse.
  return value || 0;
}

/** The integer typed back as text for editing: 1250 g → "1.25", 12 items → "12". */
export function stockQuantityText(quantity: number, unit: StockUnit): string {
  if (unit === 'each') return String(quantity);
  const sign = quantity < 0 ? '-' : '';
  const abs = Math.abs(quantity);
  const fraction = String(abs % gramsPerKg)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${Math.floor(abs / gramsPerKg)}${fraction ? `.${fraction}` : ''}`;
}

/** What each kind of movement accepts, so the dialog refuses what the core would refuse. */
export function movementQuantityValid(kind: StockMoveKind, quantity: number | null): quantity is number {
  if (quantity === null) return false;
  switch (kind) {
    case 'receive':
    case 'waste':
      return quantity > 0;
    case 'adjustment':
      return quantity !== 0;
    case 'count':
      return quantity >= 0;
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown stock movement ${String(unreachable)}`);
    }
  }
}

/** On hand after the movement, for the preview under the field: the core records the same. */
export function onHandAfter(kind: StockMoveKind, quantity: number, onHand: number): number {
  switch (kind) {
    case 'receive':
      return onHand + quantity;
    case 'waste':
      return onHand - quantity;
    case 'adjustment':
      return onHand + quantity;
    case 'count':
      return quantity;
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown stock movement ${String(unreachable)}`);
    }
  }
}

export type MovementLimitProblem = { kind: 'over'; max: number } | { kind: 'belowZero'; left: number } | null;

/**
 * What the core would refuse of a valid movement: past the store's limit (`max` in items or grams),
 * or waste and negative adjustments taking on-hand below zero (a count sets it outright).
 */
export function movementLimitProblem(
  kind: StockMoveKind,
  quantity: number,
  onHand: number,
  max: number,
): MovementLimitProblem {
  const after = onHandAfter(kind, quantity, onHand);
  const change = after - onHand;
  if ((kind === 'count' ? quantity : Math.abs(change)) > max) return { kind: 'over', max };
  if (kind !== 'count' && change < 0 && after < 0) return { kind: 'belowZero', left: after };
  return null;
}
