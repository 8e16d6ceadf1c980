import { afterAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../shared/contract/orders';
import type { OfflineExposure, RedemptionRow } from '../../shared/contract/vouchers';
import { uuidv7 } from '../../shared/ids';
import { backends } from '../platform/support/backends';
import { expectOk } from '../support/callers';
import { startFaultProxy } from '../support/fault-proxy';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
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

const redemptionOf = (till: PairedTill, id: string) =>
  expectOk<{ redemptions: RedemptionRow[]; exposure: OfflineExposure }>(
    till.dispatch('vouchers.redemptions', { filter: 'all' }, till.tokens.owner),
  ).redemptions.find((row) => row.id === id);

describe.each(backends)('one voucher at five tills at once on $name', (backend) => {
  it('ends with exactly one CONFIRMED; the rest refused online or lost with a loss event', async () => {
    const storage = await backend.freshStorage();
    cleanup.push(() => storage.dispose());
    const platform = await startTestPlatform(storage.options);
    cleanup.push(() => platform.close());
    await platform.admin.putProducts(sampleCatalog());

    const stores = await Promise.all(
      ['并发一店', '并发二店', '并发三店'].map((name) => platform.admin.createStore(name)),
    );
    const placement = [0, 0, 1, 1, 2];
    const offline = [false, true, false, true, false];
    const tills: PairedTill[] = [];
    const proxies: Awaited<ReturnType<typeof startFaultProxy>>[] = [];
    for (const [index, storeIndex] of placement.entries()) {
      const store = stores[storeIndex];
      const code =
        placement.indexOf(storeIndex) === index
          ? store.pairingCode
          : (await platform.admin.pairingCode(store.storeId)).code;
      const proxy = await startFaultProxy(() => platform.url, { seed: index + 1, faultRate: 0 });
      cleanup.push(() => proxy.close());
      const till = await startPairedTill(proxy.url, code);
      cleanup.push(() => till.core.close());
      tills.push(till);
      proxies.push(proxy);
    }

    const { campaign, voucher } = await issueVoucher(platform.admin, { storeId: null });
    const products = await Promise.all(
      tills.map(async (till) => {
        const caller = (r: { method: string; input?: unknown }) => till.call(r.method, r.input);
        await waitFor(
          () => till.core.environment.db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(campaign.id) !== undefined,
          20_000,
          'campaign pulled',
        );
        return waitFor(() => productBySku(caller, till.tokens.cashier, 'PLT-0001'), 20_000, 'coffee pulled');
      }),
    );
    offline.forEach((cut, index) => proxies[index].setRefusing(cut));

    const attempts: Attempt[] = await Promise.all(
      tills.map(async (till, index) => {
        const redemptionId = uuidv7();
        const product = products[index];
        const envelope = await sellWithVoucher(till.call, product, voucher.code, product.price - 500, redemptionId);
        return { till, redemptionId, offline: offline[index], sold: envelope.ok ? envelope.value.order : null };
      }),
    );
    // Both tills cut off sold on their own word, as the risk limits allow.
    for (const attempt of attempts.filter((a) => a.offline)) {
      expect(attempt.sold?.coupons).toEqual([expect.objectContaining({ state: 'OFFLINE_PROVISIONAL' })]);
    }

    for (const proxy of proxies) proxy.setRefusing(false);
    for (const till of tills) till.core.environment.sync.retryNow();
    await waitFor(() => tills.every((till) => till.status().unsent === 0), 30_000, 'every till synced');

    const outcomes = attempts.map((attempt) => ({ ...attempt, row: redemptionOf(attempt.till, attempt.redemptionId) }));
    const confirmed = outcomes.filter((o) => o.row?.state === 'CONFIRMED');
    expect(confirmed).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome === confirmed[0]) continue;
      if (outcome.sold === null) {
        // Refused online before payment: no sale, and the voucher is not counted as used here.
        expect(outcome.row === undefined || outcome.row.state === 'REJECTED').toBe(true);
        continue;
      }
      expect(outcome.row?.state).toBe('CONFLICT_LOST');
      const loss = outcome.till.core.environment.db
        .prepare('SELECT amount, voucher_id FROM loss_events WHERE redemption_id = ?')
        .get(outcome.redemptionId);
      expect(loss).toEqual({ amount: 500, voucher_id: voucher.id });
    }
    const lost = outcomes.filter((o) => o.row?.state === 'CONFLICT_LOST').length;
    expect(lost).toBeGreaterThanOrEqual(1);

    const status = await voucherStatus(platform.admin, voucher.id);
    expect(status.redeemed?.redemptionId).toBe(confirmed[0].redemptionId);
    expect(status.state).toBe('DISPUTED');
  }, 180_000);
});
