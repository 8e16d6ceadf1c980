import { escapeHtml } from '../../../shared/html-text';
import type { Locale } from '../../../shared/locale';
import { formatMoney, type Money } from '../../../shared/money';
import { formatDateTime } from '../../../shared/time-format';

export { escapeHtml };

/** Roll-paper layout: a monospace-free CJK-safe stack, amounts right-aligned in their own column. */
export function receiptStyle(width: '58' | '80'): string {
  const font = width === '58' ? 11 : 12;
  return `<style>
.receipt{box-sizing:border-box;width:${width}mm;padding:2mm 3mm;color:#000;background:#fff;
font:${font}px/1.35 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
.receipt h1{font-size:${font + 4}px;margin:0 0 1mm;text-align:center}
.receipt .c{text-align:center}.receipt .r{text-align:right;white-space:nowrap}
.receipt .mark{border:1px solid #000;text-align:center;font-weight:700;margin:1mm 0;padding:.5mm}
.receipt hr{border:0;border-top:1px dashed #000;margin:1.5mm 0}
.receipt table{width:100%;border-collapse:collapse}.receipt td{vertical-align:top;padding:0}
.receipt .sub td{font-size:${font - 1}px;padding-left:2mm}
.receipt .big td{font-size:${font + 3}px;font-weight:700}
.receipt .qr{display:flex;justify-content:center;margin:1.5mm 0}
</style>`;
}

export type Row = [label: string, value: string] | [label: string, value: string, className: string];

export function rows(items: Row[]): string {
  const body = items
    .map(
      ([label, value, cls]) => `<tr${cls ? ` class="${cls}"` : ''}><td>${label}</td><td class="r">${value}</td></tr>`,
    )
    .join('');
  return `<table>${body}</table>`;
}

export function moneyText(currency: string, locale: Locale) {
  return (amount: number) => escapeHtml(formatMoney(amount as Money, currency, locale));
}

export function timeText(at: number, timeZone: string, locale: Locale): string {
  return escapeHtml(formatDateTime(at, locale, timeZone));
}
