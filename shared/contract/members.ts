import { z } from 'zod';
import { MemberId, ProductId } from '../ids';
import { ceilings } from '../limits';
import { memberCeilings } from '../members/member-limits';
import { Money, moneyInput } from '../money';
import { method } from './define';

/**
 * A member as the checkout shows them (docs/members.md, "At the counter"): never the number, only
 * its masked form. A member identified offline by a code this till has not seen before is known by
 * id alone until the platform sends them: every other field is null then.
 */
export const MemberCard = z.object({
  id: MemberId,
  maskedPhone: z.string().nullable(),
  name: z.string().nullable(),
  tier: z.object({ id: z.number().int(), name: z.object({ en: z.string(), 'zh-CN': z.string() }) }).nullable(),
  growth: z.number().int().nullable(),
  points: z.number().int().nullable(),
  /** Epoch ms. */
  lastVisitAt: z.number().int().nullable(),
  /** One line from the recency bands, in the caller's language ("sleeping — last visit 94 days ago"). */
  hint: z.string().nullable(),
  /** The platform answered just now; false: from this till's cache or the code alone. */
  checkedOnline: z.boolean(),
});
export type MemberCard = z.infer<typeof MemberCard>;

/** A tier's benefits on some products, as the pricing engine takes them (`MemberPricing`). */
export const MemberBenefits = z.object({
  tierDiscountBp: z.number().int().min(0).max(10_000),
  memberPrices: z.array(z.object({ productId: ProductId, price: Money })).max(500),
});
export type MemberBenefits = z.infer<typeof MemberBenefits>;

/** The most coupons one cart carries (`Cart`), so the most campaigns one preview asks about. */
const maxCartCoupons = 10;

/**
 * What the member rules of the cart's campaigns read of the sale's member, as this till knows them
 * (`CouponMember`; docs/members.md, "Member campaigns"): the tier from the cache with the ladder's
 * places, new or not, and this till's redemptions of those campaigns for them that still count.
 */
export const CouponMemberView = z.object({
  tierId: z.number().int().nullable(),
  ladder: z
    .array(z.object({ tierId: z.number().int(), place: z.number().int(), nameZh: z.string(), nameEn: z.string() }))
    .max(memberCeilings.tiers),
  newCustomer: z.boolean(),
  used: z.array(z.object({ campaignId: z.number().int(), used: z.number().int().min(0) })).max(maxCartCoupons),
});
export type CouponMemberView = z.infer<typeof CouponMemberView>;

/** Points and what they pay (`shared/members/points.ts` Redemption). */
const Redemption = z.object({ points: z.number().int().min(0), fen: z.number().int().min(0) });

/**
 * What the points tender may offer on a due (docs/members.md, "The points tender"): nothing when
 * the store takes no points; else the member's balance as this till last heard it, the most the
 * order can take on it (online, the platform holds it at Pay) and on the offline allowance (the
 * lower of that balance and the store's offline cap).
 */
export const PointsOffer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('off') }),
  z.object({
    kind: z.literal('on'),
    balance: z.number().int().nullable(),
    online: Redemption,
    offline: Redemption,
    /** What this till may let the member spend without the platform: the lower of the balance and the offline cap. */
    allowance: z.number().int().min(0),
    blockPoints: z.number().int().min(1),
    blockFen: z.number().int().min(1),
  }),
]);
export type PointsOffer = z.infer<typeof PointsOffer>;

const PhoneInput = z.string().max(memberCeilings.phoneText);

export const memberMethods = {
  /** By the number the customer gives: the platform first (which marks them seen here), else this till's cache. */
  'members.lookup': method({
    input: z.object({ phone: PhoneInput }),
    output: MemberCard,
    access: 'sell',
    mutates: true,
    platformFirst: true,
  }),
  /** A scanned member code: verified on this till's keys, and by the platform when it answers. */
  'members.identify': method({
    input: z.object({ code: z.string().max(memberCeilings.memberCodeText) }),
    output: MemberCard,
    access: 'sell',
    mutates: true,
    platformFirst: true,
  }),
  /** Enrolment at the counter: the platform sends the customer a code. Online only. */
  'members.enrolStart': method({
    input: z.object({
      /** Minted when the dialog opens and kept through retries: the enrolment's idempotency key. */
      enrolmentId: z.uuid(),
      phone: PhoneInput,
      name: z.string().trim().max(memberCeilings.memberName).default(''),
      consent: z.boolean(),
    }),
    output: z.object({ enrolmentId: z.uuid(), maskedPhone: z.string(), expiresAt: z.number().int() }),
    access: 'sell',
    mutates: true,
    platformFirst: true,
  }),
  /** The code the customer read out: the platform makes the member. Online only. */
  'members.enrolConfirm': method({
    input: z.object({ enrolmentId: z.uuid(), code: z.string().max(32) }),
    output: MemberCard,
    access: 'sell',
    mutates: true,
    platformFirst: true,
  }),
  /**
   * What the member's tier gives on these products (docs/members.md, "Member pricing at the
   * checkout"): the screen previews with it, and `orders.commit` prices again from the cache.
   */
  'members.benefits': method({
    input: z.object({ memberId: MemberId, productIds: z.array(ProductId).max(500) }),
    output: MemberBenefits,
    access: 'sell',
    mutates: false,
  }),
  /**
   * The sale's member as the member rules of these campaigns judge them, from this till's cache
   * and records: the checkout's preview refuses a coupon with it before Pay; `orders.commit` judges
   * again the same way, and online the platform's hold has the last word.
   */
  'members.couponMember': method({
    input: z.object({ memberId: MemberId, campaignIds: z.array(z.number().int().positive()).max(maxCartCoupons) }),
    output: CouponMemberView,
    access: 'sell',
    mutates: false,
  }),
  /** The points the payment dialog pre-fills for the member on this due; the core judges them again at Pay. */
  'members.pointsOffer': method({
    input: z.object({ memberId: MemberId, due: moneyInput(ceilings.sale) }),
    output: PointsOffer,
    access: 'sell',
    mutates: false,
  }),
};
