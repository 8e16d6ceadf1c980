import type { Database } from 'better-sqlite3';
import type { StoreInfo } from '../../../shared/contract/store';
import { AppError, type ErrorParams } from '../../../shared/errors';
import type { Cart } from '../../../shared/pricing/cart';
import type { CouponPricingContext, CouponRefusal } from '../../../shared/pricing/coupon-terms';
import type { CouponMember } from '../../../shared/vouchers/campaign-audience';
import { catalogStatements, type ProductRow } from '../catalog/product-records';
import type { VoucherAnswers } from './online-answers';
import { type JudgedVoucher, judgeScan } from './voucher-judge';
import { moneyParam } from './voucher-text';

export type CouponSetup = { context: CouponPricingContext; judged: Map<string, JudgedVoucher> };

/**
 * Re-judges every coupon of a cart on this till (the screen's word is not taken) and gathers what
 * the pricing engine needs: each voucher with its campaign, the products' scope facts and the
 * store's local time, and the sale's member for the member rules (`couponMemberFor`). A coupon
 * that fails the local checks is refused with its own message.
 */
export function couponSetup(
  env: { db: Database; now: number; online?: { vouchers: VoucherAnswers }; skipDenials?: boolean },
  store: StoreInfo,
  cart: Cart,
  products: (ProductRow | undefined)[],
  member: CouponMember | null,
): CouponSetup {
  const judged = new Map<string, JudgedVoucher>();
  const coupons: CouponPricingContext['coupons'] = new Map(
    cart.coupons.map((c) => {
      const voucher = judgeScan(
        {
          db: env.db,
          now: env.now,
          timeZone: store.timeZone,
          platformAnswered: () =>
            env.skipDenials === true || (env.online?.vouchers.redemptions.has(c.redemptionId) ?? false),
        },
        c.code,
      );
      judged.set(c.redemptionId, voucher);
      const forPricing = {
        redemptionId: c.redemptionId,
        voucherId: voucher.claims.voucherId,
        value: voucher.claims.value,
        campaign: voucher.campaign,
      };
      return [c.redemptionId, forPricing] as const;
    }),
  );
  return {
    context: {
      coupons,
      products: productFacts(env.db, products),
      localTime: localTime(env.now, store.timeZone),
      member,
    },
    judged,
  };
}

function productFacts(db: Database, products: (ProductRow | undefined)[]): CouponPricingContext['products'] {
  const q = catalogStatements(db);
  const facts = new Map<string, { sku: string; categoryZh: string; nameZh: string; nameEn: string }>();
  for (const p of products) {
    if (!p) continue;
    const category = q.categoryById.get(p.category_id) as { name_zh: string } | undefined;
    facts.set(p.id, { sku: p.sku, categoryZh: category?.name_zh ?? '', nameZh: p.name_zh, nameEn: p.name_en });
  }
  return facts;
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The store's local weekday (0 = Sunday) and minute of the day, for 限时 windows. */
export function localTime(epochMs: number, timeZone: string): { weekday: number; minute: number } {
  let f = weekdayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    weekdayFormats.set(timeZone, f);
  }
  const parts = f.formatToParts(epochMs);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: Math.max(0, weekdays.indexOf(get('weekday'))),
    minute: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

/** The engine's refusal as the error the cashier reads; amounts formatted in the store's currency. */
export function couponRefusalError(refusal: CouponRefusal, currency: string): AppError {
  switch (refusal.code) {
    case 'voucher_below_min_spend':
      return new AppError(refusal.code, {
        campaign: refusal.params.campaign,
        minSpend: moneyParam(refusal.params.minSpend, currency),
        spend: moneyParam(refusal.params.spend, currency),
      });
    case 'voucher_campaign_unknown':
    case 'voucher_campaign_inactive':
    case 'voucher_duplicate':
    case 'voucher_group_buy_at_redeem':
    case 'voucher_outside_hours':
    case 'voucher_not_combinable':
    case 'voucher_per_order_limit':
    case 'voucher_nothing_in_scope':
    case 'voucher_free_item_missing':
    case 'voucher_member_required':
    case 'voucher_member_tier':
    case 'voucher_new_customers_only':
    case 'voucher_member_limit':
      return new AppError(refusal.code, refusal.params as ErrorParams);
    default: {
      const unreachable: never = refusal;
      throw new Error(`unknown coupon refusal ${JSON.stringify(unreachable)}`);
    }
  }
}
