import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { applyPragmas } from '../../../electron/core/db/open-database';
import { uuidv7 } from '../../../shared/ids';

type Row = Record<string, unknown>;

/** Everything one `orders.commit` wrote, as rows, to be written again under new ids. */
export type OrderRows = {
  order: Row;
  lines: Row[];
  payments: Row[];
  movements: Row[];
  outbox: Row[];
  audit: Row[];
};

/** The rows the core wrote for these orders: order, lines, payments, stock movements, outbox, audit entry. */
export function readOrderRows(db: Database, orderIds: readonly string[]): OrderRows[] {
  const q = {
    order: db.prepare('SELECT * FROM orders WHERE id = ?'),
    lines: db.prepare('SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no'),
    payments: db.prepare('SELECT * FROM payments WHERE order_id = ? ORDER BY seq'),
    movements: db.prepare('SELECT * FROM stock_movements WHERE order_id = ?'),
    outbox: db.prepare('SELECT * FROM outbox WHERE id = ?'),
    audit: db.prepare('SELECT * FROM audit_log WHERE subject = ?'),
  };
  return orderIds.map((id) => ({
    order: q.order.get(id) as Row,
    lines: q.lines.all(id) as Row[],
    payments: q.payments.all(id) as Row[],
    movements: q.movements.all(id) as Row[],
    outbox: q.outbox.all(id) as Row[],
    audit: q.audit.all(`order:${id}`) as Row[],
  }));
}

function insertFor(db: Database, table: string, row: Row, omit: string[] = []): Statement {
  const columns = Object.keys(row).filter((column) => !omit.includes(column));
  return db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
}

/**
 * Plain better-sqlite3 on a copy of the core's database (same tables, indexes and triggers), with
 * the core's own pragmas (WAL, synchronous=FULL): each order's rows from `templates` inserted again
 * under new ids, one transaction per order, statements prepared once, no validation, pricing,
 * hashing or JSON. The floor a commit cannot go below on this disk: what the core adds is the rest.
 */
export function openRawOrderWriter(copyPath: string, templates: readonly OrderRows[]) {
  const db = new BetterSqlite3(copyPath);
  applyPragmas(db);
  const sample = templates[0];
  const q = {
    order: insertFor(db, 'orders', sample.order),
    line: insertFor(db, 'order_lines', sample.lines[0]),
    payment: insertFor(db, 'payments', sample.payments[0]),
    movement: insertFor(db, 'stock_movements', sample.movements[0]),
    outbox: insertFor(db, 'outbox', sample.outbox[0], ['seq']),
    audit: insertFor(db, 'audit_log', sample.audit[0], ['seq']),
    head: db.prepare(
      'INSERT INTO audit_head (singleton, seq, hash) VALUES (1, @seq, @hash) ON CONFLICT (singleton) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
    ),
    counter: db.prepare(
      'INSERT INTO order_counters (device_id, business_day, last) VALUES (?, ?, 1) ON CONFLICT (device_id, business_day) DO UPDATE SET last = last + 1',
    ),
  };
  let next = 0;
  const write = db.transaction((t: OrderRows) => {
    const id = uuidv7();
    q.counter.run(t.order.device_id, t.order.business_day);
    q.order.run({ ...t.order, id, number: `R-${next}` });
    for (const line of t.lines) q.line.run({ ...line, order_id: id });
    for (const payment of t.payments) q.payment.run({ ...payment, order_id: id });
    for (const movement of t.movements) q.movement.run({ ...movement, id: uuidv7(), order_id: id });
    for (const entry of t.outbox) q.outbox.run({ ...entry, id });
    for (const entry of t.audit) {
      const { lastInsertRowid } = q.audit.run({ ...entry, subject: `order:${id}` });
      q.head.run({ seq: lastInsertRowid, hash: entry.hash });
    }
  });
  return {
    /** Writes the next template's rows as a new order. */
    commit(): void {
      write(templates[next++ % templates.length]);
    },
    close(): void {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
