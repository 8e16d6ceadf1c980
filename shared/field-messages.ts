import type { z } from 'zod';
import { barcodeCheckDigit } from './barcodes';
import type { Text } from './errors';
import { type FieldKind, type FieldLabel, fieldLabels } from './field-labels';
import type { Locale } from './locale';
import { formatMoney, type Money, moneySchemas } from './money';

/**
 * Every refusal of a field reads "<field in the user's words> <what is allowed>", in the caller's
 * language: the validator's own wording (paths, "expected string", "Too big") never reaches anyone.
 * Rules that need words of their own carry a key (`fieldMessage`) instead of a sentence.
 */
const keyedMessages = {
  barcode_format: { en: '{field} must be 4 to 32 letters or digits', 'zh-CN': '{field}应为 4 到 32 位字母或数字' },
  barcode_check_digit: {
    en: '{field} ({code}) has a wrong check digit: it should end in {digit}',
    'zh-CN': '{field}（{code}）校验位错误：末位应为 {digit}',
  },
  plu_format: { en: '{field} must be 5 digits', 'zh-CN': '{field}应为 5 位数字' },
  sku_format: {
    en: '{field} may use only letters, digits, "-", "_" and "."',
    'zh-CN': '{field}只能包含字母、数字、“-”“_”和“.”',
  },
  pin_format: { en: '{field} must be 4 to 8 digits', 'zh-CN': '{field}应为 4 到 8 位数字' },
  unknown_time_zone: { en: '{field} is not a known time zone', 'zh-CN': '{field}不是已知的时区' },
  unknown_currency: { en: '{field} is not a known currency code', 'zh-CN': '{field}不是已知的货币代码' },
  receipt_url: {
    en: '{field} must be a web address (http or https) containing {number} or {id}',
    'zh-CN': '{field}应为包含 {number} 或 {id} 的网址（http 或 https）',
  },
  device_code: {
    en: '{field} must be 1 to 3 capital letters or digits',
    'zh-CN': '{field}应为 1 到 3 位大写字母或数字',
  },
  platform_url: {
    en: '{field} must be a web address starting with http:// or https://',
    'zh-CN': '{field}应为以 http:// 或 https:// 开头的网址',
  },
  not_amount: { en: '{field} "{code}" is not an amount', 'zh-CN': '{field}“{code}”不是有效金额' },
  not_percent: { en: '{field} "{code}" is not a percentage', 'zh-CN': '{field}“{code}”不是有效百分比' },
  more_than_zero: { en: '{field} must be more than {zero}', 'zh-CN': '{field}必须大于 {zero}' },
} satisfies Record<string, Text>;

export type FieldMessageKey = keyof typeof keyedMessages;

const prefix = 'msg:';

export function fieldMessage(key: FieldMessageKey): { message: string } {
  return { message: keyMessage(key) };
}

/** The message a rule with words of its own carries until `describeIssue` puts it in words. */
export function keyMessage(key: FieldMessageKey): string {
  return `${prefix}${key}`;
}

/** What a sentence needs besides the issue: the language, and the store's currency for amounts. */
export type Words = { locale: Locale; currency: string };

/** The parts of a zod issue the sentences read (raw in an error map, final afterwards). */
export type FieldIssue = {
  code: string;
  path?: PropertyKey[];
  input?: unknown;
  message?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  exact?: boolean;
  expected?: string;
  divisor?: number | bigint;
  /** The schema that refused, in an error map. */
  schema?: z.core.$ZodType;
};

const generic: Text = { en: 'One of the values', 'zh-CN': '有一项内容' };

export type FieldRefusal = { path: string; code: string; message: string };

/**
 * Every problem of `input`, each in a sentence. The screen asks this of a form's fields before
 * sending; the core asks it when a call is refused, so both say the same words.
 */
export function describeRefusal(schema: z.ZodType, input: unknown, words: Words): FieldRefusal[] {
  const ours = new Set<string>();
  const parsed = schema.safeParse(input, {
    // The map sees the schema that refused (is it money?) and the whole path.
    error: (issue) => {
      const sentence = describeIssue(issue as FieldIssue, words);
      ours.add(sentence);
      return sentence;
    },
    reportInput: true,
  });
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    // A schema's own message wins over the map: a key is put in words here, a stray sentence replaced.
    message: ours.has(issue.message)
      ? issue.message
      : describeIssue({ ...issue, message: issue.message.startsWith(prefix) ? issue.message : undefined }, words),
  }));
}

/** The field the path ends in, as the user calls it: "Barcode 2", "Quantity (line 3)". */
export function fieldName(path: readonly PropertyKey[], locale: Locale): { text: string; label: FieldLabel | null } {
  let at = path.length - 1;
  while (at >= 0 && !(typeof path[at] === 'string' && fieldLabels[path[at] as string])) at--;
  if (at < 0) return { text: generic[locale], label: null };
  const label = fieldLabels[path[at] as string] as FieldLabel;
  const index = path[at + 1];
  let text = typeof index === 'number' && label.item ? fill(label.item[locale], { n: index + 1 }) : label.name[locale];
  for (let i = at - 1; i >= 0; i--) {
    const outer = typeof path[i] === 'string' ? fieldLabels[path[i] as string] : undefined;
    const n = path[i + 1];
    if (outer?.item && typeof n === 'number') {
      const item = fill(outer.item[locale], { n: n + 1 });
      text = locale === 'en' ? `${text} (${item})` : `${text}（${item}）`;
    }
  }
  return { text, label };
}

/** One sentence for one issue; never a path, a schema word or a key. */
export function describeIssue(issue: FieldIssue, words: Words): string {
  const { locale } = words;
  const { text: field, label } = fieldName(issue.path ?? [], locale);
  const kind: FieldKind = issue.schema && moneySchemas.get(issue.schema) ? 'money' : (label?.kind ?? 'plain');
  const message = issue.message ?? '';
  if (message.startsWith(prefix)) return spaced(keyed(message.slice(prefix.length), field, issue.input, words), locale);
  const value = (n: number | bigint | undefined) => formatValue(Number(n ?? 0), kind, words);
  const plural = locale === 'en' && label?.plural === true && field === label.name.en;
  const say = (template: Text, params: Record<string, string | number> = {}) =>
    spaced(agree(fill(template[locale], { field, ...params }), field, plural), locale);
  switch (issue.code) {
    case 'too_small':
      return tooSmall(issue, say, value);
    case 'too_big':
      return tooBig(issue, say, value);
    case 'invalid_type':
      return say(issue.input === undefined ? phrases.missing : (typePhrases[typeKey(issue, kind)] ?? phrases.invalid));
    case 'invalid_value':
      return say(phrases.choice);
    case 'invalid_format':
      return say(phrases.format);
    case 'not_multiple_of':
      return say(phrases.multiple, { n: value(issue.divisor) });
    default:
      return say(phrases.invalid);
  }
}

type Say = (template: Text, params?: Record<string, string | number>) => string;

function tooSmall(issue: FieldIssue, say: Say, value: (n: number | bigint | undefined) => string): string {
  const n = Number(issue.minimum ?? 0);
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return say(phrases.exactLength, { n });
      return n <= 1 ? say(phrases.empty) : say(phrases.tooShort, { n });
    case 'array':
    case 'set':
      return n <= 1 ? say(phrases.oneEntry) : say(phrases.fewEntries, { n });
    default:
      if (n <= Number.MIN_SAFE_INTEGER) return say(phrases.outOfRange);
      return say(issue.inclusive === false ? phrases.above : phrases.atLeast, { n: value(issue.minimum) });
  }
}

function tooBig(issue: FieldIssue, say: Say, value: (n: number | bigint | undefined) => string): string {
  const n = Number(issue.maximum ?? 0);
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return say(phrases.exactLength, { n });
      return say(phrases.tooLong, { n });
    case 'array':
    case 'set':
      return say(phrases.manyEntries, { n });
    default:
      // Past the largest whole number a computer counts exactly: no store limit is that large.
      if (n >= Number.MAX_SAFE_INTEGER) return say(phrases.outOfRange);
      return say(issue.inclusive === false ? phrases.below : phrases.atMost, { n: value(issue.maximum) });
  }
}

function typeKey(issue: FieldIssue, kind: FieldKind): string {
  if (kind === 'money' && (issue.expected === 'number' || issue.expected === 'int')) return 'money';
  return issue.expected ?? '';
}

function keyed(key: string, field: string, input: unknown, words: Words): string {
  const template = (keyedMessages as Record<string, Text>)[key];
  if (!template) return fill(phrases.invalid[words.locale], { field });
  const code = typeof input === 'string' ? input.slice(0, 40) : '';
  return fill(template[words.locale], {
    field,
    code,
    digit: barcodeCheckDigit(code) ?? '',
    zero: formatMoney(0 as Money, words.currency, words.locale),
  });
}

function formatValue(n: number, kind: FieldKind, words: Words): string {
  const number = (value: number) => new Intl.NumberFormat(words.locale).format(value);
  switch (kind) {
    case 'money':
      return formatMoney(n as Money, words.currency, words.locale);
    case 'percentBp':
      return `${number(n / 100)} %`;
    case 'grams':
      return words.locale === 'en' ? `${number(n)} g` : `${number(n)} 克`;
    case 'plain':
      return number(n);
  }
}

/** "Payments are missing", "Barcodes need at least one entry": English verbs agree with a plural field. */
function agree(text: string, field: string, plural: boolean): string {
  if (!plural) return text;
  return text.replace(`${field} is `, `${field} are `).replace(`${field} needs `, `${field} need `);
}

/** Chinese text keeps a space between Han characters and Latin letters or digits: "PIN 应为", "缺少 SKU". */
function spaced(text: string, locale: Locale): string {
  if (locale === 'en') return text;
  return text.replace(/(\p{Script=Han})([A-Za-z0-9])/gu, '$1 $2').replace(/([A-Za-z0-9])(\p{Script=Han})/gu, '$1 $2');
}

/** Fills `{name}` from params; the templates' own `{number}` and `{id}` (receipt links) stay as written. */
function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

const phrases = {
  missing: { en: '{field} is missing', 'zh-CN': '缺少{field}' },
  invalid: { en: '{field} is not valid', 'zh-CN': '{field}无效' },
  choice: { en: '{field} must be one of the offered choices', 'zh-CN': '{field}不在可选范围内' },
  format: { en: '{field} is not in the right form', 'zh-CN': '{field}格式不正确' },
  multiple: { en: '{field} must be a multiple of {n}', 'zh-CN': '{field}应为 {n} 的倍数' },
  empty: { en: '{field} cannot be empty', 'zh-CN': '{field}不能为空' },
  tooShort: { en: '{field} is too short (at least {n} characters)', 'zh-CN': '{field}过短（至少 {n} 个字符）' },
  tooLong: { en: '{field} is too long (at most {n} characters)', 'zh-CN': '{field}过长（最多 {n} 个字符）' },
  exactLength: { en: '{field} must be exactly {n} characters', 'zh-CN': '{field}应为 {n} 个字符' },
  oneEntry: { en: '{field} needs at least one entry', 'zh-CN': '{field}至少需要 1 项' },
  fewEntries: { en: '{field} needs at least {n} entries', 'zh-CN': '{field}至少需要 {n} 项' },
  manyEntries: { en: '{field} can have at most {n} entries', 'zh-CN': '{field}最多 {n} 项' },
  atLeast: { en: '{field} must be {n} or more', 'zh-CN': '{field}不能低于 {n}' },
  above: { en: '{field} must be more than {n}', 'zh-CN': '{field}必须大于 {n}' },
  atMost: { en: '{field} must be {n} or less', 'zh-CN': '{field}不能高于 {n}' },
  below: { en: '{field} must be less than {n}', 'zh-CN': '{field}必须小于 {n}' },
  outOfRange: { en: '{field} is far outside what is possible', 'zh-CN': '{field}超出可能的范围' },
} satisfies Record<string, Text>;

const typePhrases: Record<string, Text> = {
  money: { en: '{field} must be an amount of money', 'zh-CN': '{field}应为金额' },
  number: { en: '{field} must be written in digits', 'zh-CN': '{field}应为数字' },
  int: { en: '{field} must be whole, without decimals', 'zh-CN': '{field}应为整数' },
  string: { en: '{field} must be text', 'zh-CN': '{field}应为文字' },
  boolean: { en: '{field} must be yes or no', 'zh-CN': '{field}应为“是”或“否”' },
  array: { en: '{field} must be a list', 'zh-CN': '{field}应为列表' },
  object: { en: '{field} is not filled in correctly', 'zh-CN': '{field}填写有误' },
};
