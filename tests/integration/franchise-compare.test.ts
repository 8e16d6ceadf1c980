import { afterAll, describe, expect, it } from 'vitest';
import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import type { CallRequest } from '../../shared/contract';
import type { FranchiseComparison } from '../../shared/contract/head-office';
import type { SyncStatus } from '../../shared/contract/sync';
import { uuidv7 } from '../../shared/ids';
import { addDays } from '../../shared/reports/periods';
import { backends, usePlatform } from '../platform/support/backends';
import { brandWithOwner } from '../platform/support/franchise';
import { expectOk } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { platformAdmin, sampleCatalog, waitFor } from '../support/platform-admin';
import { tempDir } from '../support/temp-dir';
import { lineFor, openShift, payByCard, productBySku } from '../support/till';

const PASSWORD = 'the owner’s own password';
const cores: CounterCore[] = [];

afterAll(async () => {
  for (const core of cores) await core.close();
});

describe.each(backends)('comparing stores through the core, platform on $name', (backend) => {
  const get = usePlatform(backend);

  it('sends a void and a no-sale opening once, and the owner compares the stores with them', async () => {
    const brand = await brandWithOwner(get().url, get().admin.token, '对比连锁', ['对比一店', '对比二店'], PASSWORD);
    await platformAdmin(get().url, get().admin.token).putProducts(sampleCatalog());
    const core = openCounterCore({
      dataDir: tempDir('franchise-compare-'),
      sync: { backoff: { firstMs: 50, maxMs: 500 }, requestTimeoutMs: 10_000, waitSeconds: 1 },
    });
    cores.push(core);
    const call = (request: CallRequest) => core.call(request);
    const people = await createDemo(call);
    const owner = await signIn(call, people.owner);
    const cashier = await signIn(call, people.cashier);
    const syncStatus = () =>
      expectOk<SyncStatus>(core.dispatch({ method: 'sync.status', input: {}, sessionToken: owner }));
    expectOk(
      await call({
        method: 'sync.pair',
        input: { platformUrl: get().url, code: brand.stores[0].pairingCode },
        sessionToken: owner,
      }),
    );
    await waitFor(() => syncStatus().link === 'online', 20_000, 'paired and online');
    const water = await waitFor(() => productBySku(call, cashier, 'DRK-0001').catch(() => undefined));
    await openShift(call, cashier);
    const sale = await payByCard(call, cashier, [lineFor(water, { kind: 'count', count: 2 })], water.price * 2);
    const cartId = uuidv7();
    const cart = { lines: [lineFor(water, { kind: 'count', count: 3 })], orderDiscount: null, coupons: [] };
    expectOk(
      await call({ method: 'carts.park', input: { id: cartId, label: 'table 4', cart }, sessionToken: cashier }),
    );
    expectOk(await call({ method: 'carts.void', input: { id: cartId, reason: 'customer left' }, sessionToken: owner }));
    expectOk(await call({ method: 'drawer.noSale', input: { reason: 'change for a note' }, sessionToken: owner }));
    await waitFor(() => syncStatus().unsent === 0, 20_000, 'all pushed');
    const sent = core.environment.db
      .prepare(`SELECT type, id, result FROM outbox WHERE type IN ('cart.voided', 'drawer.opened') ORDER BY seq`)
      .all() as { type: string; id: string; result: string }[];
    expect(sent.map((row) => [row.type, row.result])).toEqual([
      ['cart.voided', 'APPLIED'],
      ['drawer.opened', 'APPLIED'],
    ]);
    expect(sent[0].id).toBe(cartId);

    expectOk(
      await call({ method: 'owner.signIn', input: { login: brand.login, password: PASSWORD }, sessionToken: owner }),
    );
    const day = sale.businessDay;
    const request = { period: 'day', firstDay: day, comparison: 'previous_period' };
    const refused = await call({ method: 'franchise.compare', input: request, sessionToken: cashier });
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    const answer = expectOk<FranchiseComparison>(
      await call({ method: 'franchise.compare', input: request, sessionToken: owner }),
    );
    expect(answer).toMatchObject({ from: day, to: day, compared: { from: addDays(day, -1), to: addDays(day, -1) } });
    const [one, two] = answer.stores;
    expect([one.name, one.current.orders, one.current.net, one.compared?.orders]).toEqual([
      '对比一店',
      1,
      sale.total,
      0,
    ]);
    expect(one.channels.map((channel) => [channel.channel, channel.current.orders])).toEqual([['in_store', 1]]);
    const signal = (key: string) => one.signals.find((s) => s.key === key);
    expect(signal('voids')).toMatchObject({ count: 1, amount: water.price * 3, rateBp: 10_000 });
    expect(signal('no_sales')).toMatchObject({ count: 1, amount: null, rateBp: 10_000 });
    // The other store sold nothing: no rates, so the median is this store's own and nothing stands out.
    expect(two.signals.every((s) => s.rateBp === null || s.key === 'cash_variance')).toBe(true);
    expect(one.signals.some((s) => s.flagged)).toBe(false);

    // A week in progress counts through today, against as many days of the week before.
    const week = expectOk<FranchiseComparison>(
      await call({
        method: 'franchise.compare',
        input: { period: 'range', firstDay: addDays(day, -2), lastDay: addDays(day, 4), comparison: 'year_on_year' },
        sessionToken: owner,
      }),
    );
    expect([week.from, week.to, week.compared]).toEqual([
      addDays(day, -2),
      day,
      { from: addDays(day, -366), to: addDays(day, -364) },
    ]);
    const backwards = await call({
      method: 'franchise.compare',
      input: { period: 'range', firstDay: day, lastDay: addDays(day, -1), comparison: null },
      sessionToken: owner,
      locale: 'en',
    });
    expect(backwards.ok ? null : backwards.error.code).toBe('report_range_backwards');
  }, 60_000);
});
