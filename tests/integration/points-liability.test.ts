import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/contract/catalog';
import type { PointsLiabilityView } from '../../shared/contract/member-report';
import { uuidv7 } from '../../shared/ids';
import { expectOk } from '../support/callers';
import { waitFor } from '../support/platform-admin';
import { memberAtTills, platformJournal, sellToMember } from '../support/points';
import type { FaultProxy, ProxiedStores, TestPlatform } from '../support/proxied-stores';
import { pulledProduct, startProxiedStores } from '../support/proxied-stores';
import type { PairedTill } from '../support/till';

/**
 * The points liability through the core (docs/reports.md, "Points liability"): a real platform over
 * HTTP and a till on a real SQLite file behind a proxy that can cut it off. Two sales to a member
 * earn points, a refund takes some back; the day's liability comes from the platform's journal,
 * adds up, is kept, and offline is shown as last fetched with the reason in both languages.
 */
let setup: ProxiedStores;
let platform: TestPlatform;
let proxy: FaultProxy;
let till: PairedTill;
let day: string;
let memberId: string;
let water: Product;

const today = () => ({ period: 'day', firstDay: day, comparison: null });
const liability = async (locale = 'en', sessionToken = till.tokens.manager) =>
  till.core.call({ method: 'reports.pointsLiability', input: today(), sessionToken, locale });

beforeAll(async () => {
  setup = await startProxiedStores([{ name: '积分负债店', seed: 9 }], { points: true });
  platform = setup.platform;
  [{ proxy, till }] = setup.stores;
  day = expectOk<{ store: { businessDay: string } }>(await till.call('app.status', {})).store.businessDay;
  memberId = await memberAtTills(platform.admin, '13700001357', [till]);
  water = await pulledProduct(till);
}, 90_000);

afterAll(() => setup?.close());

describe('Reports → Members: the points liability', () => {
  it('shows today’s earned and reversed points, the closing balance at its value, adding up', async () => {
    const first = await sellToMember(till.call, water, 20, memberId);
    await sellToMember(till.call, water, 10, memberId);
    expectOk(
      await till.call(
        'orders.refund',
        { id: uuidv7(), orderId: first.id, lines: [{ lineNo: 1, quantity: 5 }], to: 'original', reason: 'liability' },
        till.tokens.manager,
      ),
    );
    await waitFor(() => till.status().unsent === 0, 20_000, 'every record sent');
    const journal = await platformJournal(platform.admin, memberId);
    const view = expectOk<PointsLiabilityView>(await liability());
    if (view.status !== 'fetched') throw new Error(`not fetched: ${JSON.stringify(view)}`);
    expect(view.report.rate).toEqual({ blockPoints: 10, blockFen: 10 });
    const [today] = view.report.days;
    expect(today.day).toBe(day);
    const earned = journal.movements.reduce((s, m) => s + (m.kind === 'earn' ? m.points : 0), 0);
    const takenBack = journal.movements.reduce((s, m) => s + (m.kind === 'reverse' ? m.takeBack - m.giveBack : 0), 0);
    expect(earned).toBeGreaterThan(0);
    expect(takenBack).toBeGreaterThan(0);
    expect(today.earned).toEqual({ points: earned, value: earned });
    expect(today.reversed).toEqual({ points: -takenBack, value: -takenBack });
    expect(today.here.earned.points).toBe(earned);
    expect(today.closing).toEqual({ points: journal.balance, value: journal.balance });
    expect(today.opening.points + today.earned.points + today.reversed.points).toBe(today.closing.points);
    expect(today.rounding).toBe(0);
    // A cashier does not see the store's figures (DOMAIN.md, roles).
    expect(await liability('en', till.tokens.cashier)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('offline, says it needs the platform and shows the figures as last fetched, in both languages', async () => {
    const fetched = expectOk<PointsLiabilityView>(await liability());
    if (fetched.status !== 'fetched') throw new Error('not fetched');
    proxy.setRefusing(true);
    try {
      const offline = expectOk<PointsLiabilityView>(await liability());
      expect(offline).toMatchObject({ status: 'unavailable', reason: 'unreachable' });
      if (offline.status !== 'unavailable') throw new Error('answered');
      expect(offline.message).toContain('Member figures need the platform');
      expect(offline.last).toEqual({ report: fetched.report, fetchedAt: fetched.fetchedAt });
      const zh = expectOk<PointsLiabilityView>(await liability('zh-CN'));
      expect(zh.status === 'unavailable' && zh.message).toContain('会员数据需要连接平台');
    } finally {
      proxy.setRefusing(false);
    }
    const dispatched = expectOk<PointsLiabilityView>(
      till.dispatch('reports.pointsLiability', today(), till.tokens.manager),
    );
    expect(dispatched).toMatchObject({ status: 'unavailable', last: { fetchedAt: fetched.fetchedAt } });
  });
});
