import type { ParsedInputOf } from '../../../shared/contract';
import { errorCodes } from '../../../shared/errors';
import { priceCart } from '../../../shared/pricing/price-cart';
import { pricingPolicy } from '../../../shared/store-settings';
import { decodeVoucher } from '../../../shared/vouchers/cp1';
import {
  type RedemptionRequest,
  RedemptionResponse,
  redemptionRefusals,
  VoucherStatus,
} from '../../../shared/vouchers/redemption-wire';
import { catalogStatements, type ProductRow } from '../catalog/product-records';
import { couponMemberFor } from '../members/coupon-member';
import { cartMemberPricing } from '../members/member-benefits';
import { cachedMember } from '../members/member-cache';
import { readOrderRow } from '../orders/order-records';
import { readStore } from '../store/store-records';
import { type Asking, askPlatform, type OnlineDomain } from '../sync/platform-ask';
import { couponSetup } from './coupon-context';
import { type HoldAnswer, noVoucherAnswers, type VoucherAnswers, type VoucherStatusAnswer } from './online-answers';
import { isVoucherIdText } from './voucher-judge';

const nothing: VoucherAnswers = noVoucherAnswers;

/**
 * The vouchers' part of the online step (PROTOCOL.md, Redemption): a scanned code's status, and
 * a hold on each voucher of a sale or a group-buy redemption before it is written. Most sales carry
 * no coupon and go straight to the dispatch.
 */
export const voucherOnline = {
  none: noVoucherAnswers,
  steps: {
    'vouchers.check': { gather: checkStep },
    'orders.commit': { needed: hasCoupons, gather: commitStep },
    'vouchers.redeemGroupBuy': { gather: groupBuyStep },
  },
} satisfies OnlineDomain<VoucherAnswers>;

function hasCoupons(rawInput: unknown): boolean {
  const cart = (rawInput as { cart?: { coupons?: unknown } } | null)?.cart;
  return Array.isArray(cart?.coupons) && cart.coupons.length > 0;
}

async function checkStep(s: Asking, input: ParsedInputOf<'vouchers.check'>): Promise<VoucherAnswers> {
  const voucherId = voucherIdOf(input.code);
  if (!voucherId) return nothing;
  const status = await voucherStatus(s, voucherId);
  return { redemptions: new Map(), statuses: status ? new Map([[voucherId, status]]) : new Map() };
}

async function commitStep(s: Asking, input: ParsedInputOf<'orders.commit'>): Promise<VoucherAnswers> {
  const { db } = s.env;
  // A retried Pay replays the order already written; nothing to ask.
  if (readOrderRow(db, input.id)) return nothing;
  const now = s.env.clock();
  const store = readStore(db, now);
  if (!store) return nothing;
  const q = catalogStatements(db);
  const products = input.cart.lines.map((l) => q.productById.get(l.productId) as ProductRow | undefined);
  // Read-only: the same pricing the dispatch does, to know what each coupon takes off.
  // The deny list is not consulted: the platform is about to say, with where and when.
  const member = input.cart.memberId ? cachedMember(db, input.cart.memberId) : null;
  const setup = couponSetup(
    { db, now, skipDenials: true },
    store,
    input.cart,
    products,
    couponMemberFor(db, member, input.id),
  );
  const priced = priceCart(input.cart, pricingPolicy(store.settings), setup.context, cartMemberPricing(db, input.cart));
  const holds = priced.coupons
    .filter((outcome) => outcome.refusal === null)
    .map(async (outcome) => {
      const coupon = input.cart.coupons.find((c) => c.redemptionId === outcome.redemptionId);
      if (!coupon) return null;
      const answer = await hold(s, {
        id: coupon.redemptionId,
        deviceId: s.link.deviceId,
        code: coupon.code,
        orderId: input.id,
        amount: outcome.amount,
        mode: 'hold',
        // The platform judges the member rules by this member; the sale's push must name the same.
        ...(member ? { memberId: member.id } : {}),
      });
      return answer ? ([coupon.redemptionId, answer] as const) : null;
    });
  const answered = (await Promise.all(holds)).filter((a) => a !== null);
  return { redemptions: new Map(answered), statuses: new Map() };
}

async function groupBuyStep(s: Asking, input: ParsedInputOf<'vouchers.redeemGroupBuy'>): Promise<VoucherAnswers> {
  if (readOrderRow(s.env.db, input.orderId)) return nothing;
  const statuses = new Map<string, VoucherStatusAnswer>();
  let code = input.code;
  if (isVoucherIdText(code)) {
    const voucherId = code.trim().toLowerCase();
    const status = await voucherStatus(s, voucherId);
    if (!status) return nothing;
    statuses.set(voucherId, status);
    if (status.kind !== 'status') return { redemptions: new Map(), statuses };
    code = status.status.code;
  }
  const decoded = decodeVoucher(code);
  if (!decoded.ok || decoded.voucher.claims.type !== 'group_buy') return { redemptions: new Map(), statuses };
  const answer = await hold(s, {
    id: input.redemptionId,
    deviceId: s.link.deviceId,
    code,
    orderId: input.orderId,
    amount: decoded.voucher.claims.value,
    mode: 'hold',
  });
  return { redemptions: answer ? new Map([[input.redemptionId, answer]]) : new Map(), statuses };
}

function voucherIdOf(code: string): string | null {
  if (isVoucherIdText(code)) return code.trim().toLowerCase();
  const decoded = decodeVoucher(code);
  return decoded.ok ? decoded.voucher.claims.voucherId : null;
}

async function voucherStatus(s: Asking, voucherId: string): Promise<VoucherStatusAnswer | null> {
  const answer = await askPlatform(
    s,
    {
      method: 'GET',
      pathAndQuery: `/v1/vouchers/${voucherId}`,
      answer: VoucherStatus,
    },
    isVoucherRefusal,
  );
  if (answer === null) return null;
  return 'refused' in answer ? answer.refused : { kind: 'status', status: answer.value };
}

async function hold(s: Asking, body: RedemptionRequest): Promise<HoldAnswer | null> {
  const answer = await askPlatform(
    s,
    {
      method: 'POST',
      pathAndQuery: '/v1/redemptions',
      body,
      headers: { 'idempotency-key': body.id },
      answer: RedemptionResponse,
    },
    isVoucherRefusal,
  );
  if (answer === null) return null;
  if ('refused' in answer) return answer.refused;
  const { redemption } = answer.value;
  // Only a standing hold (or this order's capture) vouches for the sale; anything else decides offline.
  return redemption.state === 'HELD' || redemption.state === 'CAPTURED' ? { kind: 'held', redemption } : null;
}

const refusalCodes = new Set<string>(redemptionRefusals);

/** A refusal about the voucher or the redemption itself, which the platform will repeat if asked again. */
function isVoucherRefusal(code: string): boolean {
  return refusalCodes.has(code) || (code.startsWith('voucher_') && (errorCodes as string[]).includes(code));
}
