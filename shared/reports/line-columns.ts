import type { ExportLine } from '../contract/line-export';
import type { Locale } from '../locale';
import { type Money, toDecimalString } from '../money';
import { formatTime } from '../time-format';
import type { StreamColumn } from './table-stream';

export const lineColumnKeys = [
  'day',
  'paidAt',
  'order',
  'channel',
  'cashier',
  'line',
  'sku',
  'product',
  'category',
  'quantity',
  'unit',
  'unitPrice',
  'gross',
  'discount',
  'net',
  'tax',
  'cost',
] as const;
export type LineColumnKey = (typeof lineColumnKeys)[number];

type Words = {
  locale: Locale;
  timeZone: string;
  exponent: number;
  title(key: LineColumnKey): string;
  channel(channel: ExportLine['channel']): string;
  unit(unit: string): string;
};

/**
 * The columns of an order-lines export, the same in every format: amounts in major units as
 * numbers, goods sold by weight in kg, names in the reader's language (as sold, not as renamed).
 */
export function lineColumns({ locale, timeZone, exponent, title, channel, unit }: Words): StreamColumn<ExportLine>[] {
  const money = (amount: Money | null) => (amount === null ? null : Number(toDecimalString(amount, exponent)));
  const zh = locale === 'zh-CN';
  const by: Record<LineColumnKey, Omit<StreamColumn<ExportLine>, 'title'>> = {
    day: { kind: 'text', value: (line) => line.businessDay },
    paidAt: { kind: 'text', value: (line) => formatTime(line.paidAt, locale, timeZone) },
    order: { kind: 'text', value: (line) => line.orderNumber },
    channel: { kind: 'text', value: (line) => channel(line.channel) },
    cashier: { kind: 'text', value: (line) => line.cashierName },
    line: { kind: 'number', value: (line) => line.lineNo },
    sku: { kind: 'text', value: (line) => line.sku },
    product: { kind: 'text', value: (line) => (zh ? line.nameZh : line.nameEn) },
    category: { kind: 'text', value: (line) => (zh ? line.categoryZh : line.categoryEn) },
    quantity: { kind: 'number', value: (line) => (line.unit === 'kg' ? line.quantity / 1_000 : line.quantity) },
    unit: { kind: 'text', value: (line) => unit(line.unit) },
    unitPrice: { kind: 'money', value: (line) => money(line.unitPrice) },
    gross: { kind: 'money', value: (line) => money(line.gross) },
    discount: { kind: 'money', value: (line) => money(line.discount) },
    net: { kind: 'money', value: (line) => money(line.net) },
    tax: { kind: 'money', value: (line) => money(line.tax) },
    cost: { kind: 'money', value: (line) => money(line.cost) },
  };
  return lineColumnKeys.map((key) => ({ title: title(key), ...by[key] }));
}
