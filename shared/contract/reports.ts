import { z } from 'zod';
import { BusinessDay } from '../business-day';
import { Money } from '../money';
import { SourcedDiscount } from '../pricing/discount-sources';
import { method } from './define';
import { Channel, PaymentMethod } from './orders';
import { ItemsReport, ReportRequest, SalesReport } from './sales-report';

/** DOMAIN.md's definitions: gross before discounts, net = gross − discounts, refunds apart. */
export const DaySummary = z.object({
  businessDay: z.string(),
  currency: z.string(),
  orders: z.number().int(),
  items: z.number().int(),
  gross: Money,
  discounts: Money,
  /** `discounts` by source, each once: manual line, each coupon campaign, manual order. */
  discountsBySource: z.array(SourcedDiscount),
  net: Money,
  tax: Money,
  averageTicket: Money,
  /** Refunds made on this business day, whatever day the order was. */
  refunds: z.object({ amount: Money, count: z.number().int() }),
  byMethod: z.array(z.object({ method: PaymentMethod, amount: Money, count: z.number().int() })),
  byChannel: z.array(z.object({ channel: Channel, orders: z.number().int(), net: Money })),
  /** Local clock hour of payment, 0–23, only hours with sales. */
  byHour: z.array(z.object({ hour: z.number().int(), orders: z.number().int(), net: Money })),
});
export type DaySummary = z.infer<typeof DaySummary>;

export const reportMethods = {
  'reports.day': method({
    input: z.object({ businessDay: BusinessDay.optional() }),
    output: DaySummary,
    access: 'reports.view',
    mutates: false,
  }),
  /** Any period, optionally compared: totals and breakdowns by day, hour, weekday, channel, method and cashier. */
  'reports.sales': method({ input: ReportRequest, output: SalesReport, access: 'reports.view', mutates: false }),
  /** The same period's products and categories. */
  'reports.items': method({ input: ReportRequest, output: ItemsReport, access: 'reports.view', mutates: false }),
};
