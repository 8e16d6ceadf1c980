import { z } from 'zod';
import { BusinessDay } from '../business-day';
import { Money } from '../money';
import { SourcedDiscount } from '../pricing/discount-sources';
import { Comparison, PeriodKind, Span } from '../reports/periods';
import { Channel, PaymentMethod } from './orders';

/** The longest range a report reads: three years of business days. */
export const MAX_REPORT_DAYS = 1_096;

/** A period and what it is compared with; `lastDay` only for a range (a period is found from `firstDay`). */
export const ReportRequest = z.object({
  period: PeriodKind,
  firstDay: BusinessDay,
  lastDay: BusinessDay.optional(),
  comparison: Comparison.nullable(),
});
export type ReportRequest = z.infer<typeof ReportRequest>;

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Signed = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/** shared/reports/figures.ts's SalesFigures on the wire. */
export const Figures = z.object({
  orders: Count,
  items: Count,
  gross: Money,
  discount: Money,
  tax: Money,
  costedNet: Money,
  cost: Money,
  refunded: Money,
  net: Money,
  netAfterRefunds: Money,
  averageTicket: Money,
  margin: z.object({ amount: Money, percentBp: Signed.nullable() }),
});
export type Figures = z.infer<typeof Figures>;

/** A row's figures now and in the earlier span (null: no comparison asked). */
const Compared = { current: Figures, earlier: Figures.nullable() };

export const RefundsMade = z.object({ amount: Money, count: Count });

export const CashierRow = z.object({
  staffId: z.string(),
  name: z.string(),
  ...Compared,
  /** Refunds this person made in the span, whatever day their orders were. */
  refundsMade: RefundsMade,
  voids: Count,
  noSales: Count,
  /** Cash rounding (抹零) on their sales: negative when customers paid less than the total. */
  rounding: Money,
});

export const CampaignReport = z.object({
  campaigns: z.array(
    z.object({
      /** 0: coupons whose campaign an old order did not record. */
      campaignId: z.number().int(),
      name: z.string(),
      /** Orders that used at least one of its coupons, their net, and what its coupons took off them. */
      orders: Count,
      revenue: Money,
      discount: Money,
      /** Its vouchers redeemed at this till on those orders. */
      redeemed: Count,
      averageTicket: Money,
    }),
  ),
  /** Orders that used no coupon at all: the baseline an average ticket with a campaign is read against. */
  withoutCoupon: z.object({ orders: Count, revenue: Money, averageTicket: Money }),
});
export type CampaignReport = z.infer<typeof CampaignReport>;

export const SalesReport = z.object({
  currency: z.string(),
  /** What was asked, as days: the whole period. */
  period: Span,
  /** What was counted: the period up to now when it is still in progress; null when it has not begun. */
  span: Span.nullable(),
  compared: Span.nullable(),
  /** The first business day with a sale on this till: a compared span before it has nothing to show. */
  firstRecordedDay: BusinessDay.nullable(),
  totals: z.object(Compared),
  /** Refunds made on the span's days, whatever day their orders were (the till's money view). */
  refundsMade: z.object({ current: RefundsMade, earlier: RefundsMade.nullable() }),
  discountsBySource: z.array(SourcedDiscount),
  /** Day by day; `earlier` is the earlier span's day at the same place. */
  byDay: z.array(z.object({ day: BusinessDay, earlierDay: BusinessDay.nullable(), ...Compared })),
  byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), ...Compared })),
  byWeekday: z.array(z.object({ weekday: z.number().int().min(1).max(7), ...Compared })),
  byChannel: z.array(z.object({ channel: Channel, ...Compared })),
  /** Each tender by what it paid: a split sale counts in each of its methods. */
  byMethod: z.array(z.object({ method: PaymentMethod, amount: Money, orders: Count, earlierAmount: Money.nullable() })),
  byCashier: z.array(CashierRow),
  campaigns: CampaignReport,
});
export type SalesReport = z.infer<typeof SalesReport>;

export const ItemRow = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** Items, or grams for a product sold by weight; a category counts a weighed line as one. */
  quantity: Count,
  unit: z.enum(['each', 'kg']).nullable(),
  orders: Count,
  gross: Money,
  discount: Money,
  net: Money,
  costedNet: Money,
  cost: Money,
  earlierNet: Money.nullable(),
});
export type ItemRow = z.infer<typeof ItemRow>;

export const ItemsReport = z.object({
  span: Span.nullable(),
  compared: Span.nullable(),
  byCategory: z.array(ItemRow),
  byProduct: z.array(ItemRow),
});
export type ItemsReport = z.infer<typeof ItemsReport>;
