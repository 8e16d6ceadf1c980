import { afterAll, describe, expect, it } from 'vitest';
import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import type { Product } from '../../shared/contract/catalog';
import type { OnlineOrder } from '../../shared/contract/online-orders';
import type { OrderDetail } from '../../shared/contract/orders';
import type { SyncStatus } from '../../shared/contract/sync';
import { uuidv7 } from '../../shared/ids';
import { PointsRules } from '../../shared/members/points';
import type { IssuedVoucher } from '../../shared/vouchers/redemption-wire';
import { backends, processPairs } from '../platform/support/backends';
import { expectOk } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { startFaultProxy } from '../support/fault-proxy';
import { sampleCatalog, startPlatformGroup, waitFor } from '../support/platform-admin';
import {
  liveHolds,
  memberAtTills,
  pointsLedgers,
  setPointsRules,
  spendPoints,
  testPointsRules,
} from '../support/points';
import { seededRandom } from '../support/random';
import { tempDir } from '../support/temp-dir';
import { issueVoucher, lineFor, openShift, productBySku, sellWithVoucher, voucherStatus } from '../support/till';

/**
 * PROTOCOL.md's promise under a hostile network: a proxy drops requests and answers, delays,
 * answers 503 and delivers twice, and the platform restarts, while the till keeps selling. At the
 * end the platform holds exactly the till's records: none doubled, none missing — and a member's
 * points, earned on sales, spent (held online or decided offline) and reversed by refunds, are on
 * the platform's journal exactly as the till's records say. On PostgreSQL it
 * runs once more with two platform processes behind a round-robin, restarted one at a time.
 */
const seed = Number(process.env.COUNTER_FAULT_SEED ?? 20261127);
const actions = Number(process.env.COUNTER_FAULT_ACTIONS ?? 3_000);
const restartEvery = 750;

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe.each([...backends, ...processPairs])(`sync under injected faults (seed ${seed}) on $name`, (backend) => {
  it(`converges after ${actions} actions, faults on every fifth request and platform restarts`, async () => {
    const random = seededRandom(seed);
    const storage = await backend.freshStorage();
    cleanup.push(() => storage.dispose());
    const platform = await startPlatformGroup(storage.options, backend.processes);
    cleanup.push(() => platform.close());
    await platform.admin.putProducts(sampleCatalog());
    const { storeId, pairingCode } = await platform.admin.createStore('故障注入店');
    const proxy = await startFaultProxy(platform.url, { seed, faultRate: 0 });
    cleanup.push(() => proxy.close());

    const core = openCounterCore({
      dataDir: tempDir(),
      sync: { backoff: { firstMs: 20, maxMs: 250 }, requestTimeoutMs: 2_000, waitSeconds: 1 },
    });
    cleanup.push(() => core.close());
    const caller = async (request: Parameters<CounterCore['dispatch']>[0]) => core.dispatch(request);
    const people = await createDemo(caller);
    const owner = await signIn(caller, people.owner);
    const manager = await signIn(caller, people.manager);
    const cashier = await signIn(caller, people.cashier);
    const call = (method: string, input: unknown, token = cashier) =>
      core.dispatch({ method, input, sessionToken: token });
    const status = () => expectOk<SyncStatus>(call('sync.status', {}));
    expectOk(call('sync.pair', { platformUrl: proxy.url, code: pairingCode }, owner));
    await waitFor(() => status().link === 'online', 15_000, 'paired');
    const products = await waitFor(async () => {
      const found = await Promise.all(
        ['DRK-0001', 'SNK-0001', 'PLT-0001'].map((sku) => productBySku(caller, cashier, sku).catch(() => null)),
      );
      return found.every(Boolean) ? (found as Product[]) : undefined;
    });
    // Vouchers ride the same hostile network: a hold may be taken and its answer lost, a capture
    // delivered twice. Each is used once here, so each must end CONFIRMED, never lost.
    const { campaign } = await issueVoucher(platform.admin, { storeId });
    const vouchers = await platform.admin.request<{ vouchers: IssuedVoucher[] }>(
      'POST',
      `/v1/campaigns/${campaign.id}/vouchers`,
      { count: 40 },
    );
    const unused = vouchers.vouchers.map((v) => v.code);
    const redeemed: { redemptionId: string; voucherId: string }[] = [];
    await waitFor(() => core.environment.db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(campaign.id));
    const coffee = products.find((p) => p.sku === 'PLT-0001') as Product;
    // A member earns on some sales, spends on others and gets refunds, through the same faults.
    await setPointsRules(platform.admin, storeId);
    await waitFor(() => core.environment.db.prepare(`SELECT 1 FROM meta WHERE key = 'points_rules'`).get());
    const member = await memberAtTills(platform.admin, '13900005001', [
      { call: (method, input) => core.call({ method, input, sessionToken: cashier, locale: 'en' }) },
    ]);
    let pointsSpent = 0;
    proxy.setFaultRate(0.2);
    await openShift(caller, cashier, 0);

    const sales: { id: string; lines: number }[] = [];
    let restarts = 0;
    for (let i = 1; i <= actions; i++) {
      const roll = random.next();
      const product = random.pick(products);
      if (roll < 0.6) {
        const count = 1 + random.int(3);
        const lines = [lineFor(product, { kind: 'count', count })];
        const toMember = random.next() < 0.2;
        const { order } = expectOk<{ order: OrderDetail }>(
          call('orders.commit', {
            id: uuidv7(),
            cart: { lines, orderDiscount: null, coupons: [], ...(toMember ? { memberId: member } : {}) },
            tenders: [{ method: 'card', amount: product.price * count, reference: 'T1' }],
          }),
        );
        sales.push({ id: order.id, lines: 1 });
        // Points pay part of some of the member's sales: held online when the hold's answer
        // arrives, decided offline within the cap when it does not.
        if (toMember && random.next() < 0.4) {
          const points = 10 * (1 + random.int(5));
          const spent = await spendPoints({ core }, { memberId: member, orderId: order.id, points }, 'online');
          if (spent.kind !== 'refused') pointsSpent += points;
        }
      } else if (roll < 0.7 && sales.length > 0) {
        const sale = random.pick(sales);
        const input = {
          id: uuidv7(),
          orderId: sale.id,
          lines: [{ lineNo: 1, quantity: 1 }],
          to: 'original',
          reason: 'fault run',
        };
        const answer = call('orders.refund', input, manager);
        if (!answer.ok) expect(answer.error.code).toBe('refund_exceeds');
      } else if (roll < 0.85) {
        const kind = random.pick(['receive', 'waste', 'adjustment', 'count'] as const);
        const quantity = kind === 'adjustment' ? random.int(11) - 5 || 1 : random.int(30) + (kind === 'count' ? 0 : 1);
        const answer = call('stock.move', { id: uuidv7(), productId: product.id, kind, quantity }, manager);
        // Waste or a negative adjustment past what the ledger holds is refused, and then nothing is written.
        if (!answer.ok) expect(answer.error.code).toBe('stock_below_zero');
      } else if (roll < 0.93) {
        expectOk(call('stock.setSoldOut', { productId: product.id, soldOut: random.next() < 0.5 }));
      } else if (roll < 0.97) {
        await platform.admin.placeOnlineOrder(storeId, [{ sku: 'PLT-0001', quantity: 1 }]).catch(() => undefined);
      } else if (roll < 0.985 && unused.length > 0) {
        const code = unused.pop() as string;
        const redemptionId = uuidv7();
        const send = (method: string, input: unknown) => core.call({ method, input, sessionToken: cashier });
        const { order } = expectOk<{ order: OrderDetail }>(
          await sellWithVoucher(send, coffee, code, coffee.price - 500, redemptionId),
        );
        redeemed.push({ redemptionId, voucherId: order.coupons[0].voucherId });
      } else {
        expectOk(call('shift.close', { countedCash: 0 }));
        await openShift(caller, cashier, 0);
      }
      for (const placed of expectOk<OnlineOrder[]>(call('online.list', {})).filter((o) => o.status === 'placed')) {
        expectOk(call('online.accept', { id: placed.id }));
      }
      if (i % restartEvery === 0) {
        await platform.restart();
        restarts += 1;
      }
      // Let the sync run between actions now and then, as a real counter's pace would.
      if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }

    proxy.setFaultRate(0);
    await waitFor(
      () => {
        const now = status();
        return now.unsent === 0 && now.link === 'online';
      },
      60_000,
      'everything sent',
    );
    await waitFor(
      () => expectOk<OnlineOrder[]>(call('online.list', {})).every((o) => !o.pendingStep),
      20_000,
      'steps confirmed',
    );

    const db = core.environment.db;
    const ids = (sql: string) => (db.prepare(sql).pluck().all() as string[]).sort();
    const records = await platform.admin.records(storeId);
    const sorted = (list: string[]) => [...list].sort();
    expect(sorted(records.orders.map((o) => o.id))).toEqual(ids('SELECT id FROM orders'));
    expect(sorted(records.refunds.map((r) => r.id))).toEqual(ids('SELECT id FROM refunds'));
    expect(sorted(records.zReports.map((z) => `${z.zNumber}`))).toEqual(
      ids('SELECT CAST(z_number AS TEXT) FROM shifts WHERE z_number IS NOT NULL'),
    );
    expect(sorted(records.stockMovements.map((m) => `${m.id}:${m.quantity}`))).toEqual(
      ids(`SELECT id || ':' || quantity FROM stock_movements`),
    );
    expect(sorted(records.soldOut)).toEqual(ids('SELECT sku FROM products WHERE sold_out = 1'));
    expect(records.rejected).toEqual([]);
    const states = db.prepare(`SELECT state, count(*) AS n FROM redemptions GROUP BY state`).all() as {
      state: string;
      n: number;
    }[];
    expect(states).toEqual(redeemed.length > 0 ? [{ state: 'CONFIRMED', n: redeemed.length }] : []);
    expect(db.prepare('SELECT count(*) FROM loss_events').pluck().get()).toBe(0);
    for (const { redemptionId, voucherId } of redeemed.slice(0, 10)) {
      expect((await voucherStatus(platform.admin, voucherId)).redeemed?.redemptionId).toBe(redemptionId);
    }
    const rules = PointsRules.parse({
      earnPerYuan: testPointsRules.earnPerYuan,
      redemption: testPointsRules.redemption,
    });
    const points = await pointsLedgers(platform.admin, rules, member, [db]);
    expect(points.platform).toEqual(points.till);
    // A hold is left only where its answer and its release were both lost, never beside a spend.
    const spentOrders = new Set<string>(
      points.journal.movements.flatMap((m) => (m.kind === 'spend' ? [m.orderId] : [])),
    );
    expect(liveHolds(points.journal).filter((hold) => spentOrders.has(hold.orderId))).toEqual([]);
    expect(points.journal.movements.filter((m) => m.kind === 'spend').reduce((sum, m) => sum + m.points, 0)).toBe(
      pointsSpent,
    );
    // A spend lost for want of balance is a loss, and only then is the balance below zero.
    const overspent = points.losses.filter((loss) => loss.kind === 'overspent').reduce((sum, l) => sum + l.points, 0);
    expect(points.journal.balance + overspent).toBeGreaterThanOrEqual(0);
    const lastSeq = db.prepare('SELECT MAX(seq) FROM outbox').pluck().get() as number;
    expect(records.devices[0].lastSeq).toBe(lastSeq);
    // Only an offline points spend the balance could not cover comes back CONFLICT, a recorded loss.
    const unsent = db.prepare(`SELECT result_code FROM outbox WHERE state <> 'sent'`).pluck().all() as string[];
    expect(unsent.filter((code) => code !== 'points_spend_lost')).toEqual([]);
    expect(unsent.length).toBe(points.losses.filter((loss) => loss.kind === 'overspent').length);

    const faults = proxy.counts;
    console.log(
      `fault run seed ${seed}: ${lastSeq} mutations, ${redeemed.length} vouchers, ${points.journal.movements.length} points movements, ${restarts} platform restarts, faults ${JSON.stringify(faults)}`,
    );
    expect(lastSeq).toBeGreaterThan(actions * 0.8);
    expect(
      Math.min(faults.drop_request, faults.drop_response, faults.server_error, faults.deliver_twice),
    ).toBeGreaterThan(0);
    expect(restarts).toBe(Math.floor(actions / restartEvery));
  }, 300_000);
});
