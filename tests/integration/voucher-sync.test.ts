import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract';
import type { OrderDetail } from '../../shared/contract/orders';
import type { OfflineExposure, RedemptionRow, ScannedVoucher } from '../../shared/contract/vouchers';
import { uuidv7 } from '../../shared/ids';
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
 * The till's side of vouchers against a real platform over HTTP: what comes down (keys, policy,
 * campaigns, the deny list) and how each pushed redemption is settled — confirmed, lost to another
 * till, or a reversal refused — as the manager sees it.
 */
type Platform = Awaited<ReturnType<typeof startTestPlatform>>;
type Proxy = Awaited<ReturnType<typeof startFaultProxy>>;

let platform: Platform;
let storeId: string;
let first: PairedTill;
let second: PairedTill;
let firstProxy: Proxy;
let secondProxy: Proxy;
const events: AppEvent[] = [];

const rows = (till: PairedTill) =>
  expectOk<{ redemptions: RedemptionRow[]; exposure: OfflineExposure }>(
    till.dispatch('vouchers.redemptions', { filter: 'all' }, till.tokens.owner),
  );
const redemption = (till: PairedTill, id: string) => rows(till).redemptions.find((r) => r.id === id);
const coffee = (till: PairedTill) =>
  waitFor(() => productBySku((r) => till.call(r.method, r.input), till.tokens.cashier, 'PLT-0001'));
/** A campaign reaches a till by its pull: a voucher of it is judged only once it has. */
const pulled = (campaignId: number, ...tills: PairedTill[]) =>
  waitFor(
    () =>
      tills.every((till) => till.core.environment.db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(campaignId)),
    15_000,
    `campaign ${campaignId} on every till`,
  );
const synced = (till: PairedTill) => waitFor(() => till.status().unsent === 0, 20_000, 'all sent');

beforeAll(async () => {
  platform = await startTestPlatform();
  await platform.admin.putProducts(sampleCatalog());
  const store = await platform.admin.createStore('券核销店');
  storeId = store.storeId;
  firstProxy = await startFaultProxy(() => platform.url, { seed: 1, faultRate: 0 });
  secondProxy = await startFaultProxy(() => platform.url, { seed: 2, faultRate: 0 });
  first = await startPairedTill(firstProxy.url, store.pairingCode);
  second = await startPairedTill(secondProxy.url, (await platform.admin.pairingCode(storeId)).code);
  first.core.subscribe((event) => events.push(event));
}, 90_000);

afterAll(async () => {
  await first?.core.close();
  await second?.core.close();
  await firstProxy?.close();
  await secondProxy?.close();
  await platform?.close();
});

describe('down from the platform', () => {
  it('brings the signing keys, the store’s policy and a new campaign, so a voucher is judged with no platform', async () => {
    const before = events.length;
    const { campaign, voucher } = await issueVoucher(platform.admin, { storeId });
    const db = first.core.environment.db;
    await waitFor(() => db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(campaign.id) !== undefined);
    expect(db.prepare('SELECT count(*) FROM voucher_keys').pluck().get()).toBeGreaterThan(0);
    const policy = db.prepare('SELECT store_number, limits FROM voucher_policy').get() as {
      store_number: number;
      limits: string;
    };
    expect(policy.store_number).toBeGreaterThan(0);
    expect(JSON.parse(policy.limits)).toMatchObject({ floorPerRedemption: expect.any(Number) });
    expect(events.slice(before).some((e) => e.type === 'vouchers.changed')).toBe(true);

    firstProxy.setRefusing(true);
    try {
      const judged = expectOk<ScannedVoucher>(await first.call('vouchers.check', { code: voucher.code }));
      expect(judged).toMatchObject({ voucherId: voucher.id, checkedOnline: false, campaign: { id: campaign.id } });
      expect(judged.campaign.rules.offlineAllowed).toBe(true);
    } finally {
      firstProxy.setRefusing(false);
    }
  });

  it('puts a voucher another till redeemed on this till’s deny list', async () => {
    const { campaign, voucher } = await issueVoucher(platform.admin, { storeId });
    await pulled(campaign.id, first, second);
    const product = await coffee(second);
    const sold = expectOk<{ order: OrderDetail }>(
      await sellWithVoucher(second.call, product, voucher.code, product.price - 500),
    );
    expect(sold.order.coupons).toEqual([expect.objectContaining({ voucherId: voucher.id })]);
    const db = first.core.environment.db;
    const denial = await waitFor(
      () => db.prepare('SELECT reason FROM voucher_denials WHERE voucher_id = ?').pluck().get(voucher.id) as string,
      15_000,
      'deny-list entry',
    );
    expect(denial).toBe('redeemed');
    expect(first.dispatch('vouchers.check', { code: voucher.code }).ok).toBe(false);
  });
});

describe('settling what was pushed', () => {
  it('confirms a redemption this till made offline once the platform has it', async () => {
    const { campaign, voucher } = await issueVoucher(platform.admin, { storeId });
    await pulled(campaign.id, first);
    const product = await coffee(first);
    const redemptionId = uuidv7();
    firstProxy.setRefusing(true);
    const sold = expectOk<{ order: OrderDetail }>(
      await sellWithVoucher(first.call, product, voucher.code, product.price - 500, redemptionId),
    );
    expect(sold.order.coupons).toEqual([expect.objectContaining({ state: 'OFFLINE_PROVISIONAL' })]);
    expect(redemption(first, redemptionId)?.state).toBe('OFFLINE_PROVISIONAL');
    firstProxy.setRefusing(false);
    first.core.environment.sync.retryNow();
    const confirmed = await waitFor(() => {
      const row = redemption(first, redemptionId);
      return row?.state === 'CONFIRMED' ? row : undefined;
    });
    expect(confirmed.settledAt).toBeGreaterThanOrEqual(confirmed.decidedAt);
    expect((await voucherStatus(platform.admin, voucher.id)).redeemed).toMatchObject({ redemptionId });
  });

  it('makes the second of two offline redemptions of one voucher a loss, and the platform disputes the voucher', async () => {
    const { campaign, voucher } = await issueVoucher(platform.admin, { storeId });
    await pulled(campaign.id, first, second);
    const [one, two] = [await coffee(first), await coffee(second)];
    firstProxy.setRefusing(true);
    secondProxy.setRefusing(true);
    const winnerId = uuidv7();
    const loserId = uuidv7();
    expectOk(await sellWithVoucher(first.call, one, voucher.code, one.price - 500, winnerId));
    expectOk(await sellWithVoucher(second.call, two, voucher.code, two.price - 500, loserId));

    firstProxy.setRefusing(false);
    first.core.environment.sync.retryNow();
    await waitFor(() => redemption(first, winnerId)?.state === 'CONFIRMED', 15_000, 'winner confirmed');
    secondProxy.setRefusing(false);
    second.core.environment.sync.retryNow();
    const lost = await waitFor(() => {
      const row = redemption(second, loserId);
      return row?.state === 'CONFLICT_LOST' ? row : undefined;
    });
    expect(lost.conflict).toMatchObject({ storeName: '券核销店', at: expect.any(Number) });
    expect(lost.refusal?.code).toBe('redemption_conflict_lost');
    const loss = second.core.environment.db.prepare('SELECT * FROM loss_events WHERE redemption_id = ?').get(loserId);
    expect(loss).toMatchObject({ voucher_id: voucher.id, amount: 500, winner_store: '券核销店' });
    expect(rows(second).exposure).toMatchObject({ lossCount: 1, lossValue: 500 });
    expect(redemption(first, winnerId)?.state).toBe('CONFIRMED');
    expect((await voucherStatus(platform.admin, voucher.id)).state).toBe('DISPUTED');
  });

  it('records a loss, keeping the platform’s reason, when a voucher accepted offline was revoked meanwhile', async () => {
    const { campaign, voucher } = await issueVoucher(platform.admin, { storeId });
    await pulled(campaign.id, first);
    const product = await coffee(first);
    const redemptionId = uuidv7();
    firstProxy.setRefusing(true);
    expectOk(await sellWithVoucher(first.call, product, voucher.code, product.price - 500, redemptionId));
    await platform.admin.request('POST', `/v1/vouchers/${voucher.id}/revoke`);
    firstProxy.setRefusing(false);
    first.core.environment.sync.retryNow();
    const lost = await waitFor(() => {
      const row = redemption(first, redemptionId);
      return row?.state === 'CONFLICT_LOST' ? row : undefined;
    });
    expect(lost.refusal).toMatchObject({ code: 'voucher_revoked', message: expect.stringMatching(/withdrawn/) });
    const loss = first.core.environment.db
      .prepare('SELECT amount FROM loss_events WHERE redemption_id = ?')
      .get(redemptionId);
    expect(loss).toEqual({ amount: 500 });
    const zh = expectOk<{ redemptions: RedemptionRow[] }>(
      first.core.dispatch({
        method: 'vouchers.redemptions',
        input: { filter: 'all' },
        sessionToken: first.tokens.owner,
        locale: 'zh-CN',
      }),
    ).redemptions.find((r) => r.id === redemptionId);
    expect(zh?.refusal?.message).not.toBe(lost.refusal?.message);
  });

  it('leaves a refunded offline sale given back, with no loss, when the platform refused its voucher', async () => {
    const { campaign, voucher } = await issueVoucher(platform.admin, { storeId });
    await pulled(campaign.id, first);
    const product = await coffee(first);
    const redemptionId = uuidv7();
    firstProxy.setRefusing(true);
    const { order } = expectOk<{ order: OrderDetail }>(
      await sellWithVoucher(first.call, product, voucher.code, product.price - 500, redemptionId),
    );
    const refund = { id: uuidv7(), orderId: order.id, lines: [{ lineNo: 1, quantity: 1 }], to: 'original' as const };
    expectOk(first.dispatch('orders.refund', { ...refund, reason: 'wrong item' }, first.tokens.manager));
    await platform.admin.request('POST', `/v1/vouchers/${voucher.id}/revoke`);
    firstProxy.setRefusing(false);
    await synced(first);
    // The platform refused the redemption, so it had nothing to give back: neither confirmed nor lost.
    expect(redemption(first, redemptionId)).toMatchObject({ state: 'REVERSED', refusal: { code: 'voucher_revoked' } });
    const loss = first.core.environment.db
      .prepare('SELECT 1 FROM loss_events WHERE redemption_id = ?')
      .get(redemptionId);
    expect(loss).toBeUndefined();
  });

  it('gives the voucher back on a refund within the window, and lifts it from every till’s deny list', async () => {
    const { campaign, voucher } = await issueVoucher(platform.admin, { storeId });
    await pulled(campaign.id, first, second);
    const product = await coffee(first);
    const redemptionId = uuidv7();
    const { order } = expectOk<{ order: OrderDetail }>(
      await sellWithVoucher(first.call, product, voucher.code, product.price - 500, redemptionId),
    );
    const denied = () =>
      second.core.environment.db.prepare('SELECT reason FROM voucher_denials WHERE voucher_id = ?').get(voucher.id);
    await waitFor(() => denied() !== undefined, 15_000, 'denied on the other till');
    expectOk(
      first.dispatch(
        'orders.refund',
        { id: uuidv7(), orderId: order.id, lines: [{ lineNo: 1, quantity: 1 }], to: 'original', reason: 'wrong item' },
        first.tokens.manager,
      ),
    );
    await synced(first);
    expect(redemption(first, redemptionId)).toMatchObject({ state: 'REVERSED', refusal: null });
    await waitFor(() => denied() === undefined, 15_000, 'lifted on the other till');
    expect((await voucherStatus(platform.admin, voucher.id)).state).toBe('ACTIVE');
  });

  it('keeps the voucher used when a refund comes after the reversal window, and says why', async () => {
    const { campaign, voucher } = await issueVoucher(platform.admin, { storeId, rules: { reversalWindowHours: 0 } });
    await pulled(campaign.id, first);
    const product = await coffee(first);
    const redemptionId = uuidv7();
    const { order } = expectOk<{ order: OrderDetail }>(
      await sellWithVoucher(first.call, product, voucher.code, product.price - 500, redemptionId),
    );
    // Held online, then captured by the push: only a capture starts the reversal window.
    await synced(first);
    expectOk(
      first.dispatch(
        'orders.refund',
        {
          id: uuidv7(),
          orderId: order.id,
          lines: [{ lineNo: 1, quantity: 1 }],
          to: 'original',
          reason: 'changed mind',
        },
        first.tokens.manager,
      ),
    );
    await synced(first);
    const row = await waitFor(() => {
      const found = redemption(first, redemptionId);
      return found?.refusal ? found : undefined;
    });
    expect(row.state).toBe('CONFIRMED');
    expect(row.refusal?.code).toBe('reversal_window_passed');
    expect(row.refusal?.message).toMatch(/window has passed/);
    expect((await voucherStatus(platform.admin, voucher.id)).state).not.toBe('ACTIVE');
  });
});
