import type { StoreInfo } from '../../../shared/contract/store';
import { AppError, type Text } from '../../../shared/errors';
import { limitNames } from '../../../shared/limit-messages';
import { breach, type LimitBreach, type LimitName, type LineProblem, lineProblem } from '../../../shared/limits';
import type { Locale } from '../../../shared/locale';
import { formatMoney, type Money } from '../../../shared/money';
import type { CartLine } from '../../../shared/pricing/cart';

/** How the figures of a refusal read: money in the store's currency, weights in kg, items as counted. */
export type FigureUnit = 'money' | 'grams' | 'items';

export function unitOfLimit(name: LimitName, productUnit: 'each' | 'kg' = 'each'): FigureUnit {
  switch (name) {
    case 'price':
    case 'sale':
    case 'tender':
    case 'cashIn':
    case 'cashOut':
      return 'money';
    case 'count':
      return 'items';
    case 'weight':
      return 'grams';
    case 'stockMove':
      return productUnit === 'kg' ? 'grams' : 'items';
    default: {
      const unreachable: never = name;
      throw new Error(`unknown limit ${String(unreachable)}`);
    }
  }
}

export function formatFigure(value: number, unit: FigureUnit, store: StoreInfo, locale: Locale): string {
  switch (unit) {
    case 'money':
      return formatMoney(value as Money, store.currency, locale);
    case 'grams':
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value / 1_000)} kg`;
    case 'items':
      return new Intl.NumberFormat(locale).format(value);
    default: {
      const unreachable: never = unit;
      throw new Error(`unknown unit ${String(unreachable)}`);
    }
  }
}

/** Refuses a value past the store's limit; `productUnit` says how a stock movement reads. */
export function refuseBreach(
  found: LimitBreach | null,
  store: StoreInfo,
  locale: Locale,
  productUnit: 'each' | 'kg' = 'each',
): void {
  if (!found) return;
  const unit = unitOfLimit(found.limit, productUnit);
  throw new AppError(
    'limit_exceeded',
    {
      what: limitNames[found.limit],
      value: formatFigure(found.value, unit, store, locale),
      max: formatFigure(found.max, unit, store, locale),
    },
    found,
  );
}

/** Refuses a cart line past the store's count or weight limit, or a price label the store cannot have printed. */
export function refuseLine(store: StoreInfo, line: CartLine, name: Text, locale: Locale): void {
  const problem: LineProblem | null = lineProblem(store.settings, line);
  if (!problem) return;
  switch (problem.kind) {
    case 'limit':
      refuseBreach(problem, store, locale);
      return;
    case 'label_not_priced':
      throw new AppError('label_not_priced', { name }, { lineId: line.lineId });
    case 'label_weight': {
      const money = (amount: number) => formatFigure(amount, 'money', store, locale);
      const amount = line.quantity.kind === 'priced' ? line.quantity.amount : 0;
      const weight = Number.isFinite(problem.grams) ? formatFigure(problem.grams, 'grams', store, locale) : '∞';
      throw new AppError(
        'label_weight',
        {
          name,
          amount: money(amount),
          price: money(line.unitPrice),
          weight,
          max: formatFigure(problem.max, 'grams', store, locale),
        },
        { lineId: line.lineId },
      );
    }
    default: {
      const unreachable: never = problem;
      throw new Error(`unknown line problem ${JSON.stringify(unreachable)}`);
    }
  }
}

/** A sale's gross and the cash received for it, each against the store's limit. */
export function refuseSale(
  store: StoreInfo,
  gross: number,
  tenders: readonly { method: string; tendered?: number }[],
  locale: Locale,
): void {
  refuseBreach(breach(store.settings, 'sale', gross), store, locale);
  const cash = tenders.reduce((sum, t) => sum + (t.method === 'cash' ? (t.tendered ?? 0) : 0), 0);
  refuseBreach(breach(store.settings, 'tender', cash), store, locale);
}
