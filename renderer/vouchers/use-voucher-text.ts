import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherType } from '../../shared/vouchers/cp1';
import { useLocale } from '../i18n/use-locale';
import { useAmount } from '../screens/checkout/checkout-format';
import { useStoreTime } from '../screens/orders/order-labels';

/** What a voucher is worth, said the way a cashier would: "¥10 off", "20% off" (八折), "set menu". */
type ValueRules = { minSpend: number; itemSku: string | null; cap: number | null };

export function useVoucherValueText(): (type: VoucherType, value: number, rules?: ValueRules) => string {
  const { t } = useTranslation();
  const amount = useAmount();
  const { locale } = useLocale();
  return useCallback(
    (type: VoucherType, value: number, rules?: ValueRules) => {
      switch (type) {
        case 'cash_off':
          return t('voucher.value.cash_off', { amount: amount(value) });
        case 'percent_off': {
          const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
          const parts = { percent: number.format(value / 100), zhe: number.format((10_000 - value) / 1_000) };
          return rules?.cap
            ? t('voucher.value.percent_off_cap', { ...parts, cap: amount(rules.cap) })
            : t('voucher.value.percent_off', parts);
        }
        case 'threshold_off':
          // Without the campaign's rules (a sample's summary) the threshold is unknown: say the amount only.
          return rules
            ? t('voucher.value.threshold_off', { amount: amount(value), minSpend: amount(rules.minSpend) })
            : t('voucher.value.cash_off', { amount: amount(value) });
        case 'free_item':
          return rules?.itemSku
            ? t('voucher.value.free_item', { item: rules.itemSku })
            : t('voucher.value.free_item_any');
        case 'group_buy':
          return t('voucher.value.group_buy', { amount: amount(value) });
        default:
          return '';
      }
    },
    [t, amount, locale],
  );
}

/** A time as the store reads it, in the store's zone: unix seconds (voucher claims) or milliseconds. */
export function useDateTimeText(): (at: number, unit: 'seconds' | 'ms') => string {
  const { dateTime } = useStoreTime();
  return useCallback(
    (at: number, unit: 'seconds' | 'ms') => dateTime(unit === 'seconds' ? at * 1_000 : at),
    [dateTime],
  );
}
