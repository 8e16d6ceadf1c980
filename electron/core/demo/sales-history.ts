import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../../shared/ids';
import { lineCost } from '../../../shared/reports/line-cost';
import { addDays, spanEnd } from '../../../shared/reports/periods';
import { allocate, mulDivRound } from '../../../shared/rounding';
import { seededRandom } from '../../../shared/seeded-random';
import { orderStatements } from '../orders/order-records';
import { readStore } from '../store/store-records';
import { historySettlements } from './history-settlement';

/**
 * Months or years of a store's sales, seeded, written straight into a till's database with the
 * core's own statements (as many rows a second as SQLite takes, where selling each through the
 * core would take hours): channels, split payments, coupons from a few campaigns, manual
 * discounts, goods by weight, and refunds a few days later. The demo store's past weeks, and the
 * reports' benchmarks and independent-computation tests; the store (catalog, staff) must exist.
 * These are sample records: they move no stock, write no audit entries and are never sent to the
 * platform (their device is "history").
 */
/** The device the sample records name: nothing on a real till or the platform is called so. */
export const SAMPLE_DEVICE = 'history';

/**
 * `orders` planned over `days` business days up to `lastDay`; with `until` (epoch ms) those planned
 * after it, and refunds that would come after it, are not written: a history reaching today stops
 * at the present, and none of it lies in the future.
 */
export type HistoryOptions = {
  orders: number;
  days: number;
  lastDay: string;
  seed: number;
  until?: number;
  /**
   * Orders per transaction. Orders fall on random days, so each batch touches index pages all over
   * the file and each commit writes them all again: a bench writing millions takes far more.
   */
  batchOrders?: number;
};

type Random = ReturnType<typeof seededRandom>;
type Product = {
  id: string;
  sku: string;
  name_zh: string;
  name_en: string;
  unit: 'each' | 'kg';
  price: number;
  cost: number;
  tax_rate_bp: number;
};
type Staff = { id: string; name: string };
/** A line as sold: `orderShare` is its part of the manual order discount. */
type Line = {
  product: Product;
  quantity: number;
  gross: number;
  lineDiscount: number;
  coupon: number;
  orderShare: number;
};
type Order = {
  id: string;
  day: string;
  hour: number;
  paidAt: number;
  channel: string;
  cashier: Staff;
  lines: Line[];
  payments: { method: string; amount: number }[];
};

const channels = [
  ['in_store', 70],
  ['online_delivery', 12],
  ['online_pickup', 8],
  ['group_buy', 10],
] as const;
const campaigns = ['立减5元', '满50减8', '会员9折', '新品尝鲜', '周末特惠', '早餐套餐'];
// Lunch and dinner peaks, as a franchise's day is shaped.
const hours = [7, 8, 9, 10, 11, 11, 12, 12, 12, 13, 13, 14, 15, 16, 17, 17, 18, 18, 18, 19, 19, 20, 21, 22];

const sum = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((s, item) => s + value(item), 0);
const net = (line: Line) => line.gross - line.lineDiscount - line.coupon - line.orderShare;
const tax = (line: Line) => mulDivRound(net(line), line.product.tax_rate_bp, 10_000 + line.product.tax_rate_bp);
// A line's coupon comes from the campaign its SKU falls to, so each campaign has goods of its own.
const campaignOf = (line: Line) => 1 + (line.product.sku.charCodeAt(line.product.sku.length - 1) % campaigns.length);

export function writeOrderHistory(db: Database, options: HistoryOptions): { orders: number; refunds: number } {
  const random = seededRandom(options.seed);
  const store = readStore(db, Date.now());
  if (!store) throw new Error('sales history needs a store');
  const clock = { timeZone: store.timeZone, cutoffHour: store.dayCutoffHour };
  const products = db.prepare('SELECT * FROM products WHERE active = 1 ORDER BY sku').all() as Product[];
  const staff = db.prepare("SELECT id, name FROM staff WHERE role <> 'owner' ORDER BY id").all() as Staff[];
  const write = writers(db);
  const settle = historySettlements(db, options.seed);
  const until = options.until ?? Number.POSITIVE_INFINITY;
  let orders = 0;
  let refunds = 0;
  const batch = db.transaction((count: number) => {
    for (let i = 0; i < count; i += 1) {
      // Planned in full either way, so the orders before `until` are the same with or without it.
      const order = planOrder(random, options, products, staff, clock);
      const refund = random.next() < 0.03 ? { lineNo: 1 + random.int(order.lines.length), after: random.int(4) } : null;
      if (order.paidAt > until) continue;
      write.order(order);
      orders += 1;
      settle({ id: order.id, channel: order.channel, total: sum(order.lines, net) });
      if (refund && order.paidAt + refund.after * DAY_MS <= until) {
        write.refund(order, refund.lineNo, refund.after);
        refunds += 1;
      }
    }
  });
  const perBatch = options.batchOrders ?? 10_000;
  for (let done = 0; done < options.orders; done += perBatch) batch(Math.min(perBatch, options.orders - done));
  return { orders, refunds };
}

type Clock = { timeZone: string; cutoffHour: number };
const DAY_MS = 86_400_000;

function planOrder(random: Random, options: HistoryOptions, products: Product[], staff: Staff[], clock: Clock): Order {
  const day = addDays(options.lastDay, -random.int(options.days));
  const hour = random.pick(hours);
  // The local clock hour, minutes into the business day that starts at the cut-off.
  const minute = ((hour - clock.cutoffHour + 24) % 24) * 60 + random.int(60);
  const start = spanEnd({ from: day, to: day, untilMinute: minute }, clock.timeZone, clock.cutoffHour) as number;
  const paidAt = start + random.int(60) * 1_000;
  const channel = weighted(random, channels);
  const lines = planLines(random, products);
  const left = lines.map((l) => l.gross - l.lineDiscount - l.coupon);
  const orderDiscount =
    random.next() < 0.05
      ? Math.min(
          100 * (1 + random.int(5)),
          sum(left, (x) => x),
        )
      : 0;
  const shares = allocate(orderDiscount, left);
  const sold = lines.map((line, i) => ({ ...line, orderShare: shares[i] }));
  const total = sum(sold, net);
  return {
    id: uuidv7(paidAt),
    day,
    hour,
    paidAt,
    channel,
    cashier: random.pick(staff),
    lines: sold,
    payments: planPayments(random, channel, total),
  };
}

function planLines(random: Random, products: Product[]): Line[] {
  return Array.from({ length: 1 + random.int(5) }, () => {
    const product = random.pick(products);
    const quantity = product.unit === 'kg' ? 200 + random.int(1_300) : 1 + random.int(3);
    const gross = product.unit === 'kg' ? mulDivRound(product.price, quantity, 1_000) : product.price * quantity;
    const lineDiscount = random.next() < 0.04 ? mulDivRound(gross, 1_000, 10_000) : 0;
    const coupon = random.next() < 0.15 ? Math.min(500, gross - lineDiscount) : 0;
    return { product, quantity, gross, lineDiscount, coupon, orderShare: 0 };
  });
}

function planPayments(random: Random, channel: string, total: number) {
  if (channel !== 'in_store') return [{ method: 'platform_prepaid', amount: total }];
  if (total > 1 && random.next() < 0.1) {
    const cash = 1 + random.int(total - 1);
    return [
      { method: 'cash', amount: cash },
      { method: 'wallet', amount: total - cash },
    ];
  }
  return [{ method: random.pick(['cash', 'card', 'wallet', 'wallet']), amount: total }];
}

function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  let left = random.int(100);
  for (const [value, weight] of choices) {
    left -= weight;
    if (left < 0) return value;
  }
  return choices[0][0];
}

function writers(db: Database) {
  const q = orderStatements(db);
  const refund = db.prepare(`INSERT INTO refunds (id, number, order_id, device_id, business_day, staff_id,
      staff_name, reason, amount, at, request_digest) VALUES (?, ?, ?, 'history', ?, ?, ?, '', ?, ?, 'history')`);
  const refundLine = db.prepare(
    'INSERT INTO refund_lines (refund_id, order_id, line_no, quantity, amount) VALUES (?, ?, ?, ?, ?)',
  );
  const refundTender = db.prepare('INSERT INTO refund_tenders (refund_id, method, amount) VALUES (?, ?, ?)');
  // The coupons' vouchers, redeemed on the order as the platform confirmed them, so the campaign
  // table counts vouchers redeemed as it does for real sales.
  const redemption = db.prepare(`INSERT INTO redemptions (id, voucher_id, campaign_id, campaign_name, type, code,
      amount, state, mode, order_id, staff_id, business_day, decided_at, settled_at)
    VALUES (?, ?, ?, ?, 'cash_off', ?, ?, 'CONFIRMED', 'online', ?, ?, ?, ?, ?)`);
  const numbers = new Map<string, number>();
  const nextNumber = (day: string) => {
    const next = (numbers.get(day) ?? 0) + 1;
    numbers.set(day, next);
    return next;
  };
  return {
    order(order: Order) {
      const gross = sum(order.lines, (l) => l.gross);
      const total = sum(order.lines, net);
      const orderDiscount = sum(order.lines, (l) => l.orderShare);
      q.insertOrder.run({
        id: order.id,
        number: `H${String(nextNumber(order.day)).padStart(5, '0')}`,
        deviceId: SAMPLE_DEVICE,
        businessDay: order.day,
        channel: order.channel,
        shiftId: null,
        cashierId: order.cashier.id,
        cashierName: order.cashier.name,
        approverName: null,
        paidAt: order.paidAt,
        hour: order.hour,
        itemCount: sum(order.lines, (l) => (l.product.unit === 'kg' ? 1 : l.quantity)),
        gross,
        discount: gross - total,
        orderDiscountReason: orderDiscount > 0 ? '老顾客' : null,
        total,
        rounding: 0,
        tax: sum(order.lines, tax),
        methods: [...new Set(order.payments.map((p) => p.method))].join(','),
        requestDigest: 'history',
      });
      for (const [i, line] of order.lines.entries()) writeLine(q, order, line, i + 1);
      const coupons = new Map<number, number>();
      for (const line of order.lines)
        if (line.coupon > 0) coupons.set(campaignOf(line), (coupons.get(campaignOf(line)) ?? 0) + line.coupon);
      for (const [campaignId, amount] of coupons) {
        const id = uuidv7(order.paidAt);
        const name = campaigns[campaignId - 1];
        const code = `H${id.slice(-10).toUpperCase()}`;
        redemption.run(
          id,
          `history-${id}`,
          campaignId,
          name,
          code,
          amount,
          order.id,
          order.cashier.id,
          order.day,
          order.paidAt,
          order.paidAt,
        );
      }
      order.payments.forEach((payment, i) => {
        const cash = payment.method === 'cash';
        q.insertPayment.run({
          orderId: order.id,
          seq: i + 1,
          ...payment,
          tendered: cash ? payment.amount : null,
          change: cash ? 0 : null,
          reference: null,
          businessDay: order.day,
          shiftId: null,
          points: null,
        });
      });
    },
    /** The whole of one line given back `after` days, to the first tender. */
    refund(order: Order, lineNo: number, after: number) {
      const line = order.lines[lineNo - 1];
      const id = uuidv7(order.paidAt);
      const day = addDays(order.day, after);
      const amount = net(line);
      refund.run(
        id,
        `H-R${id.slice(-6)}`,
        order.id,
        day,
        order.cashier.id,
        order.cashier.name,
        amount,
        order.paidAt + after * DAY_MS,
      );
      refundLine.run(id, order.id, lineNo, line.quantity, amount);
      if (amount > 0) refundTender.run(id, order.payments[0].method, amount);
    },
  };
}

function writeLine(q: ReturnType<typeof orderStatements>, order: Order, line: Line, lineNo: number): void {
  q.insertLine.run({
    orderId: order.id,
    lineNo,
    lineId: uuidv7(order.paidAt),
    productId: line.product.id,
    sku: line.product.sku,
    nameZh: line.product.name_zh,
    nameEn: line.product.name_en,
    unit: line.product.unit,
    quantityKind: line.product.unit === 'kg' ? 'weight' : 'count',
    quantity: line.quantity,
    unitPrice: line.product.price,
    gross: line.gross,
    lineDiscount: line.lineDiscount,
    orderDiscount: line.coupon + line.orderShare,
    couponDiscount: line.coupon,
    // The sample history has no members.
    memberDiscount: 0,
    discountReason: line.lineDiscount > 0 ? '临期' : null,
    net: net(line),
    taxRateBp: line.product.tax_rate_bp,
    tax: tax(line),
    cost: lineCost(line.product.cost, line.product.unit, line.quantity),
  });
  const parts: [string, number | null, string | null, number][] = [
    ['manual_line', null, null, line.lineDiscount],
    ['coupon', campaignOf(line), campaigns[campaignOf(line) - 1], line.coupon],
    ['manual_order', null, null, line.orderShare],
  ];
  let seq = 0;
  for (const [source, campaignId, campaignName, amount] of parts) {
    if (amount === 0) continue;
    seq += 1;
    q.insertDiscount.run({
      orderId: order.id,
      lineNo,
      seq,
      businessDay: order.day,
      source,
      campaignId,
      campaignName,
      amount,
    });
  }
}
