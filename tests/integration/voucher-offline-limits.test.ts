import { beforeAll, describe, expect, it } from 'vitest';
import { recordPulled } from '../../electron/core/sync/sync-records';
import type { Product } from '../../shared/contract/catalog';
import type { OfflineExposure, RedemptionRow, ScannedVoucher } from '../../shared/contract/vouchers';
import { uuidv7 } from '../../shared/ids';
import { installVoucherTables, type TestSigner, testSigner } from '../contract/voucher-fixture';
import { expectOk, type Harness, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { lineFor, openShift, productBySku } from '../support/till';

/**
 * A till that has never reached a platform in this test, with keys, policy and campaigns as a pull
 * left them: every voucher is decided offline, against limits tight enough to reach.
 */
let h: Harness;
let signer: TestSigner;
let cashier: string;
let owner: string;
let product: Product;

const sell = (code: string, locale: 'en' | 'zh-CN' = 'en') =>
  h.call({
    method: 'orders.commit',
    input: {
      id: uuidv7(),
      cart: { lines: [lineFor(product, { kind: 'count', count: 10 })], coupons: [{ redemptionId: uuidv7(), code }] },
      tenders: [{ method: 'cash', tendered: 100_000 }],
    },
    sessionToken: cashier,
    locale,
  });
const exposure = async () =>
  expectOk<{ redemptions: RedemptionRow[]; exposure: OfflineExposure }>(
    await h.call({ method: 'vouchers.redemptions', input: { filter: 'provisional' }, sessionToken: owner }),
  );

beforeAll(async () => {
  h = await openHarness('in-process');
  const people = await createDemo(h.call);
  cashier = await signIn(h.call, people.cashier);
  owner = await signIn(h.call, people.owner);
  await openShift(h.call, cashier);
  product = await productBySku(h.call, cashier, 'DRK-0001').catch(async () => {
    const { items } = expectOk<{ items: Product[] }>(
      await h.call({ method: 'catalog.searchProducts', input: { query: '6921168478354' }, sessionToken: cashier }),
    );
    return items[0];
  });
  signer = testSigner();
  installVoucherTables(h.core.environment.db, {
    signer,
    storeNumber: 3,
    campaigns: [{ id: 1, name: '立减1元', type: 'cash_off', value: 100 }],
    limits: { hardConsecutive: 3, softConsecutive: 1, deviceOfflineTotal: 1_000, storeOfflineTotal: 1_000 },
  });
});

describe('offline redemption within the risk limits', () => {
  it('judges a scan on the till alone and says so', async () => {
    const scanned = expectOk<ScannedVoucher>(
      await h.call({ method: 'vouchers.check', input: { code: signer.issue({ value: 100 }) }, sessionToken: cashier }),
    );
    expect(scanned).toMatchObject({ checkedOnline: false, value: 100, campaign: { name: '立减1元' } });
  });

  it('stops at the hard number in a row, counting what it took', async () => {
    for (let i = 0; i < 3; i++) expectOk(await sell(signer.issue({ value: 100 })));
    const refused = await sell(signer.issue({ value: 100 }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'voucher_offline_limit' } });
    expect(refused.ok ? '' : refused.error.message).toContain('3 offline redemptions in a row on this till');
    const { redemptions, exposure: figures } = await exposure();
    expect(redemptions).toHaveLength(3);
    expect(figures).toMatchObject({ count: 3, value: 300, consecutive: 3, hardConsecutive: 3, deviceLimit: 1_000 });
    // Past the soft limit the sale went through, and its audit entry says it was past it.
    const details = h.core.environment.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'orders.commit' ORDER BY seq")
      .pluck()
      .all() as string[];
    expect(details.filter((d) => d.includes('past the soft limit'))).toHaveLength(2);
  });

  it('keeps the unconfirmed total on this till under its limit', async () => {
    installVoucherTables(h.core.environment.db, {
      signer,
      storeNumber: 3,
      campaigns: [{ id: 1, name: '立减1元', type: 'cash_off', value: 100 }],
      limits: { hardConsecutive: 50, deviceOfflineTotal: 1_000, storeOfflineTotal: 5_000, printedFloor: 1_000 },
    });
    expectOk(await sell(signer.issue({ value: 700 })));
    const over = await sell(signer.issue({ value: 100 }), 'zh-CN');
    expect(over).toMatchObject({ ok: false, error: { code: 'voucher_offline_limit' } });
    expect(over.ok ? '' : over.error.message).toContain('本机待确认离线核销合计 ¥10.00');
    expect((await exposure()).exposure).toMatchObject({ count: 4, value: 1_000 });
  });

  it('stops once the last pull is older than the policy allows', async () => {
    recordPulled(h.core.environment.db, Date.now() - 25 * 3_600_000);
    const stale = await sell(signer.issue({ value: 0 }));
    expect(stale).toMatchObject({ ok: false, error: { code: 'voucher_offline_limit' } });
    expect(stale.ok ? '' : stale.error.message).toContain('no sync with the platform for over 24 h');
  });

  it('never takes the same voucher twice on this till', async () => {
    recordPulled(h.core.environment.db, Date.now());
    const code = signer.issue({ value: 0 });
    expectOk(await sell(code));
    const again = await sell(code);
    expect(again).toMatchObject({ ok: false, error: { code: 'voucher_already_redeemed' } });
  });
});
