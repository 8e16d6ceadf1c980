import { z } from 'zod';
import { BusinessDay } from '../business-day';
import { Money } from '../money';

/**
 * A report's span as the drill-down from a report figure asks for it: the report's own span, so a
 * period in progress stops at the same minute the figure did (`untilMinute` of the last day,
 * counted from the store's cut-off; null: the whole day).
 */
export const DrillSpan = z.object({
  firstDay: BusinessDay,
  lastDay: BusinessDay,
  untilMinute: z.number().int().min(0).max(1_440).nullable(),
});
export type DrillSpan = z.infer<typeof DrillSpan>;

/**
 * The filters only a report's figure needs, beside the list's own (channel, method, cashier):
 * each narrows to the orders behind one breakdown row.
 */
export const drillFilters = {
  span: DrillSpan.optional(),
  productId: z.string().trim().min(1).max(64).optional(),
  categoryId: z.string().trim().min(1).max(64).optional(),
  /** 0: coupons whose campaign an old order did not record, as the campaign report lists them. */
  campaignId: z.number().int().min(0).max(2_147_483_647).optional(),
  /** The store's clock hour of payment. */
  hour: z.number().int().min(0).max(23).optional(),
  /** ISO weekday of the business day, 1 = Monday. */
  weekday: z.number().int().min(1).max(7).optional(),
  /** Only the orders that carry a discount, or a refund: what the discounts' and refunds' figures are made of. */
  carrying: z.enum(['discount', 'refund']).optional(),
  /** Also add up the lines with a known cost (`sums.cost`): a margin's drill-down. */
  withCost: z.boolean().optional(),
};

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * The sums of every order the filters find (all pages), so a drill-down's footer equals the report
 * figure it came from: net for a day, hour, weekday, channel or cashier; what the method paid; the
 * net of the product's or category's lines; the campaign's orders' total and its coupons' discount;
 * the discounts or refunds of the orders carrying them; the margin's costed net and cost.
 */
export const DrillSums = z.object({
  orders: Count,
  items: Count,
  gross: Money,
  discount: Money,
  /** gross − discount: each order's total. */
  net: Money,
  tax: Money,
  /** Refunds of these orders, whatever day they were made. */
  refunded: Money,
  /** What the filtered payment method paid towards these orders (a split sale counts its share). */
  methodAmount: Money.nullable(),
  /** The filtered product's or category's lines on these orders. */
  lines: z.object({ quantity: Count, net: Money }).nullable(),
  /** What the filtered campaign's coupons took off these orders. */
  couponDiscount: Money.nullable(),
  /** Asked `withCost`: the net of these orders' lines with a known cost, and that cost (the margin's parts). */
  cost: z.object({ costedNet: Money, cost: Money }).nullable(),
});
export type DrillSums = z.infer<typeof DrillSums>;
