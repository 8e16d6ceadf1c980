import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastPullAt } from '../../electron/core/sync/sync-records';
import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail } from '../../shared/contract/orders';
import type { OfflineExposure, RedemptionRow } from '../../shared/contract/vouchers';
import { uuidv7 } from '../../shared/ids';
import { backends, processPairs } from '../platform/support/backends';
import { expectOk } from '../support/callers';
import { startFaultProxy } from '../support/fault-proxy';
import { sampleCatalog, startPlatformGroup, waitFor } from '../support/platform-admin';
import {
  issueVoucher,
  type PairedTill,
  productBySku,
  sellWithVoucher,
  startPairedTill,
  voucherStatus,
} from '../support/till';

/**
 * Issue 5's promise, "never redeemed twice": one voucher good at every store, scanned at five
 * tills of three stores at the same moment. Three reach the platform (they ask it for a hold);
 * two are cut off by a proxy and decide on their own. Once all have synced, exactly one redemption
 * stands; every other attempt was refused before anything was sold, or is a recorded loss.
 */
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

type Attempt = { till: PairedTill; redemptionId: string; offline: boolean; sold: OrderDetail | null };
type Outcome = Attempt & { row: RedemptionRow | undefined };

const redemptionOf = (till: PairedTill, id: string) =>
  expectOk<{ redemptions: RedemptionRow[]; exposure: OfflineExposure }>(
    till.dispatch('vouchers.redemptions', { filter: 'all' }, till.tokens.owner),
  ).redemptions.find((row) => row.id === id);

describe.each([...backends, ...processPairs])('one voucher at five tills at once on $name', (backend) => {
  let platform: Awaited<ReturnType<typeof startPlatformGroup>>;
  const tills: PairedTill[] = [];
  const proxies: Awaited<ReturnType<typeof startFaultProxy>>[] = [];

  beforeAll(async () => {
    const storage = await backend.freshStorage();
    cleanup.push(() => storage.dispose());
    platform = await startPlatformGroup(storage.options, backend.processes);
    cleanup.push(() => platform.close());
    await platform.admin.putProducts(sampleCatalog());
    const stores = await Promise.all(
      ['并发一店', '并发二店', '并发三店'].map((name) => platform.admin.createStore(name)),
    );
    // Two tills in each of the first two stores, one in the third; each reaches the platform through a proxy of its own.
    const placement = [0, 0, 1, 1, 2];
    for (const [index, storeIndex] of placement.entries()) {
      const store = stores[storeIndex];
      const code =
        placement.indexOf(storeIndex) === index
          ? store.pairingCode
          : (await platform.admin.pairingCode(store.storeId)).code;
      const proxy = await startFaultProxy(platform.url, { seed: index + 1, faultRate: 0 });
      cleanup.push(() => proxy.close());
      const till = await startPairedTill(proxy.url, code);
      cleanup.push(() => till.core.close());
      tills.push(till);
      proxies.push(proxy);
    }
  }, 400_000);

  /** A voucher good at every store, once every till has its campaign and the coffee it is sold with. */
  async function voucherEverywhere() {
    const issued = await issueVoucher(platform.admin, { storeId: null });
    const products = await Promise.all(
      tills.map(async (till) => {
        const caller = (r: { method: string; input?: unknown }) => till.call(r.method, r.input);
        await waitFor(
          () =>
            till.core.environment.db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(issued.campaign.id) !==
            undefined,
          120_000,
          'campaign pulled',
        );
        // An offline decision needs a finished pull; under load the campaign can land before it ends.
        await waitFor(() => lastPullAt(till.core.environment.db) !== null, 120_000, 'first pull finished');
        // Not there until the catalog pull has run: keep asking rather than fail on the first look.
        const coffee = () => productBySku(caller, till.tokens.cashier, 'PLT-0001').catch(() => undefined);
        return waitFor(coffee, 120_000, 'coffee pulled');
      }),
    );
    return { ...issued, products };
  }

  /** Every till scans the voucher at the same moment; those cut off decide alone. Then all sync. */
  async function redeemAtOnce(code: string, products: Product[], offline: boolean[]): Promise<Outcome[]> {
    for (const [index, cut] of offline.entries()) proxies[index].setRefusing(cut);
    const attempts: Attempt[] = await Promise.all(
      tills.map(async (till, index) => {
        const redemptionId = uuidv7();
        const product = products[index];
        const envelope = await sellWithVoucher(till.call, product, code, product.price - 500, redemptionId);
        return { till, redemptionId, offline: offline[index], sold: envelope.ok ? envelope.value.order : null };
      }),
    );
    // Every till cut off sold on its own word, as the risk limits allow.
    for (const attempt of attempts.filter((a) => a.offline)) {
      expect(attempt.sold?.coupons).toEqual([expect.objectContaining({ state: 'OFFLINE_PROVISIONAL' })]);
    }
    for (const proxy of proxies) proxy.setRefusing(false);
    for (const till of tills) till.core.environment.sync.retryNow();
    await waitFor(() => tills.every((till) => till.status().unsent === 0), 120_000, 'every till synced');
    return attempts.map((attempt) => ({ ...attempt, row: redemptionOf(attempt.till, attempt.redemptionId) }));
  }

  /** Exactly one stands; a refused attempt sold nothing; every other sale is a loss with its event. */
  function expectOneWinner(outcomes: Outcome[], voucherId: string): Outcome {
    const confirmed = outcomes.filter((o) => o.row?.state === 'CONFIRMED');
    expect(confirmed).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome === confirmed[0]) continue;
      if (outcome.sold === null) {
        expect(outcome.row === undefined || outcome.row.state === 'REJECTED').toBe(true);
        continue;
      }
      expect(outcome.row?.state).toBe('CONFLICT_LOST');
      const loss = outcome.till.core.environment.db
        .prepare('SELECT amount, voucher_id FROM loss_events WHERE redemption_id = ?')
        .get(outcome.redemptionId);
      expect(loss).toEqual({ amount: 500, voucher_id: voucherId });
    }
    return confirmed[0];
  }

  it('online and offline mixed: exactly one CONFIRMED; the rest refused online or lost with a loss event', async () => {
    const { voucher, products } = await voucherEverywhere();
    const outcomes = await redeemAtOnce(voucher.code, products, [false, true, false, true, false]);
    const winner = expectOneWinner(outcomes, voucher.id);
    expect(outcomes.filter((o) => o.row?.state === 'CONFLICT_LOST').length).toBeGreaterThanOrEqual(2);
    const status = await voucherStatus(platform.admin, voucher.id);
    expect(status.redeemed?.redemptionId).toBe(winner.redemptionId);
    expect(status.state).toBe('DISPUTED');
  }, 400_000);

  it('all five offline: the first to reach the platform wins, the other four are losses', async () => {
    const { voucher, products } = await voucherEverywhere();
    const outcomes = await redeemAtOnce(voucher.code, products, [true, true, true, true, true]);
    const winner = expectOneWinner(outcomes, voucher.id);
    expect(outcomes.filter((o) => o.row?.state === 'CONFLICT_LOST')).toHaveLength(4);
    expect((await voucherStatus(platform.admin, voucher.id)).redeemed?.redemptionId).toBe(winner.redemptionId);
  }, 400_000);
});
