import { uuidv7 } from '../../../shared/ids';
import type { OrderPaidPayload, OrderRefundedPayload, ShiftClosedPayload } from '../../../shared/sync/mutations';

export type Channel = 'in_store' | 'group_buy' | 'online_pickup';

/** A sale of 1–3 lines, with manual and coupon discounts and cash rounding now and then. */
export function sale(random: () => number, day: string, channel: Channel, paidAt: number): OrderPaidPayload {
  const pick = (n: number) => Math.floor(random() * n);
  const lines = Array.from({ length: 1 + pick(3) }, (_, i) => {
    const quantity = 1 + pick(3);
    const unitPrice = 100 * (1 + pick(30));
    const gross = quantity * unitPrice;
    const discounts: NonNullable<OrderPaidPayload['lines'][number]['discounts']> = [];
    if (random() < 0.3) discounts.push({ kind: 'manual_line', amount: 1 + pick(Math.floor(gross / 4)) });
    if (random() < 0.2) discounts.push({ kind: 'coupon', campaignId: 1, campaignName: '满减', amount: 50 });
    if (random() < 0.15) discounts.push({ kind: 'manual_order', amount: 10 });
    const discount = discounts.reduce((sum, part) => sum + part.amount, 0);
    return {
      lineNo: i + 1,
      sku: 'DRK-0001',
      nameZh: '水',
      nameEn: 'Water',
      quantityKind: 'count' as const,
      quantity,
      unitPrice,
      gross,
      discount,
      net: gross - discount,
      tax: 0,
      discounts,
    };
  });
  const gross = lines.reduce((sum, line) => sum + line.gross, 0);
  const discount = lines.reduce((sum, line) => sum + line.discount, 0);
  const total = gross - discount;
  const rounding = random() < 0.4 ? -(total % 10) : 0;
  return {
    order: {
      id: uuidv7(),
      number: 'A-0001',
      businessDay: day,
      channel,
      paidAt,
      cashierName: '王芳',
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      gross,
      discount,
      total,
      rounding,
      tax: 0,
      onlineOrderId: null,
    },
    lines,
    payments: [{ method: 'cash', amount: total + rounding, reference: null }],
    stock: lines.map((line) => ({
      id: uuidv7(),
      sku: line.sku,
      kind: channel === 'online_pickup' ? ('online_sale' as const) : ('sale' as const),
      quantity: -line.quantity,
      at: paidAt,
    })),
  };
}

export function refundOf(order: OrderPaidPayload, day: string, at: number): OrderRefundedPayload {
  const line = order.lines[0];
  return {
    refund: {
      id: uuidv7(),
      number: `${order.order.number}-R1`,
      orderId: order.order.id,
      businessDay: day,
      amount: line.net,
      at,
      reason: 'damaged',
      staffName: '李经理',
    },
    lines: [{ lineNo: line.lineNo, sku: line.sku, quantity: line.quantity, amount: line.net }],
    tenders: [{ method: 'cash', amount: line.net }],
    stock: [{ id: uuidv7(), sku: line.sku, kind: 'refund', quantity: line.quantity, at }],
  };
}

export function shiftOf(
  day: string,
  openedAt: number,
  closedAt: number,
  expected: number,
  counted: number,
): ShiftClosedPayload {
  return {
    shift: {
      id: uuidv7(),
      businessDay: day,
      zNumber: 1,
      openedAt,
      closedAt,
      float: 20_000,
      countedCash: counted,
      expectedCash: expected,
    },
    zReport: {},
  };
}
