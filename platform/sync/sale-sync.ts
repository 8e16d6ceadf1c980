import type { PayloadOf } from '../../shared/sync/mutations';
import { linkAnswers } from '../data/feedback';
import { linkOnlineOrder } from '../data/online-orders';
import { movedBy, recordMovements } from '../data/stock';
import type { Queryable } from '../db/sql';
import { creditMemberSale, reverseMemberGrowth } from '../members/member-sales';
import { reverseRefundPoints } from '../members/points-orders';
import { sums } from './claim-words';
import { orderPaidRefusal, shiftClosedRefusal } from './order-checks';
import { recordOrderLines } from './order-lines';
import type { Applier, ApplyContext, PlatformDomain } from './platform-domain';
import { refundRefusal } from './refund-checks';

const orderPaid: Applier<'order.paid'> = async (tx, context, payload) => {
  const { order } = payload;
  const refusal = orderPaidRefusal(payload, context.currency, context.window);
  if (refusal) return refusal;
  let onlineMember: string | null = null;
  if (order.onlineOrderId) {
    const online = await linkOnlineOrder(tx, context.storeId, order.onlineOrderId, order.id);
    if (!online) return { code: 'online_order_unknown' };
    // The platform priced the online order: the sale that fulfils it takes that amount, no other.
    if (online.total !== order.total || online.channel !== order.channel) {
      return { code: 'record_sums', params: { what: sums.onlineOrder } };
    }
    onlineMember = online.member_id;
  }
  await tx.query(
    `INSERT INTO orders (store_id, id, device_id, number, business_day, channel, paid_at, total, online_order_id, body)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10::jsonb) ON CONFLICT (store_id, id) DO NOTHING`,
    [
      context.storeId,
      order.id,
      context.deviceId,
      order.number,
      order.businessDay,
      order.channel,
      order.paidAt,
      order.total,
      order.onlineOrderId,
      JSON.stringify(payload),
    ],
  );
  await recordOrderLines(tx, context.storeId, [order.id]);
  await recordMovements(tx, context, movedBy(payload.stock, order.cashierName, order.number));
  const refused = await creditMemberSale(tx, context, payload, onlineMember);
  if (refused) return refused;
  await linkAnswers(tx, context.storeId, [order.id], context.now);
  return null;
};

/**
 * Sales with no online order or member behind them, many at once: a push of 500 takes two statements here
 * instead of a thousand, which is what lets the platform keep up with a till catching up.
 */
export async function insertSales(tx: Queryable, context: ApplyContext, sales: PayloadOf<'order.paid'>[]) {
  if (sales.length === 0) return;
  await tx.query(
    `INSERT INTO orders (store_id, id, device_id, number, business_day, channel, paid_at, total, online_order_id, body)
     SELECT $1, (x->'order'->>'id')::uuid, $2, x->'order'->>'number', (x->'order'->>'businessDay')::date,
       x->'order'->>'channel', (x->'order'->>'paidAt')::bigint, (x->'order'->>'total')::bigint, NULL, x
     FROM jsonb_array_elements($3::jsonb) AS x
     ON CONFLICT (store_id, id) DO NOTHING`,
    [context.storeId, context.deviceId, JSON.stringify(sales)],
  );
  await recordOrderLines(
    tx,
    context.storeId,
    sales.map((sale) => sale.order.id),
  );
  await recordMovements(
    tx,
    context,
    sales.flatMap((sale) => movedBy(sale.stock, sale.order.cashierName, sale.order.number)),
  );
  // A customer may have answered from a receipt printed before the sale could be pushed.
  await linkAnswers(
    tx,
    context.storeId,
    sales.map((sale) => sale.order.id),
    context.now,
  );
}

const orderRefunded: Applier<'order.refunded'> = async (tx, context, payload) => {
  const { refund } = payload;
  const [order] = await tx.query<{ body: PayloadOf<'order.paid'> }>(
    'SELECT body FROM orders WHERE store_id = $1 AND id = $2',
    [context.storeId, refund.orderId],
  );
  if (!order) return { code: 'order_unknown' };
  const refusal = await refundRefusal(tx, context.storeId, context.currency, payload, order.body, context.window);
  if (refusal) return refusal;
  await tx.query(
    `INSERT INTO refunds (store_id, id, device_id, order_id, business_day, amount, refunded_at, body)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8::jsonb) ON CONFLICT (store_id, id) DO NOTHING`,
    [
      context.storeId,
      refund.id,
      context.deviceId,
      refund.orderId,
      refund.businessDay,
      refund.amount,
      refund.at,
      JSON.stringify(payload),
    ],
  );
  await recordMovements(tx, context, movedBy(payload.stock, refund.staffName, refund.number));
  await reverseMemberGrowth(tx, context, payload);
  await reverseRefundPoints(tx, context, payload, order.body);
  return null;
};

const shiftClosed: Applier<'shift.closed'> = async (tx, context, payload) => {
  const { shift } = payload;
  const refusal = shiftClosedRefusal(payload, context.currency, context.window);
  if (refusal) return refusal;
  await tx.query(
    `INSERT INTO z_reports (store_id, shift_id, device_id, z_number, business_day, closed_at, body)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7::jsonb) ON CONFLICT (store_id, shift_id) DO NOTHING`,
    [
      context.storeId,
      shift.id,
      context.deviceId,
      shift.zNumber,
      shift.businessDay,
      shift.closedAt,
      JSON.stringify(payload),
    ],
  );
  return null;
};

/** Sales, refunds and Z reports: the platform's copy of what happened at the counter. */
export const saleDomain: PlatformDomain<never, 'order.paid' | 'order.refunded' | 'shift.closed'> = {
  streams: {},
  mutations: {
    'order.paid': { apply: orderPaid, wakes: 'store' },
    'order.refunded': { apply: orderRefunded, wakes: 'store' },
    'shift.closed': { apply: shiftClosed, wakes: 'store' },
  },
};
