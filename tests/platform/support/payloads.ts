import { uuidv7 } from '../../../shared/ids';
import type {
  OnlineOrderStepPayload,
  OrderPaidPayload,
  OrderRefundedPayload,
  ShiftClosedPayload,
} from '../../../shared/sync/mutations';

const DAY = '2025-03-14';

/** A paid sale of `quantity` × `sku` at `unitPrice`, with its stock movement. */
export function orderPaid(
  options: {
    sku?: string;
    quantity?: number;
    unitPrice?: number;
    onlineOrderId?: string | null;
    channel?: string;
  } = {},
): OrderPaidPayload {
  const { sku = 'DRK-0001', quantity = 1, unitPrice = 300, onlineOrderId = null } = options;
  const id = uuidv7();
  const total = quantity * unitPrice;
  const at = Date.now();
  return {
    order: {
      id,
      number: 'A-0001',
      businessDay: DAY,
      channel: (options.channel ??
        (onlineOrderId ? 'online_pickup' : 'in_store')) as OrderPaidPayload['order']['channel'],
      paidAt: at,
      cashierName: '王芳',
      itemCount: quantity,
      gross: total,
      discount: 0,
      total,
      rounding: 0,
      tax: 0,
      onlineOrderId,
    },
    lines: [
      {
        lineNo: 1,
        sku,
        nameZh: '水',
        nameEn: 'Water',
        quantityKind: 'count',
        quantity,
        unitPrice,
        gross: total,
        discount: 0,
        net: total,
        tax: 0,
      },
    ],
    payments: [{ method: 'cash', amount: total, reference: null }],
    stock: [{ id: uuidv7(), sku, kind: onlineOrderId ? 'online_sale' : 'sale', quantity: -quantity, at }],
  };
}

export function orderRefunded(orderId: string, options: { sku?: string; quantity?: number; amount?: number } = {}) {
  const { sku = 'DRK-0001', quantity = 1, amount = 300 } = options;
  const at = Date.now();
  const payload: OrderRefundedPayload = {
    refund: {
      id: uuidv7(),
      number: 'A-0001-R1',
      orderId,
      businessDay: DAY,
      amount,
      at,
      reason: 'damaged',
      staffName: '李经理',
    },
    lines: [{ lineNo: 1, sku, quantity, amount }],
    tenders: [{ method: 'cash', amount }],
    stock: [{ id: uuidv7(), sku, kind: 'refund', quantity, at }],
  };
  return payload;
}

export function shiftClosed(zNumber = 1): ShiftClosedPayload {
  const at = Date.now();
  return {
    shift: {
      id: uuidv7(),
      businessDay: DAY,
      zNumber,
      openedAt: at - 8 * 3_600_000,
      closedAt: at,
      float: 20_000,
      countedCash: 35_000,
      expectedCash: 35_000,
    },
    zReport: { sales: 15_000 },
  };
}

export function stockMoved(sku: string, quantity: number, kind = 'receive') {
  return { id: uuidv7(), sku, kind, quantity, at: Date.now(), note: null };
}

export function soldOut(sku: string, flag = true) {
  return { sku, soldOut: flag, at: Date.now() };
}

export function step(
  onlineOrderId: string,
  which: OnlineOrderStepPayload['step'],
  orderId: string | null = null,
): OnlineOrderStepPayload {
  return { onlineOrderId, step: which, at: Date.now(), reason: which === 'reject' ? 'closing early' : null, orderId };
}

export { DAY };
