import { z } from 'zod';
import { BusinessDay } from '../business-day';
import { Money } from '../money';
import { method } from './define';
import { Channel } from './orders';

/** Orders per page of an export: a few thousand lines, read in tens of milliseconds. */
export const MAX_EXPORT_ORDERS = 2_000;

/** Where the last page stopped: the day and the last order read on it (orders sort by id in a day). */
export const ExportCursor = z.object({ day: BusinessDay, orderId: z.string().min(1).max(64) });
export type ExportCursor = z.infer<typeof ExportCursor>;

export const OrderLinesRequest = z.object({
  firstDay: BusinessDay,
  lastDay: BusinessDay,
  after: ExportCursor.nullable().default(null),
  orders: z.number().int().min(1).max(MAX_EXPORT_ORDERS).default(MAX_EXPORT_ORDERS),
});
export type OrderLinesRequest = z.infer<typeof OrderLinesRequest>;

/** One line of a paid order as an export writes it: what was sold, for how much, and what it cost. */
export const ExportLine = z.object({
  businessDay: BusinessDay,
  paidAt: z.number().int(),
  orderNumber: z.string(),
  channel: Channel,
  cashierName: z.string(),
  lineNo: z.number().int(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  categoryZh: z.string(),
  categoryEn: z.string(),
  /** Items, or grams for goods sold by weight. */
  quantity: z.number().int(),
  unit: z.string(),
  unitPrice: Money,
  gross: Money,
  discount: Money,
  net: Money,
  tax: Money,
  /** Null where the product's cost was not known at the sale. */
  cost: Money.nullable(),
});
export type ExportLine = z.infer<typeof ExportLine>;

export const OrderLinesPage = z.object({
  lines: z.array(ExportLine),
  /** Where the next page starts; null after the last. */
  next: ExportCursor.nullable(),
  /** Orders in the range, on the first page (for progress); null on the others. */
  totalOrders: z.number().int().nullable(),
  /** Orders on this page. */
  orders: z.number().int(),
});
export type OrderLinesPage = z.infer<typeof OrderLinesPage>;

export const lineExportMethods = {
  /** Every line of the range's orders, a page at a time, for an export that streams. */
  'reports.orderLines': method({
    input: OrderLinesRequest,
    output: OrderLinesPage,
    access: 'reports.view',
    mutates: false,
  }),
};
