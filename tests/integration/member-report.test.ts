import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberReportView } from '../../shared/contract/member-report';
import type { MemberCard } from '../../shared/contract/members';
import type { OnlineOrder } from '../../shared/contract/online-orders';
import { uuidv7 } from '../../shared/ids';
import type { MemberAdminView } from '../../shared/members/member-wire';
import { OnlineOrderWire } from '../../shared/sync/wire';
import { expectOk } from '../support/callers';
import { waitFor } from '../support/platform-admin';
import type { FaultProxy, ProxiedStores, TestPlatform } from '../support/proxied-stores';
import { pulledProduct, startProxiedStores } from '../support/proxied-stores';
import { lineFor, type PairedTill } from '../support/till';

/**
 * Reports → Members through the core (docs/reports.md, "Members"): a real platform over HTTP and a
 * till on a real SQLite file behind a proxy that can cut it off. Two sales at the counter and an
 * online order placed by the member are the member's; the figures come from the platform, are kept,
 * and offline the till says they need the platform and shows them as last fetched. The scored
 * member's value segment reaches the cashier's hint with the store's own recency bands.
 */
let setup: ProxiedStores;
let platform: TestPlatform;
let proxy: FaultProxy;
let till: PairedTill;
let storeId: string;
let day: string;
let member: MemberAdminView;

const month = () => ({ period: 'month', firstDay: day, comparison: null });
const membersReport = async (locale = 'en') =>
  expectOk<MemberReportView>(
    await till.core.call({
      method: 'reports.members',
      input: month(),
      sessionToken: till.tokens.manager,
      locale,
    }),
  );

beforeAll(async () => {
  setup = await startProxiedStores([{ name: '会员报表店', seed: 5 }]);
  platform = setup.platform;
  [{ storeId, proxy, till }] = setup.stores;
  day = expectOk<{ store: { businessDay: string } }>(await till.call('app.status', {})).store.businessDay;
  member = (
    await platform.admin.request<{ member: MemberAdminView }>('POST', '/v1/admin/members', {
      phone: '13700002468',
      consent: true,
    })
  ).member;
  expectOk<MemberCard>(await till.call('members.lookup', { phone: '13700002468' }));
  const water = await pulledProduct(till);
  for (const [count, memberId] of [
    [2, member.id],
    [4, member.id],
    [1, undefined],
  ] as const) {
    expectOk(
      await till.call('orders.commit', {
        id: uuidv7(),
        cart: { lines: [lineFor(water, { kind: 'count', count })], ...(memberId ? { memberId } : {}) },
        tenders: [{ method: 'card', amount: water.price * count, reference: 'M' }],
      }),
    );
  }
  const placed = OnlineOrderWire.parse(
    await platform.admin.request('POST', '/v1/online-orders', {
      storeId,
      channel: 'online_pickup',
      items: [{ sku: 'DRK-0001', quantity: 3 }],
      memberId: member.id,
    }),
  );
  await waitFor(async () =>
    expectOk<OnlineOrder[]>(await till.call('online.list', {})).some((o) => o.id === placed.id),
  );
  expectOk(await till.call('online.accept', { id: placed.id }));
  await waitFor(() => till.status().unsent === 0, 20_000, 'every record sent');
}, 90_000);

afterAll(() => setup?.close());

describe('Reports → Members', () => {
  it('fetches the platform’s figures: the member’s counter and online sales, out of the store’s', async () => {
    const orders = await platform.admin.request<{ member: MemberAdminView }>('GET', `/v1/admin/members/${member.id}`);
    expect(orders.member.orders).toBe(3);
    const view = await membersReport();
    if (view.status !== 'fetched') throw new Error(`not fetched: ${JSON.stringify(view)}`);
    const { period } = view.report;
    expect(period).toMatchObject({
      members: 1,
      newMembers: 1,
      returningMembers: 0,
      repeatMembers: 1,
      memberOrders: 3,
      storeOrders: 4,
    });
    expect(period.memberSales).toBeGreaterThan(0);
    expect(period.storeSales).toBeGreaterThan(period.memberSales);
    expect(view.report.scoredAt).toBeNull();
    expect(view.report.unscored.members).toBe(1);
    expect(view.report.cohorts.at(-1)).toMatchObject({ month: day.slice(0, 7), members: 1 });
    // A cashier does not see members' segments (DOMAIN.md, roles).
    const forbidden = await till.call('reports.members', month(), till.tokens.cashier);
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('scores the member, and the hint names the value segment with the store’s recency bands', async () => {
    await platform.admin.request('PUT', `/v1/admin/stores/${storeId}/segments`, { storeType: 'convenience' });
    const run = await platform.admin.request<{ population: number }>('POST', '/v1/admin/members/score', {});
    expect(run.population).toBe(1);
    await waitFor(
      () =>
        till.core.environment.db.prepare('SELECT value_segment FROM members WHERE id = ?').pluck().get(member.id) !==
          null && till.core.environment.db.prepare('SELECT recency_bands FROM member_policy').pluck().get() !== null,
      20_000,
      'the score and the bands pulled',
    );
    // One member is every fifth at once: the lowest of each, so low value.
    const card = expectOk<MemberCard>(await till.call('members.lookup', { phone: '13700002468' }));
    expect(card.hint).toBe('active — visited today · low value');
    const view = await membersReport();
    if (view.status !== 'fetched') throw new Error('not fetched');
    expect(view.report.settings).toMatchObject({ storeType: 'convenience', chosen: true });
    expect(view.report.grid.find((c) => c.value === 'low' && c.band === 'active')).toMatchObject({ members: 1 });
  });

  it('offline, says the figures need the platform and shows them as last fetched, in both languages', async () => {
    const fetched = await membersReport();
    if (fetched.status !== 'fetched') throw new Error('not fetched');
    proxy.setRefusing(true);
    try {
      const offline = await membersReport();
      expect(offline).toMatchObject({ status: 'unavailable', reason: 'unreachable' });
      if (offline.status !== 'unavailable') throw new Error('answered');
      expect(offline.message).toContain('Member figures need the platform');
      expect(offline.last).toEqual({ report: fetched.report, fetchedAt: fetched.fetchedAt });
      const zh = await membersReport('zh-CN');
      expect(zh.status === 'unavailable' && zh.message).toContain('会员数据需要连接平台');
      // Another period was never fetched: nothing to show but the reason.
      const lastYear = expectOk<MemberReportView>(
        await till.call(
          'reports.members',
          { period: 'month', firstDay: `${Number(day.slice(0, 4)) - 1}-01-01`, comparison: null },
          till.tokens.manager,
        ),
      );
      expect(lastYear).toMatchObject({ status: 'unavailable', last: null });
    } finally {
      proxy.setRefusing(false);
    }
    // The plain dispatch never asks the platform: the same answer as offline.
    const dispatched = expectOk<MemberReportView>(till.dispatch('reports.members', month(), till.tokens.manager));
    expect(dispatched).toMatchObject({ status: 'unavailable', last: { fetchedAt: fetched.fetchedAt } });
  });
});
