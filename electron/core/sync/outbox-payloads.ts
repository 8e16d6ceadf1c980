import type { Database } from 'better-sqlite3';
import type { PayloadOf } from '../../../shared/sync/mutations';
import { MutationType, mutationPayloads } from '../../../shared/sync/mutations';
import type { PushMutation } from '../../../shared/sync/wire';
import { namedStatements } from '../db/open-database';
import { discountsByLine } from '../orders/order-records';

/**
 * Builds what the platform receives from the immutable local records the outbox names, so a
 * record is written once (by the sale) and read when sent. Toggles and online-order steps carry
 * their payload in the outbox row, as nothing else stores them.
 */
/** Exported for the query-plan test: sending the queue must never scan the ledger. */
export const outboxPayloadSql = {
  after: 'SELECT seq, id, type, payload, created_at FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?',
  order: `SELECT o.*, (SELECT id FROM online_orders WHERE order_id = o.id) AS online_order_id
    FROM orders o WHERE o.id = ?`,
  orderLines: 'SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no',
  payments: 'SELECT method, amount, reference FROM payments WHERE order_id = ? ORDER BY seq',
  // Through the (product_id, at) index: a sale's movements share its products and its moment.
  // A scan by order_id would read the whole ledger for every order sent.
  orderStock: `SELECT m.id, p.sku, m.kind, m.quantity, m.at FROM stock_movements m JOIN products p ON p.id = m.product_id
    WHERE m.product_id IN (SELECT product_id FROM order_lines WHERE order_id = @id)
      AND m.at = (SELECT paid_at FROM orders WHERE id = @id) AND m.order_id = @id AND m.refund_id IS NULL`,
  refund: 'SELECT * FROM refunds WHERE id = ?',
  refundLines: `SELECT r.line_no, l.sku, r.quantity, r.amount FROM refund_lines r
    JOIN order_lines l ON l.order_id = r.order_id AND l.line_no = r.line_no WHERE r.refund_id = ? ORDER BY r.line_no`,
  refundTenders: 'SELECT method, amount FROM refund_tenders WHERE refund_id = ?',
  refundStock: `SELECT m.id, p.sku, m.kind, m.quantity, m.at FROM stock_movements m JOIN products p ON p.id = m.product_id
    WHERE m.product_id IN (SELECT l.product_id FROM refund_lines r
        JOIN order_lines l ON l.order_id = r.order_id AND l.line_no = r.line_no WHERE r.refund_id = @id)
      AND m.at = (SELECT at FROM refunds WHERE id = @id) AND m.refund_id = @id`,
  shift: 'SELECT * FROM shifts WHERE id = ?',
  movement: `SELECT m.id, p.sku, m.kind, m.quantity, m.at FROM stock_movements m JOIN products p ON p.id = m.product_id
    WHERE m.id = ?`,
};

const statements = namedStatements(outboxPayloadSql);

type OutboxRow = { seq: number; id: string; type: string; payload: string; created_at: number };
type Row = Record<string, unknown>;
type StockRow = { id: string; sku: string; kind: PayloadOf<'stock.moved'>['kind']; quantity: number; at: number };

/** The next records past `seq`, as the push body carries them. */
export function readUnsent(db: Database, afterSeq: number, limit: number): PushMutation[] {
  const rows = statements(db).after.all(afterSeq, limit) as OutboxRow[];
  return rows.map((row) => {
    const type = MutationType.parse(row.type);
    return { seq: row.seq, id: row.id, type, payload: payloadOf(db, type, row), createdAt: row.created_at };
  });
}

function payloadOf(db: Database, type: MutationType, row: OutboxRow): unknown {
  switch (type) {
    case 'order.paid':
      return orderPaid(db, row.id);
    case 'order.refunded':
      return orderRefunded(db, row.id);
    case 'shift.closed':
      return shiftClosed(db, row.id);
    case 'stock.moved':
      return { ...(statements(db).movement.get(row.id) as StockRow), ...JSON.parse(row.payload) };
    case 'product.sold_out':
    case 'online_order.step':
      return JSON.parse(row.payload);
    case 'voucher.redeemed':
    case 'voucher.reversed':
      return storedPayload(type, row.payload);
    default: {
      const unreachable: never = type;
      throw new Error(`no payload for ${String(unreachable)}`);
    }
  }
}

/**
 * A redemption's payload is written whole at enqueue: the order it discounts may be refunded and
 * the redemption row moved on before it is sent, and the platform must see what was decided then.
 * One that no longer reads as its schema goes as stored, so the platform refuses it by name and
 * the queue behind it moves on.
 */
function storedPayload(type: 'voucher.redeemed' | 'voucher.reversed', text: string): unknown {
  const raw: unknown = JSON.parse(text);
  const parsed = mutationPayloads[type].safeParse(raw);
  return parsed.success ? parsed.data : raw;
}

function orderPaid(db: Database, id: string): PayloadOf<'order.paid'> {
  const q = statements(db);
  const o = q.order.get(id) as Row;
  const split = discountsByLine(db, id);
  return {
    order: {
      id,
      number: o.number as string,
      businessDay: o.business_day as string,
      channel: o.channel as PayloadOf<'order.paid'>['order']['channel'],
      paidAt: o.paid_at as number,
      cashierName: o.cashier_name as string,
      itemCount: o.item_count as number,
      gross: o.gross as number,
      discount: o.discount as number,
      total: o.total as number,
      rounding: o.rounding as number,
      tax: o.tax as number,
      onlineOrderId: (o.online_order_id as string | null) ?? null,
    },
    lines: (q.orderLines.all(id) as Row[]).map((l) => ({
      lineNo: l.line_no as number,
      sku: l.sku as string,
      nameZh: l.name_zh as string,
      nameEn: l.name_en as string,
      quantityKind: l.quantity_kind as 'count' | 'weight' | 'priced',
      quantity: l.quantity as number,
      unitPrice: l.unit_price as number,
      gross: l.gross as number,
      discount: (l.line_discount as number) + (l.order_discount as number),
      net: l.net as number,
      tax: l.tax as number,
      discounts: split.get(l.line_no as number) ?? [],
      cost: (l.cost as number | null) ?? null,
    })),
    payments: q.payments.all(id) as PayloadOf<'order.paid'>['payments'],
    stock: q.orderStock.all({ id }) as StockRow[],
  };
}

function orderRefunded(db: Database, id: string): PayloadOf<'order.refunded'> {
  const q = statements(db);
  const r = q.refund.get(id) as Row;
  return {
    refund: {
      id,
      number: r.number as string,
      orderId: r.order_id as string,
      businessDay: r.business_day as string,
      amount: r.amount as number,
      at: r.at as number,
      reason: r.reason as string,
      staffName: r.staff_name as string,
    },
    lines: (q.refundLines.all(id) as Row[]).map((l) => ({
      lineNo: l.line_no as number,
      sku: l.sku as string,
      quantity: l.quantity as number,
      amount: l.amount as number,
    })),
    tenders: q.refundTenders.all(id) as PayloadOf<'order.refunded'>['tenders'],
    stock: q.refundStock.all({ id }) as StockRow[],
  };
}

function shiftClosed(db: Database, id: string): PayloadOf<'shift.closed'> {
  const s = statements(db).shift.get(id) as Row;
  return {
    shift: {
      id,
      businessDay: s.business_day as string,
      zNumber: s.z_number as number,
      openedAt: s.opened_at as number,
      closedAt: s.closed_at as number,
      float: s.float as number,
      countedCash: s.counted_cash as number,
      expectedCash: s.expected_cash as number,
    },
    zReport: JSON.parse(s.z_report as string) as Record<string, unknown>,
  };
}
