import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail, RefundSummary } from '../../shared/contract/orders';
import { uuidv7 } from '../../shared/ids';
import { PointsRules } from '../../shared/members/points';
import { expectOk } from '../support/callers';
import { waitFor } from '../support/platform-admin';
import {
  memberAtTills,
  platformJournal,
  pointsLedgers,
  pointsLosses,
  sellToMember,
  testPointsRules,
} from '../support/points';
import type { FaultProxy, ProxiedStores, TestPlatform } from '../support/proxied-stores';
import { pulledProduct, settled, startProxiedStores } from '../support/proxied-stores';
import type { PairedTill } from '../support/till';

/**
 * The points tender (积分抵现, docs/members.md "The points tender") through the core on a real
 * SQLite file and a real platform over HTTP, behind a proxy that can cut the till off: online the
 * points are held first and the spend captures the hold; offline they are spent provisionally up to
 * the offline allowance; a refund gives them back in proportion.
 */
let setup: ProxiedStores;
let platform: TestPlatform;
let proxy: FaultProxy;
let till: PairedTill;
let water: Product;
const rules = PointsRules.parse({ earnPerYuan: testPointsRules.earnPerYuan, redemption: testPointsRules.redemption });

beforeAll(async () => {
  setup = await startProxiedStores([{ name: '积分抵现店', seed: 7 }], { points: true });
  platform = setup.platform;
  [{ proxy, till }] = setup.stores;
  water = await pulledProduct(till);
}, 60_000);

afterAll(() => setup?.close());

const cachedPoints = (memberId: string) =>
  till.core.environment.db.prepare('SELECT points FROM members WHERE id = ?').pluck().get(memberId);

/** A member with `count` waters' worth of points, known to the till with that balance. */
async function memberWithPoints(phone: string, count: number) {
  const member = await memberAtTills(platform.admin, phone, [till]);
  await sellToMember(till.call, water, count, member);
  await settled(till);
  const earned = Math.floor((water.price * count) / 100);
  await waitFor(() => cachedPoints(member) === earned, 20_000, 'balance on the till');
  return { member, earned };
}

/** A sale of `count` waters to the member, `points` of it paid in points (10 points pay 10 fen), the rest by card. */
const payWithPoints = (memberId: string, count: number, points: number, send = till.call) =>
  send('orders.commit', {
    id: uuidv7(),
    cart: {
      lines: [
        {
          lineId: uuidv7(),
          productId: water.id,
          unitPrice: water.price,
          taxRateBp: water.taxRateBp,
          quantity: { kind: 'count', count },
          discount: null,
        },
      ],
      memberId,
    },
    tenders: [
      { method: 'points', points, amount: points },
      { method: 'card', amount: water.price * count - points, reference: 'PT1' },
    ],
  });

const errorCodeOf = (envelope: unknown) => (envelope as { error?: { code?: string } }).error?.code;

const outboxSpends = () =>
  (
    till.core.environment.db
      .prepare(`SELECT payload FROM outbox WHERE type = 'points.spent' ORDER BY seq`)
      .pluck()
      .all() as string[]
  ).map(
    (payload) =>
      JSON.parse(payload) as { orderId: string; points: number; holdId: string | null; provisional: boolean },
  );

const ordersWritten = () => till.core.environment.db.prepare('SELECT count(*) FROM orders').pluck().get();

async function ledgersAgree(memberId: string) {
  const ledgers = await pointsLedgers(platform.admin, rules, memberId, [till.core.environment.db]);
  expect(ledgers.platform).toEqual(ledgers.till);
  return ledgers;
}

describe('the points tender', () => {
  it('online: holds the points first, writes the points payment, and the spend captures the hold; it earns only on money', async () => {
    const { member, earned } = await memberWithPoints('13900015001', 20);
    // What the dialog pre-fills: the most the order takes on the balance, and offline on the cap.
    const due = water.price * 2;
    const whole = (points: number) => Math.floor(points / 10) * 10;
    expect(expectOk(await till.call('members.pointsOffer', { memberId: member, due }))).toEqual({
      kind: 'on',
      balance: earned,
      online: { points: whole(Math.min(earned, due)), fen: whole(Math.min(earned, due)) },
      offline: {
        points: whole(Math.min(earned, testPointsRules.offlineCap, due)),
        fen: whole(Math.min(earned, testPointsRules.offlineCap, due)),
      },
      allowance: Math.min(earned, testPointsRules.offlineCap),
      blockPoints: 10,
      blockFen: 10,
    });
    const order = expectOk<{ order: OrderDetail }>(await payWithPoints(member, 2, 100)).order;
    expect(order.payments).toEqual([
      expect.objectContaining({ method: 'points', amount: 100, points: 100 }),
      expect.objectContaining({ method: 'card', amount: water.price * 2 - 100, points: null }),
    ]);
    // The balance the platform held from, the points used and earned, and the balance after, kept with the sale.
    const earnedHere = Math.floor((water.price * 2 - 100) / 100);
    const after = earned - 100 + earnedHere;
    expect(order.member?.points).toEqual({ before: earned, used: 100, earned: earnedHere, after, known: 'online' });
    // The receipt says what points paid, what the sale earns on the money, and the balance after it.
    const { html } = expectOk<{ html: string }>(await till.call('orders.receipt', { id: order.id }));
    expect(html).toMatch(/Points used.*?>100</);
    expect(html).toMatch(new RegExp(`Points earned.*?>${earnedHere}<`));
    expect(html).toMatch(new RegExp(`Points balance.*?>${after}<`));
    expect(html).not.toContain('As last known');
    // The same on a reprint, in Chinese, whatever the cache has heard since.
    const zh = expectOk<{ html: string }>(
      await till.core.call({
        method: 'orders.reprint',
        input: { id: order.id },
        sessionToken: till.tokens.manager,
        locale: 'zh-CN',
      }),
    );
    expect(zh.html).toMatch(new RegExp(`积分余额.*?>${after}<`));
    const [spend] = outboxSpends().filter((s) => s.orderId === order.id);
    expect(spend).toMatchObject({ points: 100, provisional: false });
    expect(spend.holdId).not.toBeNull();
    await settled(till);
    const journal = await platformJournal(platform.admin, member);
    const earnedNow = Math.floor((water.price * 2 - 100) / 100);
    expect(journal).toMatchObject({ balance: earned - 100 + earnedNow, held: 0 });
    // The sale (and its earning) goes up first, then the spend that captures the hold.
    expect(journal.movements.map((m) => m.kind)).toEqual(['earn', 'hold', 'earn', 'spend']);
    expect(journal.movements.find((m) => m.kind === 'spend')).toMatchObject({ holdId: spend.holdId });
    await ledgersAgree(member);
  });

  it('refuses in the cashier’s words and writes nothing: odd points, past the balance, no member', async () => {
    const { member, earned } = await memberWithPoints('13900015002', 3);
    const before = ordersWritten();
    const odd = await payWithPoints(member, 1, 15);
    expect(errorCodeOf(odd)).toBe('points_not_whole_blocks');
    const tooMany = Math.ceil((earned + 1) / 10) * 10;
    const short = await payWithPoints(member, 3, Math.min(tooMany, water.price * 3));
    expect(errorCodeOf(short)).toBe('points_short');
    expect(JSON.stringify(short)).toContain('points');
    const nobody = await till.call('orders.commit', {
      id: uuidv7(),
      cart: {
        lines: [
          {
            lineId: uuidv7(),
            productId: water.id,
            unitPrice: water.price,
            taxRateBp: water.taxRateBp,
            quantity: { kind: 'count', count: 1 },
            discount: null,
          },
        ],
      },
      tenders: [
        { method: 'points', points: 10, amount: 10 },
        { method: 'card', amount: water.price - 10, reference: 'PT2' },
      ],
    });
    expect(errorCodeOf(nobody)).toBe('points_need_member');
    const wrongValue = await payWithPoints(member, 1, 10, (method, input) =>
      till.call(method, {
        ...(input as object),
        tenders: [
          { method: 'points', points: 10, amount: 20 },
          { method: 'card', amount: water.price - 20, reference: 'PT3' },
        ],
      }),
    );
    expect(errorCodeOf(wrongValue)).toBe('points_value_changed');
    expect(ordersWritten()).toBe(before);
    await settled(till);
    expect((await platformJournal(platform.admin, member)).held).toBe(0);
  });

  it('offline: spends provisionally up to the lower of the cached balance and the offline cap', async () => {
    const { member, earned } = await memberWithPoints('13900015003', 20);
    const cap = testPointsRules.offlineCap;
    expect(earned).toBeGreaterThan(cap);
    proxy.setRefusing(true);
    try {
      const over = await payWithPoints(member, 20, cap + 10);
      expect(errorCodeOf(over)).toBe('points_over_balance');
      const order = expectOk<{ order: OrderDetail }>(await payWithPoints(member, 20, cap)).order;
      // The balance as last known here, the spend provisional: the receipt says so.
      const earnedHere = Math.floor((water.price * 20 - cap) / 100);
      expect(order.member?.points).toEqual({
        before: earned,
        used: cap,
        earned: earnedHere,
        after: earned - cap + earnedHere,
        known: 'offline',
      });
      const { html } = expectOk<{ html: string }>(await till.call('orders.receipt', { id: order.id }));
      expect(html).toMatch(new RegExp(`Points balance.*?>${earned - cap + earnedHere}<`));
      expect(html).toContain('As last known at this till; to be confirmed by the platform');
      expect(outboxSpends().find((s) => s.orderId === order.id)).toMatchObject({
        points: cap,
        holdId: null,
        provisional: true,
      });
      // The allowance is the member's, not each sale's: the spend still waiting here counts against
      // it, so a second sale at this till cannot spend the same points again.
      const written = ordersWritten();
      expect(errorCodeOf(await payWithPoints(member, 20, 10))).toBe('points_over_balance');
      expect(ordersWritten()).toBe(written);
      expect(
        expectOk<{ allowance: number }>(await till.call('members.pointsOffer', { memberId: member, due: 500 })),
      ).toMatchObject({ allowance: 0 });
    } finally {
      proxy.setRefusing(false);
    }
    await settled(till);
    const journal = await platformJournal(platform.admin, member);
    expect(journal.balance).toBe(earned - cap + Math.floor((water.price * 20 - cap) / 100));
    expect(journal.movements.find((m) => m.kind === 'spend')).toMatchObject({ provisional: true });
    expect((await pointsLosses(platform.admin)).filter((loss) => loss.memberId === member)).toEqual([]);
    await ledgersAgree(member);
  });

  it('a refund gives the spent points back in proportion, as points, never as cash', async () => {
    const { member, earned } = await memberWithPoints('13900015004', 20);
    const order = expectOk<{ order: OrderDetail }>(await payWithPoints(member, 4, 200)).order;
    await settled(till);
    const refund = (quantity: number) =>
      till.call(
        'orders.refund',
        { id: uuidv7(), orderId: order.id, lines: [{ lineNo: 1, quantity }], to: 'cash', reason: 'points tender test' },
        till.tokens.manager,
      );
    type Refunded = { refund: RefundSummary };
    const earnedHere = Math.floor((water.price * 4 - 200) / 100);
    const first = expectOk<Refunded>(await refund(1));
    expect(first.refund.tenders).toEqual(
      expect.arrayContaining([
        { method: 'points', amount: 50 },
        { method: 'cash', amount: water.price - 50 },
      ]),
    );
    // A quarter of the money: a quarter of the spent points back, of the earned points taken back.
    expect(first.refund.points).toEqual({ givenBack: 50, takenBack: Math.floor(earnedHere / 4) });
    const second = expectOk<Refunded>(await refund(3));
    expect(second.refund.tenders).toEqual(
      expect.arrayContaining([
        { method: 'points', amount: 150 },
        { method: 'cash', amount: water.price * 3 - 150 },
      ]),
    );
    expect(second.refund.points).toEqual({ givenBack: 150, takenBack: earnedHere - Math.floor(earnedHere / 4) });
    // Each refund's tenders add up to its amount to the fen, and the two give back the whole order.
    for (const each of [first, second]) {
      expect(each.refund.tenders.reduce((sum, t) => sum + t.amount, 0)).toBe(each.refund.amount);
    }
    expect(first.refund.amount + second.refund.amount).toBe(order.total);
    const slip = expectOk<{ html: string }>(
      await till.call('orders.receipt', { id: order.id, refundId: second.refund.id }),
    );
    expect(slip.html).toMatch(/Points given back.*?>150</);
    await settled(till);
    const journal = await platformJournal(platform.admin, member);
    // Everything given back: the 200 points return, what the sale earned is taken back.
    expect(journal).toMatchObject({ balance: earned, held: 0 });
    // The platform reversed exactly what the till's refunds said they would.
    const reversals = journal.movements.flatMap((m) =>
      m.kind === 'reverse' ? [{ givenBack: m.giveBack, takenBack: m.takeBack }] : [],
    );
    expect(reversals).toEqual([first.refund.points, second.refund.points]);
    await ledgersAgree(member);
  });
});
