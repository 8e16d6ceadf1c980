import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { readOrderDetail, readOrderRow } from '../../electron/core/orders/order-records';
import { daySummary } from '../../electron/core/reports/day-summary';
import { migrationsDir, storeBefore } from '../support/store-before';

const day = '2026-11-30';

type Line = { gross: number; lineDiscount: number; orderDiscount: number; coupon: number; quantity?: number };
type Redemption = { campaignId: number; name: string; amount: number; state?: string; type?: string };

/** A store as the release before this migration left it, with orders written the way that release wrote them. */
function oldStore(): { dataDir: string; db: Database } {
  const { dataDir, db } = storeBefore('discount_sources');
  db.exec(`INSERT INTO staff (id, name, role, pin_hash, pin_salt, created_at, updated_at)
      VALUES ('s1', '小王', 'cashier', x'00', x'00', 0, 0);
    INSERT INTO categories (id, name_zh, name_en, created_at, updated_at) VALUES ('c', '饮料', 'Drinks', 0, 0);
    INSERT INTO products (id, category_id, sku, name_zh, name_en, price, cost, tax_rate_bp, unit, created_at, updated_at)
      VALUES ('p1', 'c', 'DRK-1', '水', 'Water', 500, 100, 1300, 'each', 0, 0);`);
  return { dataDir, db };
}

function oldOrder(
  db: Database,
  id: string,
  lines: Line[],
  redemptions: Redemption[] = [],
  reason: string | null = null,
) {
  const gross = lines.reduce((s, l) => s + l.gross, 0);
  const discount = lines.reduce((s, l) => s + l.lineDiscount + l.orderDiscount, 0);
  db.prepare(
    `INSERT INTO orders (id, number, device_id, business_day, channel, cashier_id, cashier_name, paid_at, hour,
      item_count, gross, discount, order_discount_reason, total, rounding, tax, methods, request_digest)
     VALUES (?, ?, 'dev', ?, 'in_store', 's1', '小王', 0, 10, ?, ?, ?, ?, ?, 0, 0, 'cash', 'd')`,
  ).run(id, `A-${id}`, day, lines.length, gross, discount, reason, gross - discount);
  lines.forEach((l, i) => {
    db.prepare(
      `INSERT INTO order_lines (order_id, line_no, line_id, product_id, sku, name_zh, name_en, unit, quantity_kind,
        quantity, unit_price, gross, line_discount, order_discount, coupon_discount, discount_reason, net, tax_rate_bp, tax)
       VALUES (?, ?, ?, 'p1', 'DRK-1', '水', 'Water', 'each', 'count', ?, 500, ?, ?, ?, ?, NULL, ?, 1300, 0)`,
    ).run(
      id,
      i + 1,
      `${id}-${i}`,
      l.quantity ?? 1,
      l.gross,
      l.lineDiscount,
      l.orderDiscount,
      l.coupon,
      l.gross - l.lineDiscount - l.orderDiscount,
    );
  });
  redemptions.forEach((r, i) => {
    db.prepare(
      `INSERT INTO redemptions (id, voucher_id, campaign_id, campaign_name, type, code, amount, state, mode, order_id,
        staff_id, business_day, decided_at) VALUES (?, ?, ?, ?, ?, 'CP1', ?, ?, 'online', ?, 's1', ?, ?)`,
    ).run(
      `${id}-r${i}`,
      `v${i}`,
      r.campaignId,
      r.name,
      r.type ?? 'cash_off',
      r.amount,
      r.state ?? 'CONFIRMED',
      id,
      day,
      i,
    );
  });
}

function split(db: Database, orderId: string) {
  return db
    .prepare(
      `SELECT line_no, source, campaign_id, campaign_name, amount FROM order_discounts WHERE order_id = ?
       ORDER BY line_no, seq`,
    )
    .all(orderId);
}

describe('migration 0005 (discount sources)', () => {
  it('splits the discounts existing orders stored by source, a coupon by its campaign, and keeps each order adding up', () => {
    const { dataDir, db: old } = oldStore();
    // One coupon campaign, a manual line discount and a manual order discount with a reason; a
    // refused attempt of another campaign took nothing.
    oldOrder(
      old,
      'a',
      [
        { gross: 1_000, lineDiscount: 100, orderDiscount: 150, coupon: 100, quantity: 2 },
        { gross: 500, lineDiscount: 0, orderDiscount: 75, coupon: 50 },
      ],
      [
        { campaignId: 7, name: '立减1.5元', amount: 150 },
        { campaignId: 9, name: '满100减20', amount: 0, state: 'REJECTED' },
      ],
      '老顾客',
    );
    // Two campaigns over three lines: each line keeps its coupon share, each campaign its amount.
    oldOrder(
      old,
      'b',
      [
        { gross: 1_000, lineDiscount: 0, orderDiscount: 300, coupon: 300 },
        { gross: 800, lineDiscount: 0, orderDiscount: 200, coupon: 200 },
        { gross: 400, lineDiscount: 0, orderDiscount: 100, coupon: 100 },
      ],
      [
        { campaignId: 3, name: '满减', amount: 250 },
        { campaignId: 8, name: '九折', amount: 200 },
        { campaignId: 8, name: '九折', amount: 150, state: 'REVERSED' },
      ],
    );
    // A group-buy voucher paid for its order: no discount at all.
    oldOrder(
      old,
      'c',
      [{ gross: 3_000, lineDiscount: 0, orderDiscount: 0, coupon: 0 }],
      [{ campaignId: 5, name: '双人套餐', amount: 3_000, type: 'group_buy' }],
    );
    // A coupon share with no redemption left to name its campaign.
    oldOrder(old, 'd', [{ gross: 600, lineDiscount: 0, orderDiscount: 80, coupon: 80 }]);
    old.exec(`INSERT INTO refunds (id, number, order_id, device_id, business_day, staff_id, staff_name, reason, amount,
        at, request_digest) VALUES ('r1', 'A-a-R1', 'a', 'dev', '${day}', 's1', '小王', 'broken', 375, 1, 'd');
      INSERT INTO refund_lines (refund_id, order_id, line_no, quantity, amount) VALUES ('r1', 'a', 1, 1, 375);`);
    old.close();

    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(split(db, 'a')).toEqual([
      { line_no: 1, source: 'manual_line', campaign_id: null, campaign_name: null, amount: 100 },
      { line_no: 1, source: 'manual_order', campaign_id: null, campaign_name: null, amount: 50 },
      { line_no: 1, source: 'coupon', campaign_id: 7, campaign_name: '立减1.5元', amount: 100 },
      { line_no: 2, source: 'manual_order', campaign_id: null, campaign_name: null, amount: 25 },
      { line_no: 2, source: 'coupon', campaign_id: 7, campaign_name: '立减1.5元', amount: 50 },
    ]);
    expect(split(db, 'b')).toEqual([
      { line_no: 1, source: 'coupon', campaign_id: 3, campaign_name: '满减', amount: 250 },
      { line_no: 1, source: 'coupon', campaign_id: 8, campaign_name: '九折', amount: 50 },
      { line_no: 2, source: 'coupon', campaign_id: 8, campaign_name: '九折', amount: 200 },
      { line_no: 3, source: 'coupon', campaign_id: 8, campaign_name: '九折', amount: 100 },
    ]);
    expect(split(db, 'c')).toEqual([]);
    expect(split(db, 'd')).toEqual([{ line_no: 1, source: 'coupon', campaign_id: 0, campaign_name: '', amount: 80 }]);

    // Read back as the screens and the receipt read it.
    const detail = (id: string) => {
      const row = readOrderRow(db, id);
      if (!row) throw new Error(`no order ${id}`);
      return readOrderDetail(db, row);
    };
    const a = detail('a');
    expect(a.discounts).toEqual([
      { kind: 'manual_line', amount: 100 },
      { kind: 'coupon', campaignId: 7, campaignName: '立减1.5元', amount: 150 },
      { kind: 'manual_order', amount: 75 },
    ]);
    // Half of line 1 went back: half of each of its sources with it.
    expect(a.refunds[0].discounts).toEqual([
      { kind: 'manual_line', amount: 50 },
      { kind: 'coupon', campaignId: 7, campaignName: '立减1.5元', amount: 50 },
      { kind: 'manual_order', amount: 25 },
    ]);
    for (const id of ['a', 'b', 'c', 'd']) {
      const order = detail(id);
      expect(order.discounts.reduce((s, d) => s + d.amount, 0)).toBe(order.discount);
    }
    const summary = daySummary(db, day, 'CNY');
    expect(summary.discountsBySource).toEqual([
      { kind: 'manual_line', amount: 100 },
      { kind: 'coupon', campaignId: 0, campaignName: '', amount: 80 },
      { kind: 'coupon', campaignId: 3, campaignName: '满减', amount: 250 },
      { kind: 'coupon', campaignId: 7, campaignName: '立减1.5元', amount: 150 },
      { kind: 'coupon', campaignId: 8, campaignName: '九折', amount: 350 },
      { kind: 'manual_order', amount: 75 },
    ]);
    expect(summary.discountsBySource.reduce((s, d) => s + d.amount, 0)).toBe(summary.discounts);
    expect(() => db.prepare("DELETE FROM order_discounts WHERE order_id = 'a'").run()).toThrow(/never deleted/);
    db.close();
  });
});
