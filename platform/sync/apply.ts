import type { MutationType, PayloadOf } from '../../shared/sync/mutations';
import type { ErrorCode, MessageParams } from '../../shared/sync/platform-messages';
import { linkOnlineOrder, stepOnlineOrder } from '../data/online-orders';
import { recordMovements, setSoldOut } from '../data/stock';
import type { Queryable } from '../db/sql';
import { sums } from './claim-words';
import type { ClaimWindow } from './claimed-time';
import { orderPaidRefusal, shiftClosedRefusal, stockMovedRefusal } from './order-checks';
import { refundRefusal } from './refund-checks';
import { applyVoucherRedeemed, applyVoucherReversed } from './voucher-appliers';

/**
 * Who pushed, and what the platform judges the push's claims by: `now`, the platform clock (epoch
 * ms) of its arrival; `window`, the times the device's records can lie in; the store's currency,
 * for amounts in a refusal's words.
 */
export type ApplyContext = { storeId: string; deviceId: string; now: number; currency: string; window: ClaimWindow };

/**
 * Why a mutation was not applied. A plain refusal (REJECTED) leaves the platform as it was (the
 * caller rolls back); a `conflict` (CONFLICT) keeps its writes: the loss it records is the point.
 */
export type ApplyRefusal = { code: ErrorCode; params?: MessageParams; conflict?: true };

/** Applies one validated mutation. */
type Applier<T extends MutationType> = (
  tx: Queryable,
  context: ApplyContext,
  payload: PayloadOf<T>,
) => Promise<ApplyRefusal | null>;

const orderPaid: Applier<'order.paid'> = async (tx, context, payload) => {
  const { order } = payload;
  const refusal = orderPaidRefusal(payload, context.currency, context.window);
  if (refusal) return refusal;
  if (order.onlineOrderId) {
    const online = await linkOnlineOrder(tx, context.storeId, order.onlineOrderId, order.id);
    if (!online) return { code: 'online_order_unknown' };
    // The platform priced the online order: the sale that fulfils it takes that amount, no other.
    if (online.total !== order.total || online.channel !== order.channel) {
      return { code: 'record_sums', params: { what: sums.onlineOrder } };
    }
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
  await recordMovements(tx, context, payload.stock);
  return null;
};

/**
 * Sales with no online order behind them, many at once: a push of 500 takes two statements here
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
  await recordMovements(
    tx,
    context,
    sales.flatMap((sale) => sale.stock),
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
  await recordMovements(tx, context, payload.stock);
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

const stockMoved: Applier<'stock.moved'> = async (tx, context, payload) => {
  const refusal = stockMovedRefusal(payload, context.window);
  if (refusal) return refusal;
  await recordMovements(tx, context, [payload]);
  return null;
};

const soldOut: Applier<'product.sold_out'> = async (tx, context, payload) => {
  await setSoldOut(tx, context.storeId, payload.sku, payload.soldOut);
  return null;
};

const onlineOrderStep: Applier<'online_order.step'> = (tx, context, payload) =>
  stepOnlineOrder(tx, context.storeId, payload);

const voucherRedeemed: Applier<'voucher.redeemed'> = (tx, context, payload) =>
  applyVoucherRedeemed(tx, context, payload);

const voucherReversed: Applier<'voucher.reversed'> = (tx, context, payload) =>
  applyVoucherReversed(tx, context, payload);

export const appliers: { [T in MutationType]: Applier<T> } = {
  'order.paid': orderPaid,
  'order.refunded': orderRefunded,
  'shift.closed': shiftClosed,
  'stock.moved': stockMoved,
  'product.sold_out': soldOut,
  'online_order.step': onlineOrderStep,
  'voucher.redeemed': voucherRedeemed,
  'voucher.reversed': voucherReversed,
};
