import type { OrderDetail, OrderLine, PaymentMethod, RefundSummary } from '../../../shared/contract/orders';
import { AppError } from '../../../shared/errors';
import { reversalShare } from '../../../shared/members/points';
import { refundShare } from '../../../shared/pricing/refund-share';
import { namedStatements } from '../db/open-database';
import { SAMPLE_DEVICE } from '../demo/sales-history';
import type { HandlerContext } from '../handler-context';
import { requireSession } from '../handler-context';
import { requireOpenShift } from '../shifts/shift-records';
import { recordMovement } from '../stock/stock-ledger';
import { requireStore } from '../store/store-records';
import { enqueue } from '../sync/outbox';
import { reverseRedemptionsOf } from '../vouchers/redemption-reversal';
import { type RefundRow, readOrderDetail, readOrderRow } from './order-records';
import { requestDigest } from './request-digest';

export type RefundInput = {
  id: string;
  orderId: string;
  lines: { lineNo: number; quantity: number }[];
  to: 'original' | 'cash';
  reason: string;
};

const statements = namedStatements({
  refundById: 'SELECT * FROM refunds WHERE id = ?',
  refundCount: 'SELECT count(*) AS n FROM refunds WHERE order_id = ?',
  refundedByMethod: `SELECT t.method, sum(t.amount) AS amount FROM refund_tenders t
    JOIN refunds r ON r.id = t.refund_id WHERE r.order_id = ? GROUP BY t.method`,
  insertRefund: `INSERT INTO refunds (id, number, order_id, device_id, business_day, shift_id, staff_id,
      staff_name, approver_name, reason, amount, at, request_digest)
    VALUES (@id, @number, @orderId, @deviceId, @businessDay, @shiftId, @staffId, @staffName, @approverName,
      @reason, @amount, @at, @requestDigest)`,
  insertLine: `INSERT INTO refund_lines (refund_id, order_id, line_no, quantity, amount)
    VALUES (@refundId, @orderId, @lineNo, @quantity, @amount)`,
  insertTender: `INSERT INTO refund_tenders (refund_id, method, amount, shift_id)
    VALUES (@refundId, @method, @amount, @shiftId)`,
});

type Result = { refund: RefundSummary; order: OrderDetail; replayed: boolean };

/**
 * Gives money back against a paid order: by line and quantity, never more than what is left of a
 * line, stock returned, to the tenders that paid or in cash. The order itself is never touched.
 */
export function refundOrder(ctx: HandlerContext, input: RefundInput): Result {
  const q = statements(ctx.db);
  const digest = requestDigest({ ...input, id: undefined });
  const existing = q.refundById.get(input.id) as RefundRow | undefined;
  if (existing) return replay(ctx, existing, digest);

  const session = requireSession(ctx);
  const store = requireStore(ctx.db, ctx.now);
  const row = readOrderRow(ctx.db, input.orderId);
  if (!row) throw new AppError('not_found', { what: { en: 'order', 'zh-CN': '订单' } });
  // The demo's past weeks were never sold here or sent to the platform: nothing to give back.
  if (row.device_id === SAMPLE_DEVICE) throw new AppError('sample_order');
  const order = readOrderDetail(ctx.db, row);
  const shift = requireOpenShift(ctx.db, ctx.deviceId);
  const lines = refundLines(order, input.lines);
  const amount = lines.reduce((sum, l) => sum + l.amount, 0);
  const { n } = q.refundCount.get(order.id) as { n: number };
  const number = `${order.number}-R${n + 1}`;
  q.insertRefund.run({
    id: input.id,
    number,
    orderId: order.id,
    deviceId: ctx.deviceId,
    businessDay: store.businessDay,
    shiftId: shift.id,
    staffId: session.staffId,
    staffName: session.name,
    approverName: ctx.approver?.name ?? null,
    reason: input.reason,
    amount,
    at: ctx.now,
    requestDigest: digest,
  });
  for (const line of lines) {
    q.insertLine.run({ refundId: input.id, orderId: order.id, lineNo: line.line.lineNo, ...line });
    recordMovement(ctx.db, {
      productId: line.line.productId,
      kind: 'refund',
      quantity: line.quantity,
      refundId: input.id,
      orderId: order.id,
      at: ctx.now,
      staffId: session.staffId,
    });
  }
  for (const tender of refundTenders(ctx, order, amount, input.to)) {
    q.insertTender.run({ refundId: input.id, ...tender, shiftId: shift.id });
  }
  enqueue(ctx.db, { id: input.id, type: 'order.refunded', now: ctx.now });
  const after = readOrderRow(ctx.db, order.id);
  if (!after) throw new Error('order vanished inside its own transaction');
  const detail = readOrderDetail(ctx.db, after);
  const refund = refundIn(detail, input.id);
  // By quantity, not money: an order a coupon paid in full refunds 0 and is still all given back.
  const fullyRefunded = detail.lines.every((line) => line.refundedQuantity >= line.quantity);
  const reversed = fullyRefunded
    ? reverseRedemptionsOf(ctx.db, { orderId: order.id, refundId: refund.id, reason: input.reason, now: ctx.now })
    : [];
  ctx.describe(`order:${order.id}`, {
    refund: number,
    amount,
    lines: refund.lines,
    tenders: refund.tenders,
    ...(refund.discounts.length > 0 ? { discountsGivenBack: refund.discounts } : {}),
    ...(reversed.length > 0 ? { vouchersGivenBack: reversed } : {}),
  });
  // The refund's day (refunds made) and its order's day (refunds of these orders).
  ctx.emit({ type: 'orders.changed', days: [refund.businessDay, order.businessDay] });
  if (reversed.length > 0) ctx.emit({ type: 'vouchers.changed' });
  return { refund, order: reversed.length > 0 ? readOrderDetail(ctx.db, after) : detail, replayed: false };
}

function replay(ctx: HandlerContext, existing: RefundRow, digest: string): Result {
  if (existing.request_digest !== digest) throw new AppError('id_reused', { what: { en: 'refund', 'zh-CN': '退款' } });
  const row = readOrderRow(ctx.db, existing.order_id);
  if (!row) throw new Error('refund without its order');
  ctx.describe(`order:${row.id}`, { replayed: true, refund: existing.number });
  const order = readOrderDetail(ctx.db, row);
  return { refund: refundIn(order, existing.id), order, replayed: true };
}

/** A refund as its order reads it, with the discounts it gave back worked out from the refunds before it. */
function refundIn(order: OrderDetail, id: string): RefundSummary {
  const refund = order.refunds.find((r) => r.id === id);
  if (!refund) throw new Error('refund vanished from its order');
  return refund;
}

type LineRefund = { line: OrderLine; quantity: number; amount: number };

function refundLines(order: OrderDetail, asked: RefundInput['lines']): LineRefund[] {
  const seen = new Set<number>();
  return asked.map(({ lineNo, quantity }) => {
    if (seen.has(lineNo)) throw new AppError('refund_duplicate_line', { line: lineNo });
    seen.add(lineNo);
    const line = order.lines.find((l) => l.lineNo === lineNo);
    if (!line) throw new AppError('refund_line_unknown', { number: order.number, line: lineNo });
    const left = line.quantity - line.refundedQuantity;
    if (quantity > left) {
      const name = { en: line.nameEn, 'zh-CN': line.nameZh };
      throw new AppError('refund_exceeds', { line: lineNo, name, left, asked: quantity }, { lineNo, left });
    }
    const amount = refundShare(line, quantity);
    return { line, quantity, amount };
  });
}

/**
 * Back where it came from. Points go back as points, in proportion to the money refunded on the
 * order (the platform gives the member the same share of the points they spent; docs/members.md,
 * "Reversal on refund"), whatever `to` says: a till never pays points out in cash. Then card and
 * wallet, each up to what it paid and was not yet refunded; cash for the rest.
 */
function refundTenders(
  ctx: HandlerContext,
  order: OrderDetail,
  amount: number,
  to: 'original' | 'cash',
): { method: PaymentMethod; amount: number }[] {
  if (amount === 0) return [];
  const paid = new Map<PaymentMethod, number>();
  for (const p of order.payments) paid.set(p.method, (paid.get(p.method) ?? 0) + p.amount);
  const before = order.lines.reduce((sum, line) => sum + line.refundedAmount, 0);
  const pointsPart = Math.min(amount, reversalShare(paid.get('points') ?? 0, order.total, before, before + amount));
  const out: { method: PaymentMethod; amount: number }[] =
    pointsPart > 0 ? [{ method: 'points', amount: pointsPart }] : [];
  let left = amount - pointsPart;
  if (to === 'cash') return left > 0 ? [...out, { method: 'cash', amount: left }] : out;
  const refunded = new Map(
    (statements(ctx.db).refundedByMethod.all(order.id) as { method: PaymentMethod; amount: number }[]).map((r) => [
      r.method,
      r.amount,
    ]),
  );
  for (const method of ['card', 'wallet', 'platform_prepaid'] as const) {
    const room = (paid.get(method) ?? 0) - (refunded.get(method) ?? 0);
    const part = Math.min(room, left);
    if (part > 0) {
      out.push({ method, amount: part });
      left -= part;
    }
  }
  if (left > 0) out.push({ method: 'cash', amount: left });
  return out;
}
