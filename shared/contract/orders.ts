import { z } from 'zod';
import { BusinessDay } from '../business-day';
import { fieldMessage } from '../field-messages';
import { OrderId, RefundId } from '../ids';
import { ceilings } from '../limits';
import { memberCeilings } from '../members/member-limits';
import { Money, moneyInput } from '../money';
import { Cart } from '../pricing/cart';
import { SourcedDiscount } from '../pricing/discount-sources';
import { VoucherType } from '../vouchers/campaign';
import { RedemptionState } from '../vouchers/redemption-state';
import { method } from './define';
import { DrillSums, drillFilters } from './order-drill';

export const Channel = z.enum(['in_store', 'online_delivery', 'online_pickup', 'group_buy']);
export type Channel = z.infer<typeof Channel>;

/**
 * Tenders a cashier takes at the counter; the platform's prepaid tender arrives with vouchers;
 * `points` is a member's points (积分抵现, docs/members.md "The points tender").
 */
export const PaymentMethod = z.enum(['cash', 'card', 'wallet', 'platform_prepaid', 'points']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** Derived from the refunds against an order; the order row itself never changes once paid. */
export const OrderStatus = z.enum(['paid', 'partially_refunded', 'refunded']);
export type OrderStatus = z.infer<typeof OrderStatus>;

const Reference = z.string().trim().min(1).max(64);

/** Cash is tendered (change is worked out); card and wallet record what the external terminal took. */
export const TenderInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('cash'), tendered: moneyInput(ceilings.tender) }),
  z.object({
    method: z.literal('card'),
    amount: moneyInput(ceilings.sale).refine((v) => v > 0, fieldMessage('more_than_zero')),
    reference: Reference,
  }),
  z.object({
    method: z.literal('wallet'),
    amount: moneyInput(ceilings.sale).refine((v) => v > 0, fieldMessage('more_than_zero')),
    reference: Reference,
  }),
  // The points and what the screen says they pay; the core checks both against the store's rules.
  z.object({
    method: z.literal('points'),
    points: z.number().int().min(1).max(memberCeilings.points),
    amount: moneyInput(ceilings.sale).refine((v) => v > 0, fieldMessage('more_than_zero')),
  }),
]);
export type TenderInput = z.infer<typeof TenderInput>;

export const OrderLine = z.object({
  lineNo: z.number().int(),
  lineId: z.string(),
  productId: z.string(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.enum(['each', 'kg']),
  quantityKind: z.enum(['count', 'weight', 'priced']),
  /** Items, or grams for goods sold by weight (estimated from the label for price labels). */
  quantity: z.number().int(),
  unitPrice: Money,
  gross: Money,
  lineDiscount: Money,
  orderDiscount: Money,
  /** This line's share of the coupons' discount. */
  couponDiscount: Money,
  /** What the member's member price or tier discount took off the line (docs/members.md). */
  memberDiscount: Money,
  /** The line's discount by source (manual line, each coupon campaign, manual order): adds up to gross − net. */
  discounts: z.array(SourcedDiscount),
  discountReason: z.string().nullable(),
  net: Money,
  taxRateBp: z.number().int(),
  tax: Money,
  refundedQuantity: z.number().int(),
  refundedAmount: Money,
});
export type OrderLine = z.infer<typeof OrderLine>;

export const OrderPayment = z.object({
  method: PaymentMethod,
  /** What this tender paid towards the order (cash: tendered − change). */
  amount: Money,
  tendered: Money.nullable(),
  change: Money.nullable(),
  reference: z.string().nullable(),
  /** The points that paid `amount` on a points payment; null on every other. */
  points: z.number().int().nullable(),
});
export type OrderPayment = z.infer<typeof OrderPayment>;

export const RefundSummary = z.object({
  id: z.string(),
  number: z.string(),
  at: z.number().int(),
  businessDay: z.string(),
  amount: Money,
  staffName: z.string(),
  approverName: z.string().nullable(),
  reason: z.string(),
  tenders: z.array(z.object({ method: PaymentMethod, amount: Money })),
  /**
   * The member's points this refund reverses, by the platform's rule (`pointsReversal`): the spent
   * points it gives back (its `points` tender is their value) and the earned points it takes back;
   * null when the sale neither spent nor earned any.
   */
  points: z.object({ givenBack: z.number().int(), takenBack: z.number().int() }).nullable(),
  lines: z.array(z.object({ lineNo: z.number().int(), quantity: z.number().int(), amount: Money })),
  /**
   * The order's discounts this refund gives back with the goods, by the same sources as the order:
   * the goods' value is `amount` plus these.
   */
  discounts: z.array(SourcedDiscount),
});
export type RefundSummary = z.infer<typeof RefundSummary>;

export const OrderSummary = z.object({
  id: OrderId,
  number: z.string(),
  businessDay: z.string(),
  channel: Channel,
  status: OrderStatus,
  paidAt: z.number().int(),
  cashierId: z.string(),
  cashierName: z.string(),
  itemCount: z.number().int(),
  total: Money,
  refunded: Money,
  methods: z.array(PaymentMethod),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

/** A voucher used on the order; OFFLINE_PROVISIONAL ones print "provisional" on the receipt. */
export const OrderCoupon = z.object({
  redemptionId: z.uuid(),
  voucherId: z.string(),
  campaignName: z.string(),
  type: VoucherType,
  amount: Money,
  state: RedemptionState,
});
export type OrderCoupon = z.infer<typeof OrderCoupon>;

/**
 * A member's points on a sale (docs/members.md, "The points tender"), as the till knew them at
 * the sale: the balance before, the points its points payments used, the points it earns by the
 * store's rules then (credited when the sale reaches the platform), and the balance after.
 * `offline`: the balance was as last known here, and points used are provisional until the platform
 * confirms them. `before` and `after` are null for a member known by id alone.
 */
export const SalePoints = z.object({
  before: z.number().int().nullable(),
  used: z.number().int(),
  earned: z.number().int().nullable(),
  after: z.number().int().nullable(),
  known: z.enum(['online', 'offline']),
});
export type SalePoints = z.infer<typeof SalePoints>;

/** The member a sale was made to: the tier they had then; the number masked, null once erased. */
export const OrderMember = z.object({
  id: z.string(),
  maskedPhone: z.string().nullable(),
  tier: z.object({ en: z.string(), 'zh-CN': z.string() }).nullable(),
  /** Null on a sale from before the till kept them (till migration 0017). */
  points: SalePoints.nullable(),
});
export type OrderMember = z.infer<typeof OrderMember>;

export const OrderDetail = OrderSummary.extend({
  shiftId: z.string().nullable(),
  approverName: z.string().nullable(),
  gross: Money,
  discount: Money,
  /** `discount` by source, each source once (coupons by campaign); adds up to `discount`. */
  discounts: z.array(SourcedDiscount),
  orderDiscountReason: z.string().nullable(),
  /** Cash rounding (抹零): added to the total to get what was paid; negative when rounded down. */
  rounding: Money,
  paid: Money,
  tax: Money,
  taxBands: z.array(z.object({ taxRateBp: z.number().int(), net: Money, tax: Money })),
  lines: z.array(OrderLine),
  payments: z.array(OrderPayment),
  refunds: z.array(RefundSummary),
  /** Coupons and vouchers redeemed on it. */
  coupons: z.array(OrderCoupon),
  member: OrderMember.nullable(),
});
export type OrderDetail = z.infer<typeof OrderDetail>;

export const ReceiptWidth = z.enum(['58', '80']);
export type ReceiptWidth = z.infer<typeof ReceiptWidth>;

const Receipt = z.object({ html: z.string() });

export const orderMethods = {
  'orders.commit': method({
    input: z.object({
      /** The cart's id: pressing Pay twice or retrying after a crash returns the same order. */
      id: OrderId,
      cart: Cart,
      tenders: z.array(TenderInput).min(1).max(8),
    }),
    output: z.object({ order: OrderDetail, replayed: z.boolean() }),
    access: 'sell',
    mutates: true,
    // Each coupon is held on the platform before the sale is written.
    platformFirst: true,
  }),
  'orders.list': method({
    input: z.object({
      businessDay: BusinessDay.optional(),
      channel: Channel.optional(),
      method: PaymentMethod.optional(),
      cashierId: z.string().max(64).optional(),
      status: OrderStatus.optional(),
      number: z.string().trim().max(20).optional(),
      /** The last order of the previous page (ids sort by time). */
      before: OrderId.optional(),
      limit: z.number().int().min(1).max(200).default(50),
      /** A report figure's orders (order-drill.ts): a span of days, or more filters on a day. */
      ...drillFilters,
    }),
    /** `sums`: of every page, for a span or a drill-down's filters; null for a plain list. */
    output: z.object({ orders: z.array(OrderSummary), hasMore: z.boolean(), sums: DrillSums.nullable() }),
    access: 'sell',
    mutates: false,
  }),
  'orders.get': method({
    input: z.object({ id: OrderId }),
    output: OrderDetail,
    access: 'sell',
    mutates: false,
  }),
  'orders.receipt': method({
    input: z.object({
      id: OrderId,
      width: ReceiptWidth.optional(),
      /** The slip of this refund of the order, instead of the sale's receipt. */
      refundId: RefundId.optional(),
    }),
    output: Receipt,
    access: 'sell',
    mutates: false,
  }),
  /** A second copy is marked as such on paper and leaves an audit entry. */
  'orders.reprint': method({
    input: z.object({ id: OrderId, width: ReceiptWidth.optional() }),
    output: Receipt,
    access: 'sell',
    mutates: true,
  }),
  'orders.refund': method({
    input: z.object({
      /** Made by the client; a retried refund returns the first one. */
      id: RefundId,
      orderId: OrderId,
      lines: z
        .array(z.object({ lineNo: z.number().int().min(1), quantity: z.number().int().min(1).max(1_000_000) }))
        .min(1)
        .max(500),
      to: z.enum(['original', 'cash']),
      reason: z.string().trim().min(1).max(200),
    }),
    output: z.object({ refund: RefundSummary, order: OrderDetail, replayed: z.boolean() }),
    access: 'refund',
    mutates: true,
  }),
};
