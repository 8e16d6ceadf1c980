import { z } from 'zod';

/**
 * Amounts are integers in the currency's minor unit (fen for CNY). As a figure the till reports,
 * any safe integer: a day's or a shift's sums grow past any one input's limit, and a report must
 * never refuse what the inputs let in. Inputs bound themselves (shared/limits.ts).
 */
export const Money = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).brand<'Money'>();
export type Money = z.infer<typeof Money>;

/** Amounts of money among the schemas, so a refusal shows "¥0.00" rather than "0"; copies inherit it. */
export const moneySchemas = z.registry<{ money: true }>();
moneySchemas.add(Money, { money: true });

/** An amount someone enters, from zero up to `max` minor units. */
export function moneyInput(max: number) {
  const schema = z.number().int().min(0).max(max).brand<'Money'>();
  moneySchemas.add(schema, { money: true });
  return schema;
}

/** An entered amount with no narrower limit of its own: a cash count (¥10,000,000,000). */
export const NonNegativeMoney = moneyInput(1_000_000_000_000);

export function asMoney(minorUnits: number): Money {
  return Money.parse(minorUnits);
}

// Building a number format is slow and every order asks; a store has one currency.
const exponents = new Map<string, number>();

/** Digits after the decimal point for an ISO 4217 currency (CNY 2, JPY 0). */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses a typed or imported decimal amount ("12.5", "12.50", "-3") into minor units without
 * passing through floating point, so "0.29" never becomes 28 fen. Returns null when the text is not
 * an amount or carries more decimals than the currency has.
 */
export function parseDecimalAmount(text: string, exponent: number): Money | null {
  const match = /^(-?)(\d{1,12})(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > exponent) return null;
  const minor = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
  const signed = sign === '-' ? -minor : minor;
  return Money.safeParse(signed).success ? asMoney(signed) : null;
}

/** A typed price, float or limit: a non-negative amount, or null. */
export function parseAmount(text: string | undefined, exponent: number): Money | null {
  const value = parseDecimalAmount(text ?? '', exponent);
  return value !== null && value >= 0 ? value : null;
}

/** "13" or "6.5" percent → basis points (0–10,000), the unit the core keeps rates and limits in. */
export function parsePercentBp(text: string | undefined): number | null {
  const value = parseDecimalAmount(text ?? '', 2);
  return value !== null && value >= 0 && value <= 10_000 ? value : null;
}

// A till formats a few hundred amounts per scan; building a format each time was the costliest step.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: Money, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    moneyFormats.set(key, format);
  }
  return format.format(amount / 10 ** currencyExponent(currency));
}

/** Minor units as a plain decimal string ("1250" fen → "12.50"), for CSV export and forms. */
export function toDecimalString(amount: Money, exponent: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (exponent === 0) return `${sign}${abs}`;
  const scale = 10 ** exponent;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(exponent, '0')}`;
}
