import { z } from 'zod';
import { StockMovementWire } from './stock-sync';
import { syncDomain } from './sync-domain';

/**
 * Sales, refunds and Z reports as the till pushes them. Each payload is a self-contained copy of an
 * immutable local record, keyed by its business id, so the platform never needs to ask back.
 * SKUs, not local product ids, name products across systems: the platform's catalog is keyed by
 * SKU and a terminal may have created a product before it was paired.
 */
const Minor = z.number().int();
const Sku = z.string().min(1).max(64);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Text = z.string().max(500);

export const SaleChannel = z.enum(['in_store', 'online_delivery', 'online_pickup', 'group_buy']);
/** `points` is a member's points tender (积分抵现); its `points.spent` follows the sale in the same outbox. */
export const PaymentMethodWire = z.enum(['cash', 'card', 'wallet', 'platform_prepaid', 'points']);

/**
 * One payment of a sale; `points` (on a points payment only, absent on the rest and from older
 * tills) is how many points paid `amount`, which the platform checks against the spend and the
 * store's rate.
 */
const PaymentWire = z.object({
  method: PaymentMethodWire,
  amount: Minor.min(0),
  reference: z.string().max(120).nullable(),
  points: Minor.min(1).optional(),
});

/**
 * A line's discount from one source (the member benefit, manual line, manual order, a coupon
 * campaign), as sent. A platform older than the member source refuses a sale that carries it
 * (`payload_invalid`), which the till keeps and sends again once the platform is upgraded.
 */
export const DiscountPartWire = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), amount: Minor.min(1) }),
  z.object({ kind: z.literal('manual_line'), amount: Minor.min(1) }),
  z.object({ kind: z.literal('manual_order'), amount: Minor.min(1) }),
  z.object({
    kind: z.literal('coupon'),
    campaignId: z.number().int().min(0),
    campaignName: Text,
    amount: Minor.min(1),
  }),
]);

const OrderLineWire = z
  .object({
    lineNo: z.number().int().min(1),
    sku: Sku,
    nameZh: Text,
    nameEn: Text,
    quantityKind: z.enum(['count', 'weight', 'priced']),
    quantity: z.number().int().positive(),
    unitPrice: Minor.min(0),
    gross: Minor,
    discount: Minor.min(0),
    net: Minor.min(0),
    tax: Minor.min(0),
    /**
     * The line's discount by source; absent from tills older than the split. The platform checks
     * that the parts add up to the line's discount, so a report by source never disagrees with one
     * by total.
     */
    discounts: z.array(DiscountPartWire).max(20).optional(),
    /** What the line cost the store at the sale, for margins; null when unknown, absent from older tills. */
    cost: Minor.min(0).nullable().optional(),
  })
  .refine((line) => !line.discounts || line.discounts.reduce((sum, d) => sum + d.amount, 0) === line.discount, {
    message: 'the discount parts do not add up to the line discount',
    path: ['discounts'],
  });

export const OrderPaidPayload = z.object({
  order: z.object({
    id: z.uuid(),
    number: z.string().max(32),
    businessDay: Day,
    channel: SaleChannel,
    paidAt: z.number().int(),
    cashierName: Text,
    itemCount: z.number().int().min(0),
    gross: Minor.min(0),
    discount: Minor.min(0),
    total: Minor.min(0),
    rounding: Minor,
    tax: Minor.min(0),
    /** The platform order this sale fulfils; counted once, under its channel. */
    onlineOrderId: z.uuid().nullable(),
    /**
     * The member identified at the sale; absent from tills older than members, and an older
     * platform ignores it. The platform credits the member's growth and last visit once per order.
     */
    memberId: z.uuid().nullable().optional(),
  }),
  lines: z.array(OrderLineWire).max(2000),
  payments: z.array(PaymentWire).max(20),
  stock: z.array(StockMovementWire).max(2000),
});
export type OrderPaidPayload = z.infer<typeof OrderPaidPayload>;

export const OrderRefundedPayload = z.object({
  refund: z.object({
    id: z.uuid(),
    number: z.string().max(40),
    orderId: z.uuid(),
    businessDay: Day,
    amount: Minor.min(0),
    at: z.number().int(),
    reason: Text,
    staffName: Text,
  }),
  lines: z
    .array(
      z.object({ lineNo: z.number().int().min(1), sku: Sku, quantity: z.number().int().positive(), amount: Minor }),
    )
    .max(2000),
  tenders: z.array(z.object({ method: z.string().max(32), amount: Minor.min(0) })).max(20),
  stock: z.array(StockMovementWire).max(2000),
});
export type OrderRefundedPayload = z.infer<typeof OrderRefundedPayload>;

export const ShiftClosedPayload = z.object({
  shift: z.object({
    id: z.uuid(),
    businessDay: Day,
    zNumber: z.number().int().positive(),
    openedAt: z.number().int(),
    closedAt: z.number().int(),
    float: Minor.min(0),
    countedCash: Minor,
    expectedCash: Minor,
  }),
  /** The Z report exactly as printed, for the franchise owner's records. */
  zReport: z.record(z.string(), z.unknown()),
});
export type ShiftClosedPayload = z.infer<typeof ShiftClosedPayload>;

/** No stream: what the platform knows of sales it learns from the tills. */
export const saleSync = syncDomain({
  streams: {},
  mutations: {
    'order.paid': OrderPaidPayload,
    'order.refunded': OrderRefundedPayload,
    'shift.closed': ShiftClosedPayload,
  },
  events: {},
});
