import type { Text } from '../../../shared/errors';
import { formatMoney, type Money } from '../../../shared/money';
import { dateTimeText } from '../../../shared/time-format';

/**
 * A moment in the store's time zone, in both languages: refusal params are kept with the
 * redemption and read later by whoever opens the list, in their language.
 */
export function momentText(epochMs: number, timeZone: string): Text {
  return dateTimeText(epochMs, timeZone);
}

export function moneyParam(amount: number, currency: string): Text {
  return { en: formatMoney(amount as Money, currency, 'en'), 'zh-CN': formatMoney(amount as Money, currency, 'zh-CN') };
}
