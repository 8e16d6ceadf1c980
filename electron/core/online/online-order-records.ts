import type { Database } from 'better-sqlite3';
import type { OnlineOrder, OnlineOrderStatus } from '../../../shared/contract/online-orders';
import { AppError } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import { mulDivRound } from '../../../shared/rounding';
import { namedStatements } from '../db/open-database';

type OnlineOrderRow = {
  id: string;
  channel: OnlineOrder['channel'];
  status: OnlineOrderStatus;
  pending_step: number;
  pickup_code: string;
  customer_name: string;
  note: string;
  placed_at: number;
  total: number;
  lines: string;
  order_id: string | null;
  order_number: string | null;
};

/** As pulled; lines pulled before the platform named their unit were all by the item. */
type StoredLine = Omit<OnlineOrder['lines'][number], 'unit' | 'amount'> & { unit?: 'each' | 'kg' };

const columns = 'o.*, s.number AS order_number FROM online_orders o LEFT JOIN orders s ON s.id = o.order_id';

export const onlineOrderStatements = namedStatements({
  byId: `SELECT ${columns} WHERE o.id = ?`,
  open: `SELECT ${columns} WHERE o.status IN ('placed', 'accepted', 'ready') ORDER BY o.placed_at`,
  recent: `SELECT ${columns} WHERE o.status IN ('placed', 'accepted', 'ready')
    OR o.updated_at >= ? ORDER BY o.status IN ('placed', 'accepted', 'ready') DESC, o.placed_at DESC LIMIT 300`,
  byPickupCode: `SELECT ${columns} WHERE o.pickup_code = ? AND o.status IN ('accepted', 'ready')
    ORDER BY o.placed_at DESC LIMIT 1`,
  setStatus: `UPDATE online_orders SET status = @status, pending_step = 1, order_id = COALESCE(@orderId, order_id),
    updated_at = @now WHERE id = @id`,
});

export function toOnlineOrder(row: OnlineOrderRow): OnlineOrder {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    pendingStep: row.pending_step === 1,
    pickupCode: row.pickup_code,
    customerName: row.customer_name,
    note: row.note,
    placedAt: row.placed_at,
    total: row.total as Money,
    orderId: row.order_id,
    orderNumber: row.order_number,
    lines: (JSON.parse(row.lines) as StoredLine[]).map((line) => {
      const unit = line.unit ?? 'each';
      const amount = unit === 'kg' ? mulDivRound(line.unitPrice, line.quantity, 1_000) : line.unitPrice * line.quantity;
      return { ...line, unit, unitPrice: line.unitPrice as Money, amount: amount as Money };
    }),
  };
}

const onlineOrderText = { en: 'online order', 'zh-CN': '线上订单' };

export function requireOnlineOrder(db: Database, id: string): OnlineOrder {
  const row = onlineOrderStatements(db).byId.get(id) as OnlineOrderRow | undefined;
  if (!row) throw new AppError('online_order_unknown', { what: id });
  return toOnlineOrder(row);
}

export function listOnlineOrders(db: Database, includeFinished: boolean, now: number): OnlineOrder[] {
  const q = onlineOrderStatements(db);
  const rows = (includeFinished ? q.recent.all(now - 24 * 3_600_000) : q.open.all()) as OnlineOrderRow[];
  return rows.map(toOnlineOrder);
}

/** `CPK1:123456` from the customer's QR code, or the six digits typed. */
export function findByPickupCode(db: Database, scanned: string): OnlineOrder {
  const code = scanned.trim().replace(/^CPK1:/i, '');
  const row = /^\d{6}$/.test(code)
    ? (onlineOrderStatements(db).byPickupCode.get(code) as OnlineOrderRow | undefined)
    : undefined;
  if (!row) throw new AppError('pickup_code_unknown', { code: code.slice(0, 16) });
  return toOnlineOrder(row);
}

export { onlineOrderText };
