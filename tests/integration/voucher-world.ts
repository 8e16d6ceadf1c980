import { afterAll, beforeAll } from 'vitest';
import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import type { Envelope } from '../../shared/contract';
import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail } from '../../shared/contract/orders';
import { uuidv7 } from '../../shared/ids';
import type { CartLine } from '../../shared/pricing/cart';
import { decodeVoucher } from '../../shared/vouchers/cp1';
import type { IssuedVoucher } from '../../shared/vouchers/redemption-wire';
import { type Caller, expectOk } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { startFaultProxy } from '../support/fault-proxy';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import { tempDir } from '../support/temp-dir';
import { lineFor, openShift, type PairedTill, productBySku, startPairedTill } from '../support/till';

type Locale = 'en' | 'zh-CN';

/**
 * The world the voucher suites run in: a real platform with two stores, till A paired through a
 * proxy that can cut it off (the platform "stopped") and whose clock can be moved, and till B
 * paired directly with the other store. Everything over real HTTP, on real SQLite files.
 */
export type VoucherWorld = {
  platform: Awaited<ReturnType<typeof startTestPlatform>>;
  proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  core: CounterCore;
  tillB: PairedTill;
  cashier: string;
  owner: string;
  storeA: string;
  storeB: string;
  water: Product;
  /** Moves till A's clock; the platform keeps the real one. */
  setSkew(ms: number): void;
  call(method: string, input: unknown, token?: string, locale?: Locale): Promise<Envelope<unknown>>;
  count(table: string): number;
  campaignVoucher(options: VoucherOptions): Promise<IssuedVoucher[]>;
  expiredVoucher(): Promise<IssuedVoucher>;
  known(voucher: IssuedVoucher): Promise<void>;
  pay(code: string | null, total: number, options?: PayOptions): Promise<Envelope<{ order: OrderDetail }>>;
};

type VoucherOptions = {
  storeId?: string | null;
  type?: 'cash_off' | 'group_buy';
  value: number;
  rules?: Record<string, unknown>;
  validFrom?: number;
  validTo?: number;
  count?: number;
};

type PayOptions = { id?: string; redemptionId?: string; locale?: Locale; lines?: CartLine[]; count?: number };

export function refusal(envelope: Envelope<unknown>): { code: string; message: string } {
  if (envelope.ok) throw new Error('expected a refusal, got ok');
  return envelope.error;
}

/** Starts the world before the suite's tests and stops it after; fields fill in once started. */
export function openVoucherWorld(): VoucherWorld {
  const w = {} as VoucherWorld;
  let skewMs = 0;
  w.setSkew = (ms) => {
    skewMs = ms;
  };
  w.call = (method, input, token = w.cashier, locale = 'en') =>
    w.core.call({ method, input, sessionToken: token, locale });
  w.count = (table) => w.core.environment.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  w.campaignVoucher = async (options) => {
    const { campaign } = await w.platform.admin.createCampaign({
      storeId: options.storeId ?? null,
      name: `立减${options.value / 100}元 ${uuidv7().slice(-4)}`,
      type: options.type ?? 'cash_off',
      value: options.value,
      validFrom: options.validFrom,
      validTo: options.validTo,
      rules: { offlineAllowed: true, ...options.rules },
    });
    return w.platform.admin.issueVouchers(campaign.id, options.count ?? 1);
  };
  // The platform issues nothing for an ended campaign: one that ends a moment from now.
  w.expiredVoucher = async () => {
    const now = Math.floor(Date.now() / 1000);
    const [voucher] = await w.campaignVoucher({ value: 200, validFrom: now - 86_400, validTo: now + 2 });
    await waitFor(() => Date.now() / 1000 > now + 3, 5_000, 'the voucher to expire');
    return voucher;
  };
  // Till A judges a voucher on its own once its campaign has come down.
  w.known = async (voucher) => {
    const decoded = decodeVoucher(voucher.code);
    if (!decoded.ok) throw new Error('issued voucher does not decode');
    const campaignId = decoded.voucher.claims.campaignId;
    await waitFor(
      () => w.core.environment.db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(campaignId) !== undefined,
      15_000,
      `campaign ${campaignId} pulled`,
    );
  };
  w.pay = (code, total, options = {}) =>
    w.call(
      'orders.commit',
      {
        id: options.id ?? uuidv7(),
        cart: {
          lines: options.lines ?? [lineFor(w.water, { kind: 'count', count: options.count ?? 3 })],
          orderDiscount: null,
          coupons: code ? [{ redemptionId: options.redemptionId ?? uuidv7(), code }] : [],
        },
        tenders: [{ method: 'card', amount: total, reference: 'T1' }],
      },
      w.cashier,
      options.locale ?? 'en',
    ) as Promise<Envelope<{ order: OrderDetail }>>;

  beforeAll(async () => {
    w.platform = await startTestPlatform();
    await w.platform.admin.putProducts(sampleCatalog());
    w.storeA = (await w.platform.admin.createStore('人民广场店')).storeId;
    w.storeB = (await w.platform.admin.createStore('徐家汇店')).storeId;
    w.proxy = await startFaultProxy(() => w.platform.url, { seed: 5, faultRate: 0 });
    w.core = openCounterCore({
      dataDir: tempDir(),
      clock: () => Date.now() + skewMs,
      sync: { backoff: { firstMs: 30, maxMs: 300 }, requestTimeoutMs: 3_000, waitSeconds: 2 },
    });
    const caller: Caller = (request) => w.core.call(request);
    const people = await createDemo(caller);
    w.owner = await signIn(caller, people.owner);
    w.cashier = await signIn(caller, people.cashier);
    await openShift(caller, w.cashier);
    const code = (await w.platform.admin.pairingCode(w.storeA)).code;
    expectOk(await w.call('sync.pair', { platformUrl: w.proxy.url, code }, w.owner));
    const sync = w.core.environment.sync;
    await waitFor(() => sync.online && sync.link !== null, 20_000, 'till A online');
    w.tillB = await startPairedTill(w.platform.url, (await w.platform.admin.pairingCode(w.storeB)).code);
    w.water = await waitFor(async () => {
      const product = await productBySku(caller, w.cashier, 'DRK-0001').catch(() => undefined);
      return product?.price === 200 ? product : undefined;
    });
  }, 90_000);

  afterAll(async () => {
    await w.core?.close();
    await w.tillB?.core.close();
    await w.proxy?.close();
    await w.platform?.close();
  });
  return w;
}
