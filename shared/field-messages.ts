import type { Locale } from './locale';

/**
 * Schema rules that need words of their own carry a key instead of an English sentence; the
 * dispatcher puts it in the caller's language. Zod's own locale covers the generic rules.
 */
const fieldMessages = {
  barcode_format: { en: 'a barcode is 4 to 32 letters or digits', 'zh-CN': '条码应为 4 到 32 位字母或数字' },
  plu_format: { en: 'a PLU is 5 digits', 'zh-CN': 'PLU 码应为 5 位数字' },
  sku_format: { en: 'a SKU may use letters, digits, "-", "_" and "."', 'zh-CN': 'SKU 只能包含字母、数字、“-”“_”和“.”' },
  pin_format: { en: 'a PIN is 4 to 8 digits', 'zh-CN': 'PIN 应为 4 到 8 位数字' },
  unknown_time_zone: { en: 'unknown time zone', 'zh-CN': '未知时区' },
  unknown_currency: { en: 'unknown currency code', 'zh-CN': '未知货币代码' },
  receipt_url: {
    en: 'a web address (http or https) containing {number} or {id}',
    'zh-CN': '应为包含 {number} 或 {id} 的网址（http 或 https）',
  },
  device_code: {
    en: 'a terminal code is 1 to 3 capital letters or digits',
    'zh-CN': '收银机编号为 1 到 3 位大写字母或数字',
  },
  platform_url: {
    en: 'a web address starting with http:// or https://',
    'zh-CN': '应为以 http:// 或 https:// 开头的网址',
  },
} satisfies Record<string, Record<Locale, string>>;

export type FieldMessageKey = keyof typeof fieldMessages;

const prefix = 'msg:';

export function fieldMessage(key: FieldMessageKey): { message: string } {
  return { message: `${prefix}${key}` };
}

export function localizeFieldMessage(message: string, locale: Locale): string {
  if (!message.startsWith(prefix)) return message;
  const key = message.slice(prefix.length) as FieldMessageKey;
  return fieldMessages[key]?.[locale] ?? key;
}
