import type { Text } from '../../../shared/errors';
import { formatMoney, type Money } from '../../../shared/money';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: 'en' | 'zh-CN', timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, f);
  }
  return f;
}

/**
 * A moment in the store's time zone, in both languages: refusal params are kept with the
 * redemption and read later by whoever opens the list, in their language.
 */
export function momentText(epochMs: number, timeZone: string): Text {
  return { en: format('en', timeZone).format(epochMs), 'zh-CN': format('zh-CN', timeZone).format(epochMs) };
}

export function moneyParam(amount: number, currency: string): Text {
  return { en: formatMoney(amount as Money, currency, 'en'), 'zh-CN': formatMoney(amount as Money, currency, 'zh-CN') };
}
