import type { StockLevel } from '../../shared/sync/wire';
import type { Queryable } from '../db/sql';

/** Everything the platform holds for one store, in the shape tests and support staff read. */
export async function storeRecords(db: Queryable, storeId: string) {
  const params = [storeId];
  const [orders, refunds, zReports, stockMovements, soldOut, rejected, devices] = await Promise.all([
    db.query<{
      id: string;
      number: string;
      channel: string;
      total: number;
      onlineOrderId: string | null;
      deviceId: string;
    }>(
      `SELECT id, number, channel, total, online_order_id AS "onlineOrderId", device_id AS "deviceId"
       FROM orders WHERE store_id = $1 ORDER BY paid_at, id`,
      params,
    ),
    db.query<{ id: string; orderId: string; amount: number }>(
      'SELECT id, order_id AS "orderId", amount FROM refunds WHERE store_id = $1 ORDER BY refunded_at, id',
      params,
    ),
    db.query<{ shiftId: string; zNumber: number }>(
      'SELECT shift_id AS "shiftId", z_number AS "zNumber" FROM z_reports WHERE store_id = $1 ORDER BY closed_at',
      params,
    ),
    db.query<{ id: string; sku: string; kind: string; quantity: number }>(
      'SELECT id, sku, kind, quantity FROM stock_movements WHERE store_id = $1 ORDER BY moved_at, id',
      params,
    ),
    db.query<{ sku: string }>('SELECT sku FROM stock_levels WHERE store_id = $1 AND sold_out ORDER BY sku', params),
    db.query<{ seq: number; id: string; type: string; code: string; deviceId: string }>(
      `SELECT seq, mutation_id AS id, type, code, device_id AS "deviceId" FROM mutation_results
       WHERE store_id = $1 AND status = 'REJECTED' ORDER BY received_at, seq`,
      params,
    ),
    db.query<{
      deviceId: string;
      deviceCode: string;
      name: string;
      lastSeq: number;
      auditHead: unknown;
      revoked: boolean;
    }>(
      `SELECT id AS "deviceId", device_code AS "deviceCode", name, last_seq AS "lastSeq", audit_head AS "auditHead",
         revoked_at IS NOT NULL AS revoked
       FROM devices WHERE store_id = $1 ORDER BY paired_at, device_code`,
      params,
    ),
  ]);
  return { orders, refunds, zReports, stockMovements, soldOut: soldOut.map((row) => row.sku), rejected, devices };
}

/** One business day's sales per store and channel: orders paid that day, refunds made that day. */
export async function franchiseSales(db: Queryable, day: string) {
  return db.query<{
    storeId: string;
    storeName: string;
    channel: string;
    orders: number;
    total: number;
    refunds: number;
  }>(
    `WITH sold AS (
       SELECT store_id, channel, count(*)::bigint AS orders, sum(total)::bigint AS total
       FROM orders WHERE business_day = $1::date GROUP BY store_id, channel
     ), refunded AS (
       SELECT r.store_id, o.channel, sum(r.amount)::bigint AS refunds
       FROM refunds r JOIN orders o ON o.store_id = r.store_id AND o.id = r.order_id
       WHERE r.business_day = $1::date GROUP BY r.store_id, o.channel
     )
     SELECT s.id AS "storeId", s.name AS "storeName", x.channel,
       COALESCE(x.orders, 0) AS orders, COALESCE(x.total, 0) AS total, COALESCE(x.refunds, 0) AS refunds
     FROM (
       SELECT COALESCE(sold.store_id, refunded.store_id) AS store_id, COALESCE(sold.channel, refunded.channel) AS channel,
         sold.orders, sold.total, refunded.refunds
       FROM sold FULL JOIN refunded ON refunded.store_id = sold.store_id AND refunded.channel = sold.channel
     ) x JOIN stores s ON s.id = x.store_id
     ORDER BY s.name, s.id, x.channel`,
    [day],
  );
}

type StoreStock = { storeId: string; storeName: string; levels: StockLevel[] };

/** Every store's stock levels, stores without any movement included. */
export async function franchiseStock(db: Queryable): Promise<StoreStock[]> {
  const rows = await db.query<{ id: string; name: string; sku: string | null; on_hand: number; sold_out: boolean }>(
    `SELECT s.id, s.name, l.sku, l.on_hand, l.sold_out
     FROM stores s LEFT JOIN stock_levels l ON l.store_id = s.id
     ORDER BY s.name, s.id, l.sku`,
  );
  const stores = new Map<string, StoreStock>();
  for (const row of rows) {
    let store = stores.get(row.id);
    if (!store) {
      store = { storeId: row.id, storeName: row.name, levels: [] };
      stores.set(row.id, store);
    }
    if (row.sku !== null) store.levels.push({ sku: row.sku, onHand: row.on_hand, soldOut: row.sold_out });
  }
  return [...stores.values()];
}
