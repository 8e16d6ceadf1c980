import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../../shared/ids';
import { seededRandom } from '../../support/random';

/** Figures for one business day, tallied in JS while its rows are generated: the third opinion. */
export type DayTally = {
  businessDay: string;
  orders: number;
  items: number;
  gross: number;
  discounts: number;
  net: number;
  tax: number;
  refunds: { amount: number; count: number };
  byMethod: Map<string, { amount: number; count: number }>;
  byChannel: Map<string, { orders: number; net: number }>;
  byHour: Map<number, { orders: number; net: number }>;
};

export type History = { days: string[]; perDay: number[]; busiestDay: string; busiest: DayTally; refunds: number };

const dayMs = 86_400_000;
/** The demo store's zone: Asia/Shanghai is UTC+8 all year (no DST), cut-off 04:00. */
const zoneOffsetMs = 8 * 3_600_000;
const cutoffMs = 4 * 3_600_000;
/** Trading hours 07–22 local, with a lunch and an after-work peak. */
const hourWeights = [0, 0, 0, 0, 0, 0, 0, 3, 6, 5, 4, 6, 9, 8, 5, 4, 5, 7, 9, 8, 6, 4, 2, 0];
const hourPicker = cumulative(hourWeights);

function cumulative(weights: number[]): (r: number) => number {
  const total = weights.reduce((a, b) => a + b, 0);
  let running = 0;
  const edges = weights.map((w) => {
    running += w / total;
    return running;
  });
  return (r) => {
    const index = edges.findIndex((edge) => r < edge);
    return index === -1 ? edges.length - 1 : index;
  };
}

/** Local date of (local time − cut-off), as `businessDayOf` computes it, for a fixed-offset zone. */
function businessDayAt(epochMs: number): string {
  return new Date(epochMs + zoneOffsetMs - cutoffMs).toISOString().slice(0, 10);
}

function emptyTally(businessDay: string): DayTally {
  return {
    businessDay,
    orders: 0,
    items: 0,
    gross: 0,
    discounts: 0,
    net: 0,
    tax: 0,
    refunds: { amount: 0, count: 0 },
    byMethod: new Map(),
    byChannel: new Map(),
    byHour: new Map(),
  };
}

/**
 * Writes `total` paid orders with their payments (and a few refunds) spread over 365 business days
 * ending `lastDay`, straight into the tables with prepared statements, one transaction per 50,000
 * orders. Rows obey the schema (constraints, foreign keys, per-day numbering, order counters, one
 * closed shift per day); lines, stock movements and outbox rows are left out because no day figure
 * reads them. Seeded: the same size gives the same store.
 */
export function writeOrderHistory(db: Database, total: number, lastDay = '2026-10-31'): History {
  const random = seededRandom(365);
  const deviceId = (db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get() as string) ?? 'bench';
  const staff = db.prepare("SELECT id, name FROM staff WHERE role IN ('cashier', 'manager')").all() as {
    id: string;
    name: string;
  }[];
  if (staff.length === 0) throw new Error('the store has no staff to sell');

  // Orders per day: weekends busier, a handful of holiday peaks, noise; scaled to exactly `total`.
  const lastNoon = Date.parse(`${lastDay}T12:00:00Z`);
  const days = Array.from({ length: 365 }, (_, i) => new Date(lastNoon - (364 - i) * dayMs).toISOString().slice(0, 10));
  const weights = days.map((day) => {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 1.35 : weekday === 5 ? 1.15 : 1;
    return weekend * (0.75 + random.next() * 0.5);
  });
  for (const peak of [40, 41, 150, 151, 152, 300]) weights[peak] *= 2.2;
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const perDay = weights.map((w) => Math.floor((w / weightSum) * total));
  let shortfall = total - perDay.reduce((a, b) => a + b, 0);
  for (let i = 0; shortfall > 0; i = (i + 1) % perDay.length, shortfall--) perDay[i] += 1;
  const busiestIndex = perDay.indexOf(Math.max(...perDay));
  const busiestDay = days[busiestIndex];
  const busiest = emptyTally(busiestDay);

  const insertShift = db.prepare(`INSERT INTO shifts (id, device_id, business_day, opened_by, opened_at, float,
      closed_by, closed_at, z_number, counted_cash, expected_cash) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, 0, 0)`);
  const insertOrder = db.prepare(`INSERT INTO orders (id, number, device_id, business_day, channel, shift_id,
      cashier_id, cashier_name, approver_name, paid_at, hour, item_count, gross, discount, order_discount_reason,
      total, rounding, tax, methods, request_digest)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`);
  const insertPayment = db.prepare(`INSERT INTO payments (order_id, seq, method, amount, tendered, change, reference,
      business_day, shift_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertRefund = db.prepare(`INSERT INTO refunds (id, number, order_id, device_id, business_day, shift_id,
      staff_id, staff_name, approver_name, reason, amount, at, request_digest)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 'customer returned goods', ?, ?, ?)`);
  const insertCounter = db.prepare('INSERT INTO order_counters (device_id, business_day, last) VALUES (?, ?, ?)');

  const batch = 50_000;
  let pending = 0;
  let refunds = 0;
  let refundNumber = 0;
  db.exec('BEGIN');
  try {
    days.forEach((day, dayIndex) => {
      const count = perDay[dayIndex];
      const dayStartUtc = Date.parse(`${day}T00:00:00Z`) - zoneOffsetMs;
      const shiftId = uuidv7(dayStartUtc + 7 * 3_600_000);
      const opener = staff[dayIndex % staff.length];
      insertShift.run(
        shiftId,
        deviceId,
        day,
        opener.id,
        dayStartUtc + 7 * 3_600_000,
        opener.id,
        dayStartUtc + 23 * 3_600_000,
        dayIndex + 1,
      );
      const times = Array.from({ length: count }, () => {
        const hour = hourPicker(random.next());
        return dayStartUtc + hour * 3_600_000 + random.int(3_600_000);
      }).sort((a, b) => a - b);
      const tally = day === busiestDay ? busiest : null;
      times.forEach((paidAt, i) => {
        const id = uuidv7(paidAt);
        const hour = new Date(paidAt + zoneOffsetMs).getUTCHours();
        const cashier = staff[random.int(staff.length)];
        const channelRoll = random.next();
        const channel =
          channelRoll < 0.85
            ? 'in_store'
            : channelRoll < 0.93
              ? 'online_delivery'
              : channelRoll < 0.98
                ? 'online_pickup'
                : 'group_buy';
        const items = 1 + random.int(8);
        let gross = 0;
        for (let k = 0; k < items; k++) gross += 150 + random.int(4_850);
        const discount = random.next() < 0.08 ? Math.floor(gross / 10) : 0;
        const net = gross - discount;
        const tax = Math.round((net * 1_300) / 11_300);
        const payments: [string, number, number | null, number | null, string | null][] = [];
        if (channel !== 'in_store') payments.push(['platform_prepaid', net, null, null, `P${i}`]);
        else {
          const roll = random.next();
          if (roll < 0.3) {
            const tendered = Math.ceil((net + 1) / 1_000) * 1_000;
            payments.push(['cash', net, tendered, tendered - net, null]);
          } else if (roll < 0.5) payments.push(['card', net, null, null, `C${i}`]);
          else if (roll < 0.95 || net < 2) payments.push(['wallet', net, null, null, `W${i}`]);
          else {
            const card = Math.floor(net / 2);
            payments.push(['card', card, null, null, `C${i}`], ['cash', net - card, net - card, 0, null]);
          }
        }
        const methods = [...new Set(payments.map((p) => p[0]))].join(',');
        insertOrder.run(
          id,
          `A-${String(i + 1).padStart(4, '0')}`,
          deviceId,
          day,
          channel,
          shiftId,
          cashier.id,
          cashier.name,
          paidAt,
          hour,
          items,
          gross,
          discount,
          discount > 0 ? 'damaged packaging' : null,
          net,
          tax,
          methods,
          id,
        );
        payments.forEach(([method, amount, tendered, change, reference], seq) => {
          insertPayment.run(id, seq + 1, method, amount, tendered, change, reference, day, shiftId);
        });
        if (tally) {
          tally.orders += 1;
          tally.items += items;
          tally.gross += gross;
          tally.discounts += discount;
          tally.net += net;
          tally.tax += tax;
          for (const [method, amount] of payments) {
            const m = tally.byMethod.get(method) ?? { amount: 0, count: 0 };
            m.amount += amount;
            m.count += 1;
            tally.byMethod.set(method, m);
          }
          const c = tally.byChannel.get(channel) ?? { orders: 0, net: 0 };
          c.orders += 1;
          c.net += net;
          tally.byChannel.set(channel, c);
          const h = tally.byHour.get(hour) ?? { orders: 0, net: 0 };
          h.orders += 1;
          h.net += net;
          tally.byHour.set(hour, h);
        }
        // One order in 200 comes back within two hours, sometimes after the cut-off: the next day's refund.
        if (random.int(200) === 0) {
          const at = paidAt + random.int(2 * 3_600_000);
          const amount = 1 + random.int(net);
          const refundDay = businessDayAt(at);
          refundNumber += 1;
          const refundId = uuidv7(at);
          insertRefund.run(
            refundId,
            `R-${refundNumber}`,
            id,
            deviceId,
            refundDay,
            shiftId,
            cashier.id,
            cashier.name,
            amount,
            at,
            refundId,
          );
          refunds += 1;
          if (refundDay === busiestDay) {
            busiest.refunds.amount += amount;
            busiest.refunds.count += 1;
          }
        }
        pending += 1;
        if (pending >= batch) {
          db.exec('COMMIT');
          db.exec('BEGIN');
          pending = 0;
        }
      });
      if (count > 0) insertCounter.run(deviceId, day, count);
    });
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return { days, perDay, busiestDay, busiest, refunds };
}
