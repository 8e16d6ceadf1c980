import type { Database } from 'better-sqlite3';
import type { PayloadOf } from '../../../shared/sync/mutations';
import { namedStatements } from '../db/open-database';
import { orderMemberId, orderMemberSql } from '../members/order-member';
import type { TillDomain } from '../sync/till-domain';
import { discountsByLine } from './order-records';

/**
 * Sales, refunds and Z reports go to the platform as copies of their immutable local records,
 * read when sent: the outbox row names the record and carries nothing else.
 */
const saleOutboxSql = {
  order: `SELECT o.*, (SELECT id FROM online_orders WHERE order_id = o.id) AS online_order_id
    FROM orders o WHERE o.id = ?`,
  orderLines: 'SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no',
  payments: 'SELECT method, amount, reference, points FROM payments WHERE order_id = ? ORDER BY seq',
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
};

const statements = namedStatements(saleOutboxSql);

type Row = Record<string, unknown>;
type StockRow = { id: string; sku: string; kind: PayloadOf<'stock.moved'>['kind']; quantity: number; at: number };
/** A payment as the wire carries it: `points` only on a points payment, so other sales read as before. */
type PaymentRow = Omit<PayloadOf<'order.paid'>['payments'][number], 'points'> & { points: number | null };

export const saleTill: TillDomain<never, 'order.paid' | 'order.refunded' | 'shift.closed'> = {
  streams: {},
  mutations: {
    'order.paid': { payload: (db, row) => orderPaid(db, row.id) },
    'order.refunded': { payload: (db, row) => orderRefunded(db, row.id) },
    'shift.closed': { payload: (db, row) => shiftClosed(db, row.id) },
  },
  payloadSql: { ...saleOutboxSql, ...orderMemberSql },
};

function orderPaid(db: Database, id: string): PayloadOf<'order.paid'> {
  const q = statements(db);
  const o = q.order.get(id) as Row;
  const split = discountsByLine(db, id);
  const memberId = orderMemberId(db, id);
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
      // Only when there is one: a sale without a member reads as it did before members.
      ...(memberId ? { memberId } : {}),
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
    payments: (q.payments.all(id) as PaymentRow[]).map(({ points, ...payment }) =>
      points === null ? payment : { ...payment, points },
    ),
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
