import type { Database } from 'better-sqlite3';
import type {
  Channel,
  OrderDetail,
  OrderLine,
  OrderPayment,
  OrderStatus,
  OrderSummary,
  PaymentMethod,
  RefundSummary,
} from '../../../shared/contract/orders';
import type { OrderId } from '../../../shared/ids';
import { type OrderPoints, pointsReversal } from '../../../shared/members/points';
import type { Money } from '../../../shared/money';
import {
  bySource,
  type DiscountSourceKind,
  discountsGivenBack,
  type SourcedDiscount,
} from '../../../shared/pricing/discount-sources';
import { namedStatements } from '../db/open-database';
import { orderMember } from '../members/order-member';
import { redemptionsOfOrder, toOrderCoupon } from '../vouchers/redemption-records';

export type OrderRow = {
  id: OrderId;
  number: string;
  device_id: string;
  business_day: string;
  channel: Channel;
  shift_id: string | null;
  cashier_id: string;
  cashier_name: string;
  approver_name: string | null;
  paid_at: number;
  hour: number;
  item_count: number;
  gross: number;
  discount: number;
  order_discount_reason: string | null;
  total: number;
  rounding: number;
  tax: number;
  methods: string;
  request_digest: string;
  refunded: number;
};

export type OrderLineRow = {
  line_no: number;
  line_id: string;
  product_id: string;
  sku: string;
  name_zh: string;
  name_en: string;
  unit: 'each' | 'kg';
  quantity_kind: 'count' | 'weight' | 'priced';
  quantity: number;
  unit_price: number;
  gross: number;
  line_discount: number;
  /** Includes coupon_discount and member_discount. */
  order_discount: number;
  coupon_discount: number;
  member_discount: number;
  discount_reason: string | null;
  net: number;
  tax_rate_bp: number;
  tax: number;
  refunded_quantity: number;
  refunded_amount: number;
};

/** What was refunded of order `o` so far; its status follows from it (see `statusOf`). */
export const refundedSql = '(SELECT coalesce(sum(r.amount), 0) FROM refunds r WHERE r.order_id = o.id)';

export const orderStatements = namedStatements({
  orderById: `SELECT o.*, ${refundedSql} AS refunded FROM orders o WHERE o.id = ?`,
  linesOf: `SELECT l.*,
      (SELECT coalesce(sum(rl.quantity), 0) FROM refund_lines rl
        WHERE rl.order_id = l.order_id AND rl.line_no = l.line_no) AS refunded_quantity,
      (SELECT coalesce(sum(rl.amount), 0) FROM refund_lines rl
        WHERE rl.order_id = l.order_id AND rl.line_no = l.line_no) AS refunded_amount
    FROM order_lines l WHERE l.order_id = ? ORDER BY l.line_no`,
  paymentsOf: 'SELECT * FROM payments WHERE order_id = ? ORDER BY seq',
  refundsOf: 'SELECT * FROM refunds WHERE order_id = ? ORDER BY at, id',
  refundLinesOf: 'SELECT line_no, quantity, amount FROM refund_lines WHERE refund_id = ? ORDER BY line_no',
  refundTendersOf: 'SELECT method, amount FROM refund_tenders WHERE refund_id = ? ORDER BY method',
  nextNumber: `INSERT INTO order_counters (device_id, business_day, last) VALUES (?, ?, 1)
    ON CONFLICT (device_id, business_day) DO UPDATE SET last = last + 1 RETURNING last`,
  insertOrder: `INSERT INTO orders (id, number, device_id, business_day, channel, shift_id, cashier_id,
      cashier_name, approver_name, paid_at, hour, item_count, gross, discount, order_discount_reason, total,
      rounding, tax, methods, request_digest)
    VALUES (@id, @number, @deviceId, @businessDay, @channel, @shiftId, @cashierId, @cashierName,
      @approverName, @paidAt, @hour, @itemCount, @gross, @discount, @orderDiscountReason, @total, @rounding,
      @tax, @methods, @requestDigest)`,
  insertLine: `INSERT INTO order_lines (order_id, line_no, line_id, product_id, sku, name_zh, name_en, unit,
      quantity_kind, quantity, unit_price, gross, line_discount, order_discount, coupon_discount, member_discount,
      discount_reason, net, tax_rate_bp, tax, cost)
    VALUES (@orderId, @lineNo, @lineId, @productId, @sku, @nameZh, @nameEn, @unit, @quantityKind, @quantity,
      @unitPrice, @gross, @lineDiscount, @orderDiscount, @couponDiscount, @memberDiscount, @discountReason, @net,
      @taxRateBp, @tax, @cost)`,
  insertDiscount: `INSERT INTO order_discounts (order_id, line_no, seq, business_day, source, campaign_id,
      campaign_name, amount)
    VALUES (@orderId, @lineNo, @seq, @businessDay, @source, @campaignId, @campaignName, @amount)`,
  discountsOf: `SELECT line_no, source, campaign_id, campaign_name, amount FROM order_discounts
    WHERE order_id = ? ORDER BY line_no, seq`,
  insertPayment: `INSERT INTO payments (order_id, seq, method, amount, tendered, change, reference,
      business_day, shift_id, points)
    VALUES (@orderId, @seq, @method, @amount, @tendered, @change, @reference, @businessDay, @shiftId, @points)`,
});

export function readOrderRow(db: Database, id: string): OrderRow | null {
  return (orderStatements(db).orderById.get(id) as OrderRow | undefined) ?? null;
}

export function statusOf(total: number, refunded: number): OrderStatus {
  if (refunded <= 0) return 'paid';
  return refunded >= total ? 'refunded' : 'partially_refunded';
}

export function toOrderSummary(row: OrderRow): OrderSummary {
  return {
    id: row.id,
    number: row.number,
    businessDay: row.business_day,
    channel: row.channel,
    status: statusOf(row.total, row.refunded),
    paidAt: row.paid_at,
    cashierId: row.cashier_id,
    cashierName: row.cashier_name,
    itemCount: row.item_count,
    total: row.total as Money,
    refunded: row.refunded as Money,
    methods: row.methods.split(',').filter(Boolean) as PaymentMethod[],
  };
}

/** The whole order as the detail view, the receipt and the refund need it. */
export function readOrderDetail(db: Database, row: OrderRow): OrderDetail {
  const q = orderStatements(db);
  const split = discountsByLine(db, row.id);
  const lines = (q.linesOf.all(row.id) as OrderLineRow[]).map((line) =>
    toOrderLine(line, split.get(line.line_no) ?? []),
  );
  const payments = (q.paymentsOf.all(row.id) as PaymentRow[]).map(toPayment);
  const used = payments.reduce((sum, p) => sum + (p.points ?? 0), 0);
  const member = orderMember(db, row.id, used);
  const bands = new Map<number, { taxRateBp: number; net: Money; tax: Money }>();
  for (const line of lines) {
    const band = bands.get(line.taxRateBp) ?? { taxRateBp: line.taxRateBp, net: 0 as Money, tax: 0 as Money };
    band.net = (band.net + line.net) as Money;
    band.tax = (band.tax + line.tax) as Money;
    bands.set(line.taxRateBp, band);
  }
  return {
    ...toOrderSummary(row),
    shiftId: row.shift_id,
    approverName: row.approver_name,
    gross: row.gross as Money,
    discount: row.discount as Money,
    discounts: bySource(lines.flatMap((line) => line.discounts)),
    orderDiscountReason: row.order_discount_reason,
    rounding: row.rounding as Money,
    paid: (row.total + row.rounding) as Money,
    tax: row.tax as Money,
    taxBands: [...bands.values()].sort((a, b) => a.taxRateBp - b.taxRateBp),
    lines,
    payments,
    refunds: refundsOf(db, row.id, lines, { total: row.total, spent: used, earned: member?.points?.earned ?? 0 }),
    coupons: redemptionsOfOrder(db, row.id)
      .filter((r) => r.state !== 'REJECTED')
      .map(toOrderCoupon),
    member,
  };
}

type DiscountRow = {
  line_no: number;
  source: DiscountSourceKind;
  campaign_id: number | null;
  campaign_name: string | null;
  amount: number;
};

export function discountsByLine(db: Database, orderId: string): Map<number, SourcedDiscount[]> {
  const byLine = new Map<number, SourcedDiscount[]>();
  for (const row of orderStatements(db).discountsOf.all(orderId) as DiscountRow[]) {
    const parts = byLine.get(row.line_no) ?? [];
    parts.push(toSourcedDiscount(row));
    byLine.set(row.line_no, parts);
  }
  return byLine;
}

export function toSourcedDiscount(row: Omit<DiscountRow, 'line_no'>): SourcedDiscount {
  const amount = row.amount as Money;
  switch (row.source) {
    case 'member':
    case 'manual_line':
    case 'manual_order':
      return { kind: row.source, amount };
    case 'coupon':
      return { kind: 'coupon', campaignId: row.campaign_id ?? 0, campaignName: row.campaign_name ?? '', amount };
    default: {
      const unreachable: never = row.source;
      throw new Error(`unknown discount source ${String(unreachable)}`);
    }
  }
}

function toOrderLine(row: OrderLineRow, discounts: SourcedDiscount[]): OrderLine {
  return {
    lineNo: row.line_no,
    lineId: row.line_id,
    productId: row.product_id,
    sku: row.sku,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    unit: row.unit,
    quantityKind: row.quantity_kind,
    quantity: row.quantity,
    unitPrice: row.unit_price as Money,
    gross: row.gross as Money,
    lineDiscount: row.line_discount as Money,
    // The manual order discount's share; the coupons' and the member benefit's are reported on their own.
    orderDiscount: (row.order_discount - row.coupon_discount - row.member_discount) as Money,
    memberDiscount: row.member_discount as Money,
    couponDiscount: row.coupon_discount as Money,
    discounts: bySource(discounts),
    discountReason: row.discount_reason,
    net: row.net as Money,
    taxRateBp: row.tax_rate_bp,
    tax: row.tax as Money,
    refundedQuantity: row.refunded_quantity,
    refundedAmount: row.refunded_amount as Money,
  };
}

type PaymentRow = {
  method: PaymentMethod;
  amount: number;
  tendered: number | null;
  change: number | null;
  reference: string | null;
  points: number | null;
};

function toPayment(row: PaymentRow): OrderPayment {
  return {
    method: row.method,
    amount: row.amount as Money,
    tendered: row.tendered as Money | null,
    change: row.change as Money | null,
    reference: row.reference,
    points: row.points,
  };
}

export type RefundRow = {
  id: string;
  number: string;
  order_id: string;
  business_day: string;
  staff_name: string;
  approver_name: string | null;
  reason: string;
  amount: number;
  at: number;
  request_digest: string;
};

/**
 * The order's refunds, oldest first, each with the discounts it gave back: what the refunds before
 * it left of each source, so every refund's parts follow from the order's split (see
 * `discountsGivenBack`).
 */
function refundsOf(db: Database, orderId: string, lines: readonly OrderLine[], points: OrderPoints): RefundSummary[] {
  const q = orderStatements(db);
  const refunded = new Map<number, number>();
  let money = 0;
  return (q.refundsOf.all(orderId) as RefundRow[]).map((row) => {
    const parts = q.refundLinesOf.all(row.id) as { line_no: number; quantity: number; amount: Money }[];
    const before = new Map(refunded);
    for (const part of parts) refunded.set(part.line_no, (refunded.get(part.line_no) ?? 0) + part.quantity);
    const reversal = pointsReversal(points, money, money + row.amount);
    money += row.amount;
    return {
      id: row.id,
      number: row.number,
      at: row.at,
      businessDay: row.business_day,
      amount: row.amount as Money,
      staffName: row.staff_name,
      approverName: row.approver_name,
      reason: row.reason,
      tenders: q.refundTendersOf.all(row.id) as RefundSummary['tenders'],
      points: points.spent + points.earned > 0 ? { givenBack: reversal.giveBack, takenBack: reversal.takeBack } : null,
      lines: parts.map((l) => ({ lineNo: l.line_no, quantity: l.quantity, amount: l.amount })),
      discounts: discountsGivenBack(lines, before, new Map(refunded)),
    };
  });
}
