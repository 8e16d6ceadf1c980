import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CounterCore } from '../../electron/core/counter-core';
import { spawnPlatform } from '../../electron/host/demo-platform';
import type { SyncStatus } from '../../shared/contract/sync';
import { uuidv7 } from '../../shared/ids';
import { decodeVoucher } from '../../shared/vouchers/cp1';
import { installVoucherTables, testSigner } from '../contract/voucher-fixture';
import { platformAdmin, waitFor } from '../support/platform-admin';
import { type BenchResult, percentile, record } from './bench-report';
import { openDemoCore, unwrap } from './support/bench-core';

type Product = { id: string; price: number; taxRateBp: number };

function water(core: CounterCore, token: string): Product {
  return unwrap<{ product: Product }>(
    core.dispatch({ method: 'catalog.findByBarcode', input: { barcode: '6921168478354' }, sessionToken: token }),
    'findByBarcode',
  ).product;
}

/** A one-line sale with one coupon, paid by card for what is left. */
function saleInput(product: Product, code: string) {
  const line = {
    lineId: 'l1',
    productId: product.id,
    unitPrice: product.price,
    taxRateBp: product.taxRateBp,
    quantity: { kind: 'count', count: 5 },
  };
  return {
    id: uuidv7(),
    cart: { lines: [line], coupons: [{ redemptionId: uuidv7(), code }] },
    tenders: [{ method: 'card', amount: product.price * 5 - 100, reference: 'B' }],
  };
}

/**
 * The offline decision as a till makes it with the platform out of reach: `orders.commit` with a
 * coupon through the plain dispatch (no online step), on a real file: decode, Ed25519 verify, the
 * deny list, campaign rules and pricing, the risk limits, then order + redemption + outbox + audit
 * in one transaction. Vouchers are signed beforehand, outside the clock.
 */
export function benchOfflineDecision(count: number): BenchResult {
  const bench = openDemoCore();
  try {
    const { core } = bench;
    const signer = testSigner();
    installVoucherTables(core.environment.db, {
      signer,
      storeNumber: 1,
      campaigns: [{ id: 1, name: '立减1元', type: 'cash_off', value: 100 }],
      // Wide limits: the bench measures the decision, not the moment a limit stops it.
      limits: {
        hardConsecutive: 1_000_000,
        softConsecutive: 1_000_000,
        deviceOfflineTotal: 1e12,
        storeOfflineTotal: 1e12,
      },
    });
    const cashier = bench.signIn('cashier');
    unwrap(core.dispatch({ method: 'shift.open', input: { float: 0 }, sessionToken: cashier }), 'shift.open');
    const product = water(core, cashier);
    const codes = Array.from({ length: count + 50 }, () => signer.issue({ campaignId: 1, value: 100 }));
    const samples: number[] = [];
    const plain: number[] = [];
    codes.forEach((code, i) => {
      const input = saleInput(product, code);
      const started = performance.now();
      const result = core.dispatch({ method: 'orders.commit', input, sessionToken: cashier });
      const took = performance.now() - started;
      if (!result.ok) throw new Error(`offline commit failed: ${result.error.code}: ${result.error.message}`);
      if (i >= 50) samples.push(took);
      // The same sale without a coupon, interleaved so both see the same disk and load: what the
      // voucher adds is the difference.
      const bare = { ...saleInput(product, code), cart: { lines: input.cart.lines } };
      bare.tenders = [{ method: 'card', amount: product.price * 5, reference: 'B' }];
      const before = performance.now();
      unwrap(core.dispatch({ method: 'orders.commit', input: bare, sessionToken: cashier }), 'plain commit');
      if (i >= 50) plain.push(performance.now() - before);
    });
    const provisional = core.environment.db
      .prepare("SELECT count(*) FROM redemptions WHERE state = 'OFFLINE_PROVISIONAL'")
      .pluck()
      .get() as number;
    if (provisional !== codes.length) throw new Error(`${provisional} of ${codes.length} redemptions stored`);
    const p99 = percentile(samples, 99);
    return record({
      name: 'voucher-offline-decision',
      metric: `p99 per coupon sale decided offline, ${count.toLocaleString('en')} sales`,
      value: p99,
      unit: 'ms',
      target: 10,
      pass: p99 <= 10,
      notes: {
        sales: count,
        p50: +percentile(samples, 50).toFixed(3),
        p90: +percentile(samples, 90).toFixed(3),
        max: +Math.max(...samples).toFixed(3),
        plainCommitP50: +percentile(plain, 50).toFixed(3),
        plainCommitP99: +percentile(plain, 99).toFixed(3),
        includes: 'decode + verify + rules + pricing + limits + write (order, redemption, outbox, audit)',
        ...bench.environment(),
      },
    });
  } finally {
    void bench.close();
  }
}

/**
 * The online decision against the real platform on loopback (its own process, PGlite): the hold
 * (`POST /v1/redemptions`, signed, idempotency key) within the answer budget, then the same commit,
 * as `core.call` runs it for the screens. Also the scan check (`GET /v1/vouchers/{id}`).
 */
export async function benchOnlineDecision(count: number): Promise<BenchResult[]> {
  const platformDir = mkdtempSync(join(tmpdir(), 'counter-bench-platform-'));
  const { process: child, link } = await spawnPlatform(platformDir);
  const admin = platformAdmin(link.url, link.adminToken);
  const bench = openDemoCore({ sync: { waitSeconds: 25 } });
  try {
    const { core } = bench;
    const owner = bench.signIn('owner');
    const cashier = bench.signIn('cashier');
    const status = () =>
      unwrap<SyncStatus>(core.dispatch({ method: 'sync.status', input: {}, sessionToken: owner }), 'sync.status');
    const { pairingCode } = await admin.createStore(`Bench ${uuidv7().slice(-6)}`);
    unwrap(
      core.dispatch({ method: 'sync.pair', input: { platformUrl: link.url, code: pairingCode }, sessionToken: owner }),
      'sync.pair',
    );
    await waitFor(() => status().link === 'online' && core.environment.sync.link !== null, 60_000, 'paired');
    const { campaign } = await admin.createCampaign({ name: '立减1元', value: 100, rules: { offlineAllowed: true } });
    const vouchers = await admin.issueVouchers(campaign.id, count + 20);
    await waitFor(
      () => core.environment.db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(campaign.id) !== undefined,
      30_000,
      'campaign pulled',
    );
    unwrap(core.dispatch({ method: 'shift.open', input: { float: 0 }, sessionToken: cashier }), 'shift.open');
    const product = water(core, cashier);
    const checks: number[] = [];
    const commits: number[] = [];
    const backToBack: number[] = [];
    for (const [i, voucher] of vouchers.entries()) {
      // Customers come seconds apart: the previous sale's push (the capture) and pull are done
      // before the next scan, as at a real counter. Back-to-back sales are measured below.
      await waitFor(() => status().unsent === 0, 30_000, 'previous sale sent');
      let started = performance.now();
      const checked = await core.call({
        method: 'vouchers.check',
        input: { code: voucher.code },
        sessionToken: cashier,
      });
      const checkMs = performance.now() - started;
      if (!checked.ok || !(checked.value as { checkedOnline: boolean }).checkedOnline) {
        throw new Error(`check not answered online: ${JSON.stringify(checked)}`);
      }
      started = performance.now();
      const input = saleInput(product, voucher.code);
      const paid = await core.call({ method: 'orders.commit', input, sessionToken: cashier });
      const commitMs = performance.now() - started;
      if (!paid.ok) throw new Error(`online commit failed: ${paid.error.code}: ${paid.error.message}`);
      const state = (paid.value as { order: { coupons: { state: string }[] } }).order.coupons[0].state;
      if (state !== 'CONFIRMED') throw new Error(`redemption ${state}, not decided online`);
      if (i >= 20) {
        checks.push(checkMs);
        commits.push(commitMs);
      }
    }
    // The same sales back to back, each hold queued behind the previous sale's sync on the platform.
    const more = await admin.issueVouchers(campaign.id, Math.min(count, 50));
    for (const voucher of more) {
      const started = performance.now();
      const paid = await core.call({
        method: 'orders.commit',
        input: saleInput(product, voucher.code),
        sessionToken: cashier,
      });
      if (!paid.ok) throw new Error(`back-to-back commit failed: ${paid.error.code}`);
      backToBack.push(performance.now() - started);
    }
    const decoded = decodeVoucher(vouchers[0].code);
    const p95 = percentile(commits, 95);
    const checkP95 = percentile(checks, 95);
    const notes = {
      sales: count,
      p50: +percentile(commits, 50).toFixed(3),
      p99: +percentile(commits, 99).toFixed(3),
      max: +Math.max(...commits).toFixed(3),
      voucherBytes: decoded.ok ? decoded.voucher.signed.length + 64 : 0,
      spacing: 'each sale after the previous one was sent',
      backToBackP95: +percentile(backToBack, 95).toFixed(3),
      platform: 'own process, PGlite, loopback',
    };
    return [
      record({
        name: 'voucher-online-decision',
        metric: `p95 per coupon sale held online then written, ${count} sales`,
        value: p95,
        unit: 'ms',
        target: 50,
        pass: p95 <= 50,
        notes,
      }),
      record({
        name: 'voucher-online-check',
        metric: `p95 per scan checked on the platform, ${count} scans`,
        value: checkP95,
        unit: 'ms',
        target: 50,
        pass: checkP95 <= 50,
        notes: { scans: count, p50: +percentile(checks, 50).toFixed(3), max: +Math.max(...checks).toFixed(3) },
      }),
    ];
  } finally {
    await bench.close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(platformDir, { recursive: true, force: true });
  }
}
