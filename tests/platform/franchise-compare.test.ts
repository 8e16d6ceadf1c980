import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import type { FranchiseComparison, FranchiseFigures } from '../../shared/platform-api/franchise';
import { seededRandom } from '../../shared/seeded-random';
import type { OrderPaidPayload, OrderRefundedPayload, ShiftClosedPayload } from '../../shared/sync/mutations';
import type { CartVoidedPayload, DrawerOpenedPayload } from '../../shared/sync/till-activity-sync';
import { backends, usePlatform } from './support/backends';
import { product, Till } from './support/clients';
import { brandWithOwner, franchiseClient } from './support/franchise';
import { type Channel, refundOf, sale, shiftOf } from './support/store-history';

const DAY = '2025-03-14';
const BEFORE = '2025-03-13';
const HOUR = 3_600_000;
const CHANNELS = ['in_store', 'group_buy', 'online_pickup'] as const;

/** One sale as generated: the payload pushed and the device that rang it up. */
type Sale = { payload: OrderPaidPayload; deviceId: string; store: number };
type Refund = { payload: OrderRefundedPayload; store: number };
type Shift = { payload: ShiftClosedPayload; deviceId: string; store: number };
type Event = { kind: 'void' | 'no_sale'; amount: number; day: string; store: number };

// ---- the comparison computed again in plain code from the records pushed ----

const share = (part: number, total: number) => (total === 0 ? null : Math.round((part * 10_000) / total));

function figures(orders: OrderPaidPayload[], refunds: OrderRefundedPayload[]): FranchiseFigures {
  const ids = new Set(orders.map((o) => o.order.id));
  const gross = orders.reduce((s, o) => s + o.order.gross, 0);
  const discount = orders.reduce((s, o) => s + o.order.discount, 0);
  const refunded = refunds.filter((r) => ids.has(r.refund.orderId)).reduce((s, r) => s + r.refund.amount, 0);
  const net = gross - discount;
  return {
    orders: orders.length,
    items: orders.reduce((s, o) => s + o.order.itemCount, 0),
    gross,
    discount,
    net,
    tax: 0,
    refunded,
    netAfterRefunds: net - refunded,
    averageTicket: orders.length === 0 ? 0 : Math.round(net / orders.length),
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : Math.round((sorted[m - 1] + sorted[m]) / 2);
}

const floors: Record<string, number> = {
  discount: 200,
  refunds: 100,
  late_refunds: 50,
  voids: 100,
  no_sales: 100,
  cash_variance: 50,
  rounding: 20,
  price_overrides: 100,
};

type Raw = { sales: Sale[]; refunds: Refund[]; shifts: Shift[]; events: Event[] };

function expectedSignals(raw: Raw, storeCount: number) {
  const perStore = Array.from({ length: storeCount }, (_, store) => {
    const orders = raw.sales
      .filter((s) => s.store === store && s.payload.order.businessDay === DAY)
      .map((s) => s.payload);
    const refunds = raw.refunds
      .filter((r) => r.store === store && r.payload.refund.businessDay === DAY)
      .map((r) => r.payload);
    const gross = orders.reduce((s, o) => s + o.order.gross, 0);
    const discount = orders.reduce((s, o) => s + o.order.discount, 0);
    const net = gross - discount;
    const manual = orders.map((o) =>
      o.lines.flatMap((l) => l.discounts ?? []).filter((p) => p.kind === 'manual_line' || p.kind === 'manual_order'),
    );
    const late = refunds.filter((r) => {
      const sold = raw.sales.find((s) => s.payload.order.id === r.refund.orderId) as Sale;
      return raw.shifts.some(
        (z) =>
          z.deviceId === sold.deviceId &&
          z.payload.shift.openedAt <= sold.payload.order.paidAt &&
          z.payload.shift.closedAt >= sold.payload.order.paidAt &&
          z.payload.shift.closedAt < r.refund.at,
      );
    });
    const events = raw.events.filter((e) => e.store === store && e.day === DAY);
    const voids = events.filter((e) => e.kind === 'void');
    const shifts = raw.shifts
      .filter((z) => z.store === store && z.payload.shift.businessDay === DAY)
      .map((z) => z.payload.shift);
    const off = shifts.map((z) => z.countedCash - z.expectedCash);
    const given = -orders.reduce((s, o) => s + o.order.rounding, 0);
    const refundAmount = refunds.reduce((s, r) => s + r.refund.amount, 0);
    const lateAmount = late.reduce((s, r) => s + r.refund.amount, 0);
    const manualAmount = manual.flat().reduce((s, p) => s + p.amount, 0);
    const noSales = events.length - voids.length;
    return [
      {
        key: 'discount',
        count: orders.filter((o) => o.order.discount > 0).length,
        amount: discount,
        rateBp: share(discount, gross),
      },
      { key: 'refunds', count: refunds.length, amount: refundAmount, rateBp: share(refundAmount, net) },
      { key: 'late_refunds', count: late.length, amount: lateAmount, rateBp: share(lateAmount, net) },
      {
        key: 'voids',
        count: voids.length,
        amount: voids.reduce((s, e) => s + e.amount, 0),
        rateBp: share(voids.length, orders.length),
      },
      { key: 'no_sales', count: noSales, amount: null, rateBp: share(noSales, orders.length) },
      {
        key: 'cash_variance',
        count: off.filter((x) => x !== 0).length,
        amount: off.reduce((s, x) => s + x, 0),
        rateBp: share(
          off.reduce((s, x) => s + Math.abs(x), 0),
          shifts.reduce((s, z) => s + z.expectedCash, 0),
        ),
      },
      {
        key: 'rounding',
        count: orders.filter((o) => o.order.rounding !== 0).length,
        amount: given,
        rateBp: share(given, net),
      },
      {
        key: 'price_overrides',
        count: manual.filter((parts) => parts.length > 0).length,
        amount: manualAmount,
        rateBp: share(manualAmount, gross),
      },
    ];
  });
  return perStore.map((signals, s) =>
    signals.map((signal, i) => {
      const rates = (except: number | null) =>
        perStore.flatMap((other, o) => (o === except || other[i].rateBp === null ? [] : [other[i].rateBp as number]));
      const m = median(rates(null));
      const others = median(rates(s));
      const flagged =
        signal.rateBp !== null &&
        others !== null &&
        signal.rateBp - others >= floors[signal.key] &&
        signal.rateBp > 2 * others;
      return { ...signal, medianBp: m, flagged };
    }),
  );
}

describe.each(backends)('comparing stores on $name', (backend) => {
  const get = usePlatform(backend);

  it("computes every store's sales by channel and loss signals as the raw records say", async () => {
    const { url, admin } = get();
    const brand = await brandWithOwner(
      url,
      admin.token,
      'Brand C',
      ['C One', 'C Two', 'C Three'],
      'brand C owner password',
    );
    const other = await brandWithOwner(url, admin.token, 'Brand D', ['D One'], 'brand D owner password');
    await admin.products([product('DRK-0001')]);
    const tills = [
      await Till.pair(url, brand.stores[0].pairingCode, 'One A'),
      await Till.pair(url, brand.stores[1].pairingCode, 'Two A'),
      await Till.pair(url, brand.stores[2].pairingCode, 'Three A'),
      await Till.pair(url, other.stores[0].pairingCode, 'D A'),
    ];
    const random = seededRandom(16).next;
    const now = Date.now();
    const raw: Raw = { sales: [], refunds: [], shifts: [], events: [] };

    for (const [store, till] of tills.entries()) {
      const pushed = [];
      // The shift closed two hours ago; sales of its hours refunded after that are late.
      const shift = shiftOf(DAY, now - 10 * HOUR, now - 2 * HOUR, 50_000, 50_000 - [0, 1_500, 200, 9_999][store]);
      raw.shifts.push({ payload: shift, deviceId: till.deviceId, store });
      const count = [40, 25, 30, 10][store];
      for (let i = 0; i < count; i++) {
        const day = i % 5 === 0 ? BEFORE : DAY;
        const order = sale(random, day, CHANNELS[i % 3], now - 9 * HOUR + i * 60_000);
        raw.sales.push({ payload: order, deviceId: till.deviceId, store });
        pushed.push(till.next('order.paid', order, order.order.id));
      }
      pushed.push(till.next('shift.closed', shift, shift.shift.id));
      // Store two refunds after its shift closed; every store refunds one sale while it is open.
      const sold = raw.sales.filter((s) => s.store === store && s.payload.order.businessDay === DAY);
      const refunds = [refundOf(sold[1].payload, DAY, now - 8 * HOUR)];
      if (store === 1) refunds.push(...sold.slice(2, 6).map((s) => refundOf(s.payload, DAY, now - HOUR)));
      for (const refund of refunds) {
        raw.refunds.push({ payload: refund, store });
        pushed.push(till.next('order.refunded', refund, refund.refund.id));
      }
      // Store three voids and opens the drawer far more than the others.
      const voids = store === 2 ? 6 : 1;
      for (let i = 0; i < voids; i++) {
        const voided: CartVoidedPayload = {
          cartId: uuidv7(),
          at: now - 3 * HOUR,
          businessDay: DAY,
          staffName: '王芳',
          approverName: '李经理',
          amount: 500 + i,
          reason: 'customer left',
        };
        raw.events.push({ kind: 'void', amount: voided.amount, day: DAY, store });
        pushed.push(till.next('cart.voided', voided, voided.cartId));
      }
      for (let i = 0; i < (store === 2 ? 5 : 0); i++) {
        const opened: DrawerOpenedPayload = {
          id: uuidv7(),
          at: now - 3 * HOUR,
          businessDay: DAY,
          staffName: '王芳',
          approverName: null,
          reason: 'change',
        };
        raw.events.push({ kind: 'no_sale', amount: 0, day: DAY, store });
        pushed.push(till.next('drawer.opened', opened, opened.id));
      }
      const answer = await till.push(pushed);
      expect(answer.results.every((result) => result.status === 'APPLIED')).toBe(true);
    }

    // Sent again (a reply lost), each counts once; a "void" of a paid sale is refused.
    const again = raw.events.length;
    const three = tills[2];
    const voided: CartVoidedPayload = {
      cartId: uuidv7(),
      at: now - HOUR,
      businessDay: DAY,
      staffName: '王芳',
      approverName: null,
      amount: 700,
      reason: 'wrong items',
    };
    raw.events.push({ kind: 'void', amount: 700, day: DAY, store: 2 });
    const first = await three.push([three.next('cart.voided', voided, voided.cartId)]);
    const replay = await three.push([three.next('cart.voided', voided, voided.cartId)]);
    expect(first.results[0].status).toBe('APPLIED');
    expect(replay.results[0].status).toBe('DUPLICATE');
    const paidId = raw.sales.find((s) => s.store === 2)?.payload.order.id as string;
    const refused = await three.push([three.next('cart.voided', { ...voided, cartId: paidId }, paidId)]);
    expect(refused.results[0]).toMatchObject({ status: 'REJECTED', code: 'void_of_paid_sale' });
    expect(raw.events.length).toBe(again + 1);

    const owner = franchiseClient(url, { kind: 'owner', token: brand.session.token });
    const answer: FranchiseComparison = await owner.call('franchise.compare', {
      from: DAY,
      to: DAY,
      compareFrom: BEFORE,
      compareTo: BEFORE,
    });
    expect(answer.compared).toEqual({ from: BEFORE, to: BEFORE });
    expect(answer.stores.map((store) => store.name)).toEqual(['C One', 'C Two', 'C Three']);

    const signals = expectedSignals(raw, 3);
    for (const [store, shown] of answer.stores.entries()) {
      const of = (day: string, channel?: Channel) =>
        figures(
          raw.sales
            .filter((s) => s.store === store && s.payload.order.businessDay === day)
            .filter((s) => channel === undefined || s.payload.order.channel === channel)
            .map((s) => s.payload),
          raw.refunds.filter((r) => r.store === store).map((r) => r.payload),
        );
      expect(shown.current).toEqual(of(DAY));
      expect(shown.compared).toEqual(of(BEFORE));
      expect(shown.channels.map((c) => c.channel)).toEqual(['in_store', 'online_pickup', 'group_buy']);
      for (const channel of shown.channels) {
        expect(channel.current).toEqual(of(DAY, channel.channel as Channel));
        expect(channel.compared).toEqual(of(BEFORE, channel.channel as Channel));
      }
      // The channels add up to the store.
      expect(shown.channels.reduce((s, c) => s + c.current.netAfterRefunds, 0)).toBe(shown.current.netAfterRefunds);
      expect(shown.signals).toEqual(signals[store]);
    }
    const flagged = (store: number) => answer.stores[store].signals.filter((s) => s.flagged).map((s) => s.key);
    // The outliers built in above stand out, and are flagged by the rule, not by accident.
    expect(flagged(1)).toEqual(expect.arrayContaining(['late_refunds']));
    expect(flagged(2)).toEqual(expect.arrayContaining(['voids', 'no_sales']));
    expect(answer.stores[1].signals.find((s) => s.key === 'late_refunds')).toMatchObject({ count: 4 });

    // Without a compared span, nothing compared; brand D's store is in no answer of brand C's owner.
    const plain = await owner.call('franchise.compare', { from: DAY, to: DAY });
    expect(plain.compared).toBeNull();
    expect(plain.stores.every((store) => store.compared === null)).toBe(true);
    expect(JSON.stringify(plain)).not.toContain(other.stores[0].storeId);
    const theirs = await franchiseClient(url, { kind: 'owner', token: other.session.token }).call('franchise.compare', {
      from: DAY,
      to: DAY,
    });
    expect(theirs.stores.map((store) => store.name)).toEqual(['D One']);
    // One store: there are no others to stand out against.
    expect(theirs.stores[0].signals.some((s) => s.flagged)).toBe(false);
  });

  it('refuses a compared span with one end, or one that is not on the calendar, in words', async () => {
    const { url, admin } = get();
    const brand = await brandWithOwner(url, admin.token, 'Brand E', ['E One'], 'brand E owner password');
    const owner = franchiseClient(url, { kind: 'owner', token: brand.session.token });
    await expect(owner.call('franchise.compare', { from: DAY, to: DAY, compareFrom: BEFORE })).rejects.toMatchObject({
      status: 400,
      code: 'range_invalid',
    });
    await expect(
      owner.call('franchise.compare', { from: DAY, to: DAY, compareFrom: '2025-02-30', compareTo: '2025-03-01' }),
    ).rejects.toMatchObject({ status: 400, code: 'day_invalid' });
  });
});
