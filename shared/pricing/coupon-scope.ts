import type { CampaignRules, TimeWindow } from '../vouchers/campaign';
import type { CouponPricingContext } from './coupon-terms';

export type ProductFacts = CouponPricingContext['products'] extends ReadonlyMap<string, infer F> ? F : never;

/**
 * Whether a campaign covers a product: by SKU or by category, and every product when the campaign
 * names neither. A product the caller could not describe is only covered by an every-product
 * campaign, so a missing catalog row never widens a narrow campaign.
 */
export function coversProduct(rules: CampaignRules, product: ProductFacts | undefined): boolean {
  if (rules.skus.length === 0 && rules.categories.length === 0) return true;
  if (!product) return false;
  return rules.skus.includes(product.sku) || rules.categories.includes(product.categoryZh);
}

/** Whether the store's local time lies in one of the windows (限时); no windows is always. */
export function withinWindows(windows: TimeWindow[], at: CouponPricingContext['localTime']): boolean {
  if (windows.length === 0) return true;
  return windows.some((w) => w.weekdays.includes(at.weekday) && at.minute >= w.fromMinute && at.minute < w.toMinute);
}

/**
 * The windows' hours as language-neutral text for the refusal ("14:00–17:00, 20:00–22:00"); each
 * distinct range once, in time order, so the message reads the same in both languages.
 */
export function hoursText(windows: TimeWindow[]): string {
  const ranges = [...new Map(windows.map((w) => [`${w.fromMinute}-${w.toMinute}`, w])).values()];
  ranges.sort((a, b) => a.fromMinute - b.fromMinute || a.toMinute - b.toMinute);
  return ranges.map((w) => `${clock(w.fromMinute)}–${clock(w.toMinute)}`).join(', ');
}

function clock(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
