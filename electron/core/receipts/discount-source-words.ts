import type { Locale } from '../../../shared/locale';
import type { SourcedDiscount } from '../../../shared/pricing/discount-sources';
import { escapeHtml } from './receipt-markup';

const words = {
  en: { member: 'Member benefit', manual_line: 'Line discounts', manual_order: 'Order discount', coupon: 'Coupon' },
  'zh-CN': { member: '会员优惠', manual_line: '单品优惠', manual_order: '整单优惠', coupon: '优惠券' },
} satisfies Record<Locale, Record<SourcedDiscount['kind'], string>>;

/** A discount source on paper, the same words on refund slips and shift reports. */
export function discountSourceText(part: SourcedDiscount, locale: Locale): string {
  const w = words[locale];
  switch (part.kind) {
    case 'member':
    case 'manual_line':
    case 'manual_order':
      return w[part.kind];
    case 'coupon':
      return `${w.coupon} ${escapeHtml(part.campaignName)}`.trim();
    default: {
      const unreachable: never = part;
      throw new Error(`unknown discount source ${JSON.stringify(unreachable)}`);
    }
  }
}
