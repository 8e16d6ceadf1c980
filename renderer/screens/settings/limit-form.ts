import { ceilings, type StoreLimits } from '../../../shared/limits';
import { asMoney, parseAmount, parseDecimalAmount, toDecimalString } from '../../../shared/money';

/** How each limit is typed: an amount in major units, a whole count, or kg with up to 3 decimals. */
export type LimitKind = 'money' | 'count' | 'kg';

export const limitKinds: { [K in keyof StoreLimits]: LimitKind } = {
  priceMax: 'money',
  saleMax: 'money',
  tenderMax: 'money',
  cashInMax: 'money',
  cashInApprovalAmount: 'money',
  cashOutMax: 'money',
  countMax: 'count',
  weightMaxGrams: 'kg',
  stockMoveMax: 'count',
};

const highest: { [K in keyof StoreLimits]: number } = {
  priceMax: ceilings.price,
  saleMax: ceilings.sale,
  tenderMax: ceilings.tender,
  cashInMax: ceilings.cashMovement,
  cashInApprovalAmount: ceilings.cashMovement,
  cashOutMax: ceilings.cashMovement,
  countMax: ceilings.count,
  weightMaxGrams: ceilings.weightGrams,
  stockMoveMax: ceilings.stockMove,
};

export const limitNames = Object.keys(limitKinds) as (keyof StoreLimits)[];

/** The form holds each limit as typed text, keyed by its setting's name. */
export type LimitFormValues = { [K in keyof StoreLimits]: string };

/** A typed limit in the setting's unit, or null when it is not a figure in range. */
export function parseLimitField(name: keyof StoreLimits, text: string | undefined, exponent: number): number | null {
  const trimmed = (text ?? '').trim();
  let value: number | null;
  switch (limitKinds[name]) {
    case 'money':
      value = parseAmount(trimmed, exponent);
      break;
    case 'kg':
      value = parseDecimalAmount(trimmed, 3);
      break;
    case 'count':
      value = /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : null;
      break;
  }
  const lowest = name === 'cashInApprovalAmount' ? 0 : 1;
  return value !== null && value >= lowest && value <= highest[name] ? value : null;
}

/** The largest figure a limit can be set to, as the form shows it. */
/** The ceiling of a limit in its stored unit (minor units, grams, items). */
export function highestValue(name: keyof StoreLimits): number {
  return highest[name];
}

export function highestText(name: keyof StoreLimits, exponent: number): string {
  return limitText(name, highest[name], exponent);
}

function limitText(name: keyof StoreLimits, value: number, exponent: number): string {
  switch (limitKinds[name]) {
    case 'money':
      return toDecimalString(asMoney(value), exponent);
    case 'kg':
      return toDecimalString(asMoney(value), 3).replace(/\.?0+$/, '');
    case 'count':
      return String(value);
  }
}

export function toLimitFormValues(limits: StoreLimits, exponent: number): LimitFormValues {
  return Object.fromEntries(
    limitNames.map((name) => [name, limitText(name, limits[name], exponent)]),
  ) as LimitFormValues;
}

/** Call only after the form validated, so every limit parses. */
export function toLimitSettings(values: LimitFormValues, exponent: number, fallback: StoreLimits): StoreLimits {
  return Object.fromEntries(
    limitNames.map((name) => [name, parseLimitField(name, values[name], exponent) ?? fallback[name]]),
  ) as StoreLimits;
}
