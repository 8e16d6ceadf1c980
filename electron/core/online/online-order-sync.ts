import type { Database } from 'better-sqlite3';
import type { OnlineOrderWire } from '../../../shared/sync/online-order-sync';
import { noTerms } from '../../../shared/sync/settlement-wire';
import { namedStatements } from '../db/open-database';
import type { TillDomain } from '../sync/till-domain';

const statements = namedStatements({
  onlineOrder: 'SELECT status, pending_step, version FROM online_orders WHERE id = ?',
  upsertOnlineOrder: `INSERT INTO online_orders (id, channel, status, pickup_code, customer_name, note, placed_at, total,
      lines, version, updated_at, merchant_promotion, platform_promotion, delivery_fee, commission_bp)
    VALUES (@id, @channel, @status, @pickupCode, @customerName, @note, @placedAt, @total, @lines, @version, @now,
      @merchantPromotion, @platformPromotion, @deliveryFee, @commissionBp)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, pending_step = @pendingStep, version = excluded.version,
      updated_at = excluded.updated_at, merchant_promotion = excluded.merchant_promotion,
      platform_promotion = excluded.platform_promotion, delivery_fee = excluded.delivery_fee,
      commission_bp = excluded.commission_bp`,
});

const rank: Record<OnlineOrderWire['state'], number> = {
  placed: 0,
  accepted: 1,
  rejected: 1,
  cancelled: 1,
  ready: 2,
  handed_over: 3,
};

/**
 * The platform's state wins once it has caught up with a step taken here; until then the till
 * keeps showing its own step, so a pull racing a push never makes an accepted order ring again.
 */
function applyOnlineOrder(db: Database, order: OnlineOrderWire, version: string, now: number): boolean {
  const q = statements(db);
  const local = q.onlineOrder.get(order.id) as { status: OnlineOrderWire['state']; pending_step: number } | undefined;
  const behind = local !== undefined && local.pending_step === 1 && rank[order.state] < rank[local.status];
  q.upsertOnlineOrder.run({
    id: order.id,
    channel: order.channel,
    status: behind ? local.status : order.state,
    pendingStep: behind ? 1 : 0,
    pickupCode: order.pickupCode,
    customerName: order.customerName,
    note: order.note,
    placedAt: order.placedAt,
    total: order.total,
    lines: JSON.stringify(order.lines),
    version,
    now,
    // The platform's correction of an order's terms is taken; a sale already recorded keeps its own.
    ...(order.terms ?? noTerms),
  });
  return local === undefined && order.state === 'placed';
}

/** An order new to this till and waiting for someone rings; the steps taken here go up as they are stored. */
export const onlineOrderTill: TillDomain<'online_orders', 'online_order.step'> = {
  streams: {
    online_orders: {
      apply: (db, order, { version, now }) => applyOnlineOrder(db, order, version, now),
      told: (placed) => [{ type: 'online.changed', placed }, { type: 'orders.changed' }],
    },
  },
  mutations: {
    'online_order.step': { payload: (_db, row) => JSON.parse(row.payload) },
  },
  payloadSql: {},
};
