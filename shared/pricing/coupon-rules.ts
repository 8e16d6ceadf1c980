import type { Text } from '../errors';
import { allocate, percentOf } from '../rounding';
import { audienceRefusal } from '../vouchers/campaign-audience';
import type { CartCoupon, CartLine } from './cart';
import { coversProduct, hoursText, withinWindows } from './coupon-scope';
import type { CouponForPricing, CouponOutcome, CouponPricingContext, CouponRefusal } from './coupon-terms';

/** A cart line as coupons see it: what is left of it after its manual line discount. */
export type CouponLine = { line: CartLine; spend: number };

export type CouponsApplied = {
  outcomes: CouponOutcome[];
  /** Per cart line, in cart order: what all coupons together take off it. */
  perLine: number[];
  /** Per outcome, per cart line: what that coupon took off the line (all zero when refused). */
  shares: number[][];
};

/** What the coupons met so far left behind; only an applied coupon changes it. */
type Ledger = {
  lines: readonly CouponLine[];
  /** Per line: spend minus what applied coupons took. */
  remaining: number[];
  applied: CouponForPricing[];
  context: CouponPricingContext;
};

type Judgement = { refusal: CouponRefusal } | { shares: number[] };

/**
 * Applies the cart's coupons in cart order (DOMAIN.md, Coupons). A refused coupon takes nothing
 * and leaves everything as it was for the coupons after it, so taking it off the cart changes no
 * amount. No line ever gets more off than it has left.
 */
export function applyCoupons(
  coupons: readonly CartCoupon[],
  lines: readonly CouponLine[],
  context: CouponPricingContext | undefined,
): CouponsApplied {
  const perLine = lines.map(() => 0);
  const none = () => lines.map(() => 0);
  if (!context) {
    return { outcomes: coupons.map((c) => unknownOutcome(c.redemptionId)), perLine, shares: coupons.map(none) };
  }
  const ledger: Ledger = { lines, remaining: lines.map((l) => l.spend), applied: [], context };
  const seen = new Set<string>();
  const shares: number[][] = [];
  const outcomes = coupons.map((cartCoupon): CouponOutcome => {
    shares.push(none());
    const coupon = context.coupons.get(cartCoupon.redemptionId);
    if (!coupon) return unknownOutcome(cartCoupon.redemptionId);
    const judgement: Judgement = seen.has(coupon.voucherId)
      ? { refusal: { code: 'voucher_duplicate', params: {} } }
      : judge(coupon, ledger);
    seen.add(coupon.voucherId);
    const base = {
      redemptionId: cartCoupon.redemptionId,
      voucherId: coupon.voucherId,
      campaignId: coupon.campaign.id,
      campaignName: coupon.campaign.name,
      type: coupon.campaign.type,
    };
    if ('refusal' in judgement) return { ...base, amount: 0, refusal: judgement.refusal };
    judgement.shares.forEach((share, i) => {
      ledger.remaining[i] -= share;
      perLine[i] += share;
    });
    shares[shares.length - 1] = judgement.shares;
    ledger.applied.push(coupon);
    return { ...base, amount: sum(judgement.shares), refusal: null };
  });
  return { outcomes, perLine, shares };
}

function judge(coupon: CouponForPricing, ledger: Ledger): Judgement {
  const { campaign } = coupon;
  const { rules } = campaign;
  const name = campaign.name;
  if (campaign.type === 'group_buy') return { refusal: { code: 'voucher_group_buy_at_redeem', params: {} } };
  if (!campaign.active) return { refusal: { code: 'voucher_campaign_inactive', params: { campaign: name } } };
  const sameCampaign = ledger.applied.filter((earlier) => earlier.campaign.id === campaign.id).length;
  const member = ledger.context.member;
  const forMembers = member === undefined ? null : audienceRefusal(campaign, member, sameCampaign);
  if (forMembers) return { refusal: forMembers };
  if (!withinWindows(rules.windows, ledger.context.localTime)) {
    return { refusal: { code: 'voucher_outside_hours', params: { campaign: name, hours: hoursText(rules.windows) } } };
  }
  const other = ledger.applied.find((earlier) => conflicts(coupon, earlier));
  if (other) {
    return { refusal: { code: 'voucher_not_combinable', params: { campaign: name, other: other.campaign.name } } };
  }
  if (sameCampaign >= rules.maxPerOrder) {
    return { refusal: { code: 'voucher_per_order_limit', params: { campaign: name, max: rules.maxPerOrder } } };
  }

  const scope = ledger.lines.flatMap((entry, i) =>
    coversProduct(rules, ledger.context.products.get(entry.line.productId)) ? [i] : [],
  );
  const spend = sum(scope.map((i) => ledger.lines[i].spend));
  // A free item is given for buying what is in scope; the others take off what is left of it.
  const left = campaign.type === 'free_item' ? spend : sum(scope.map((i) => ledger.remaining[i]));
  if (left === 0) return { refusal: { code: 'voucher_nothing_in_scope', params: { campaign: name } } };
  if (spend < rules.minSpend) {
    return {
      refusal: { code: 'voucher_below_min_spend', params: { campaign: name, minSpend: rules.minSpend, spend } },
    };
  }
  const value = Math.max(0, coupon.value);
  switch (campaign.type) {
    case 'cash_off':
    case 'threshold_off':
      return { shares: spread(Math.min(value, left), scope, ledger.remaining) };
    case 'percent_off': {
      const off = percentOf(left, Math.min(value, 10_000));
      return { shares: spread(rules.cap === null ? off : Math.min(off, rules.cap), scope, ledger.remaining) };
    }
    case 'free_item':
      return freeItem(coupon, ledger);
    default: {
      const unreachable: never = campaign.type;
      throw new Error(`unknown voucher type ${String(unreachable)}`);
    }
  }
}

/**
 * Coupons of one campaign are limited by its per-order count only; across campaigns an exclusive
 * coupon combines with nothing and one stacking group holds one coupon.
 */
function conflicts(coupon: CouponForPricing, earlier: CouponForPricing): boolean {
  if (earlier.campaign.id === coupon.campaign.id) return false;
  const mine = coupon.campaign.rules;
  const theirs = earlier.campaign.rules;
  if (mine.exclusive || theirs.exclusive) return true;
  return mine.stackingGroup !== null && mine.stackingGroup === theirs.stackingGroup;
}

/** One unit of the first counted line of the item that still has something left to give. */
function freeItem(coupon: CouponForPricing, ledger: Ledger): Judgement {
  const sku = coupon.campaign.rules.itemSku;
  const index = ledger.lines.findIndex(
    (entry, i) =>
      sku !== null &&
      entry.line.quantity.kind === 'count' &&
      ledger.remaining[i] > 0 &&
      ledger.context.products.get(entry.line.productId)?.sku === sku,
  );
  if (index === -1) {
    const item = (sku !== null && itemName(sku, ledger)) || { en: sku ?? '', 'zh-CN': sku ?? '' };
    return { refusal: { code: 'voucher_free_item_missing', params: { campaign: coupon.campaign.name, item } } };
  }
  const shares = ledger.lines.map(() => 0);
  shares[index] = Math.min(ledger.lines[index].line.unitPrice, ledger.remaining[index]);
  return { shares };
}

/** The item's name in both languages, so the refusal reads right to either cashier. */
function itemName(sku: string, ledger: Ledger): Text | undefined {
  const onCart = ledger.lines.find((entry) => ledger.context.products.get(entry.line.productId)?.sku === sku);
  const named = ledger.context.freeItems?.get(sku) ?? (onCart && ledger.context.products.get(onCart.line.productId));
  return named ? { en: named.nameEn, 'zh-CN': named.nameZh } : undefined;
}

/** Spreads an amount over the scope in proportion to what is left of each line. */
function spread(amount: number, scope: number[], remaining: number[]): number[] {
  const parts = allocate(
    amount,
    scope.map((i) => remaining[i]),
  );
  const shares = remaining.map(() => 0);
  scope.forEach((lineIndex, j) => {
    shares[lineIndex] = parts[j];
  });
  return shares;
}

function unknownOutcome(redemptionId: string): CouponOutcome {
  return {
    redemptionId,
    voucherId: null,
    campaignId: null,
    campaignName: null,
    type: null,
    amount: 0,
    refusal: { code: 'voucher_campaign_unknown', params: {} },
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
