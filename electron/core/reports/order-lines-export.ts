import type { Database } from 'better-sqlite3';
import type { ExportCursor, ExportLine, OrderLinesPage, OrderLinesRequest } from '../../../shared/contract/line-export';
import type { Channel } from '../../../shared/contract/orders';
import type { Money } from '../../../shared/money';
import { namedStatements } from '../db/open-database';
import { refuseBadSpan } from './report-spans';

type LineRow = {
  id: string;
  business_day: string;
  paid_at: number;
  number: string;
  channel: Channel;
  cashier_name: string;
  line_no: number;
  sku: string;
  name_zh: string;
  name_en: string;
  category_zh: string | null;
  category_en: string | null;
  quantity: number;
  unit: string;
  unit_price: number;
  gross: number;
  discount: number;
  net: number;
  tax: number;
  cost: number | null;
};

const statements = namedStatements({
  // One day's orders after the cursor, by id (UUIDv7: the order they were made in), then their
  // lines: the day is found by the day index and only its orders are sorted.
  lines: `SELECT o.id, o.business_day, o.paid_at, o.number, o.channel, o.cashier_name, l.line_no, l.sku, l.name_zh,
      l.name_en, c.name_zh AS category_zh, c.name_en AS category_en, l.quantity, l.unit, l.unit_price, l.gross,
      l.line_discount + l.order_discount AS discount, l.net, l.tax, l.cost
    FROM (SELECT id, business_day, paid_at, number, channel, cashier_name FROM orders
          WHERE business_day = @day AND id > @after ORDER BY id LIMIT @orders) o
    JOIN order_lines l ON l.order_id = o.id
    LEFT JOIN products p ON p.id = l.product_id LEFT JOIN categories c ON c.id = p.category_id
    ORDER BY o.id, l.line_no`,
  nextDay: 'SELECT min(business_day) FROM orders WHERE business_day > @day AND business_day <= @lastDay',
  firstDay: 'SELECT min(business_day) FROM orders WHERE business_day >= @firstDay AND business_day <= @lastDay',
  total: 'SELECT count(*) FROM orders WHERE business_day BETWEEN @firstDay AND @lastDay',
});

function rowToExportLine(row: LineRow): ExportLine {
  return {
    businessDay: row.business_day,
    paidAt: row.paid_at,
    orderNumber: row.number,
    channel: row.channel,
    cashierName: row.cashier_name,
    lineNo: row.line_no,
    sku: row.sku,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    categoryZh: row.category_zh ?? '',
    categoryEn: row.category_en ?? '',
    quantity: row.quantity,
    unit: row.unit,
    unitPrice: row.unit_price as Money,
    gross: row.gross as Money,
    discount: row.discount as Money,
    net: row.net as Money,
    tax: row.tax as Money,
    cost: row.cost as Money | null,
  };
}

/**
 * A page of the range's order lines: up to `orders` whole orders (never half of one), day after
 * day, and where the next page starts. A page costs one day's sort at most, so an export of a year
 * is many short reads, never one long one, and its memory is one page.
 */
export function orderLinesPage(db: Database, request: OrderLinesRequest): OrderLinesPage {
  const { firstDay, lastDay } = request;
  refuseBadSpan({ from: firstDay, to: lastDay });
  const q = statements(db);
  const lines: ExportLine[] = [];
  let orders = 0;
  let day: string | null = request.after?.day ?? (q.firstDay.pluck().get({ firstDay, lastDay }) as string | null);
  let after = request.after?.orderId ?? '';
  let next: ExportCursor | null = null;
  while (day !== null && day <= lastDay) {
    const rows = q.lines.all({ day, after, orders: request.orders - orders }) as LineRow[];
    let last = '';
    for (const row of rows) {
      if (row.id !== last) orders += 1;
      last = row.id;
      lines.push(rowToExportLine(row));
    }
    if (orders >= request.orders) {
      next = { day, orderId: last };
      break;
    }
    day = q.nextDay.pluck().get({ day, lastDay }) as string | null;
    after = '';
  }
  const totalOrders = request.after ? null : (q.total.pluck().get({ firstDay, lastDay }) as number);
  return { lines, next, totalOrders, orders };
}
