import { useCallback, useMemo } from 'react';
import { formatMoney, type Money } from '../../shared/money';
import { useStoreInfo } from '../app/store-provider';
import { useLocale } from '../i18n/use-locale';

export function useMoney(): (amount: Money) => string {
  const { currency } = useStoreInfo();
  const { locale } = useLocale();
  return useCallback((amount: Money) => formatMoney(amount, currency, locale), [currency, locale]);
}

/** "¥" for CNY in either language: the sign people see on price tags, for input prefixes. */
export function useCurrencySymbol(): string {
  const { currency } = useStoreInfo();
  const { locale } = useLocale();
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    return format.formatToParts(0).find((part) => part.type === 'currency')?.value ?? currency;
  }, [currency, locale]);
}
