import type { ScannedVoucher } from '../../../shared/contract/vouchers';
import type { ErrorParams } from '../../../shared/errors';
import { OrderId } from '../../../shared/ids';
import type { CouponPricingContext, CouponRefusal } from '../../../shared/pricing/coupon-terms';
import type { CouponMember } from '../../../shared/vouchers/campaign-audience';
import type { CartState } from './cart-model';

/** The most coupons one cart carries (the cart schema's limit). */
export const maxCoupons = 10;

export type CouponAdd =
  | { kind: 'added'; state: CartState }
  | { kind: 'duplicate' }
  | { kind: 'full' }
  /** 团购券 belong on the Redeem screen, which makes their order without a cart. */
  | { kind: 'groupBuy' };

/**
 * Puts a checked voucher on the sale. Its redemption id is minted here, once per scan, and stays
 * with the coupon through every retry of the payment, so the platform never redeems it twice.
 */
export function addCoupon(
  state: CartState,
  voucher: ScannedVoucher,
  ids: { cartId(): string; redemptionId(): string },
): CouponAdd {
  if (voucher.campaign.type === 'group_buy') return { kind: 'groupBuy' };
  const onCart = Object.values(state.vouchers).some((each) => each.voucherId === voucher.voucherId);
  if (onCart) return { kind: 'duplicate' };
  if (state.cart.coupons.length >= maxCoupons) return { kind: 'full' };
  const redemptionId = ids.redemptionId();
  return {
    kind: 'added',
    state: {
      ...state,
      id: state.id ?? OrderId.parse(ids.cartId()),
      cart: { ...state.cart, coupons: [...state.cart.coupons, { redemptionId, code: voucher.code }] },
      vouchers: { ...state.vouchers, [redemptionId]: voucher },
    },
  };
}

export function removeCoupon(state: CartState, redemptionId: string): CartState {
  const { [redemptionId]: _voucher, ...vouchers } = state.vouchers;
  const { [redemptionId]: _refusal, ...refusals } = state.refusals;
  const coupons = state.cart.coupons.filter((coupon) => coupon.redemptionId !== redemptionId);
  return { ...state, cart: { ...state.cart, coupons }, vouchers, refusals };
}

/** The check of a coupon the screen had no details for (a resumed sale), filled in when it answers. */
export function setCouponVoucher(state: CartState, redemptionId: string, voucher: ScannedVoucher): CartState {
  if (!state.cart.coupons.some((coupon) => coupon.redemptionId === redemptionId)) return state;
  return { ...state, vouchers: { ...state.vouchers, [redemptionId]: voucher } };
}

/** The core refused this coupon (at payment, or when re-checked): it stays listed, marked, until removed. */
export function markCouponRefused(state: CartState, redemptionId: string, message: string): CartState {
  if (!state.cart.coupons.some((coupon) => coupon.redemptionId === redemptionId)) return state;
  return { ...state, refusals: { ...state.refusals, [redemptionId]: message } };
}

/**
 * Which coupon a refusal at payment is about: the one the core names (by redemption or voucher id in
 * its details), else the only one on the cart, else the only one whose campaign the message names;
 * null when it cannot be told.
 */
export function refusedCoupon(state: CartState, details: unknown, message = ''): string | null {
  const named = namedIds(details);
  const coupons = state.cart.coupons;
  const byRedemption = coupons.find((coupon) => named.includes(coupon.redemptionId));
  if (byRedemption) return byRedemption.redemptionId;
  const vouchers = Object.entries(state.vouchers);
  const byVoucher = vouchers.find(([, voucher]) => named.includes(voucher.voucherId));
  if (byVoucher) return byVoucher[0];
  if (coupons.length === 1) return coupons[0].redemptionId;
  const byName = vouchers.filter(([, voucher]) => message.includes(voucher.campaign.name));
  return byName.length === 1 ? byName[0][0] : null;
}

function namedIds(details: unknown): string[] {
  if (typeof details !== 'object' || details === null) return [];
  return Object.values(details).filter((value): value is string => typeof value === 'string');
}

/**
 * What the pricing engine needs to price the cart's coupons, as the core will at payment: each
 * checked voucher with its campaign, the products' SKU and category, the local time now, and the
 * sale's member as the core knows them (`members.couponMember`; undefined until it answers).
 */
export function couponContext(
  state: CartState,
  categoryNames: ReadonlyMap<string, string>,
  now: Date,
  member?: CouponMember,
): CouponPricingContext {
  const coupons = new Map(
    Object.entries(state.vouchers).map(([redemptionId, voucher]) => [
      redemptionId,
      { redemptionId, voucherId: voucher.voucherId, value: voucher.value, campaign: voucher.campaign },
    ]),
  );
  const products = new Map(
    Object.entries(state.products).map(([productId, product]) => [
      productId,
      {
        sku: product.sku,
        categoryZh: categoryNames.get(state.categories[productId] ?? '') ?? '',
        nameZh: product.nameZh,
        nameEn: product.nameEn,
      },
    ]),
  );
  const localTime = { weekday: now.getDay(), minute: now.getHours() * 60 + now.getMinutes() };
  // Without a member a member-only coupon is refused on screen at once; with one, by the tier, first
  // visit and redemptions the core holds. Until it has answered the member rules wait for Pay
  // (docs/members.md, "Member campaigns").
  const saleMember = state.cart.memberId ? member : null;
  return { coupons, products, localTime, ...(saleMember === undefined ? {} : { member: saleMember }) };
}

/** The engine gives amounts in minor units; the message shows them as money. */
export function refusalParams(refusal: CouponRefusal, amount: (minor: number) => string): ErrorParams {
  if (refusal.code === 'voucher_below_min_spend') {
    const { campaign, minSpend, spend } = refusal.params;
    return { campaign, minSpend: amount(minSpend), spend: amount(spend) };
  }
  return refusal.params;
}
