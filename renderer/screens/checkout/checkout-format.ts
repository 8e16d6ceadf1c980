import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../../shared/money';
import type { ManualDiscount, Quantity } from '../../../shared/pricing/cart';
import { useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';

/** The pricing engine works in plain minor units; the screen shows them as the store's currency. */
export function useAmount(): (minorUnits: number) => string {
  const money = useMoney();
  return useCallback((minorUnits: number) => money(minorUnits as Money), [money]);
}

export function useQuantityText(): (quantity: Quantity) => string {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return useCallback(
    (quantity: Quantity) => {
      switch (quantity.kind) {
        case 'count':
          return `× ${quantity.count}`;
        case 'weight':
          return t('sale.line.kg', { weight: kilograms(quantity.grams, locale) });
        case 'priced':
          return t('sale.line.byLabel');
        default:
          return '';
      }
    },
    [t, locale],
  );
}

export function kilograms(grams: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(grams / 1_000);
}

export function useDiscountText(): (discount: ManualDiscount) => string {
  const amount = useAmount();
  const { locale } = useLocale();
  return useCallback(
    (discount: ManualDiscount) =>
      discount.kind === 'percent'
        ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(discount.value / 100)}%`
        : amount(discount.value),
    [amount, locale],
  );
}
