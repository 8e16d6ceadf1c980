import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOrderHistory } from '../../electron/core/demo/sales-history';
import type { OnlineOrder } from '../../shared/contract/online-orders';
import type { Reconciliation, SettlementReport } from '../../shared/contract/settlement-report';
import { uuidv7 } from '../../shared/ids';
import { addDays } from '../../shared/reports/periods';
import { OnlineOrderWire } from '../../shared/sync/wire';
import { Till } from '../platform/support/clients';
import { orderPaid, step } from '../platform/support/payloads';
import { expectOk } from '../support/callers';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import { plainTotals } from '../support/settlement-plain';
import { type PairedTill, startPairedTill } from '../support/till';

type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

let platform: Platform;
let till: PairedTill;
let storeId: string;
let day: string;
const accepted: { onlineOrderId: string; orderId: string }[] = [];

const manager = () => till.tokens.manager;
const reconcile = async (onDay = day) =>
  expectOk<Reconciliation>(await till.call('reports.reconcile', { day: onDay }, manager()));
const synced = () => waitFor(() => till.status().unsent === 0, 20_000, 'every record sent');

beforeAll(async () => {
  platform = await startTestPlatform();
  await platform.admin.putProducts(sampleCatalog());
  const store = await platform.admin.createStore('结算测试店');
  storeId = store.storeId;
  await platform.admin.request('PUT', `/v1/admin/stores/${storeId}/commission`, { commissionBp: 1_800 });
  till = await startPairedTill(platform.url, store.pairingCode);
  day = expectOk<{ store: { businessDay: string } }>(await till.call('app.status', {})).store.businessDay;
  // The demo's past weeks: sample sales with their sample terms, never sent to the platform.
  writeOrderHistory(till.core.environment.db, { orders: 1_500, days: 30, lastDay: addDays(day, -1), seed: 14 });

  const orders = [
    { channel: 'online_delivery', quantity: 3, merchantPromotion: 150, platformPromotion: 100, deliveryFee: 500 },
    {
      channel: 'online_delivery',
      quantity: 5,
      merchantPromotion: 0,
      platformPromotion: 0,
      deliveryFee: 300,
      commissionBp: 2_250,
    },
    { channel: 'online_pickup', quantity: 2, merchantPromotion: 99, platformPromotion: 0, deliveryFee: 0 },
  ];
  for (const { channel, quantity, ...terms } of orders) {
    const placed = OnlineOrderWire.parse(
      await platform.admin.request('POST', '/v1/online-orders', {
        storeId,
        channel,
        items: [{ sku: 'DRK-0001', quantity }],
        ...terms,
      }),
    );
    await waitFor(async () => {
      const list = expectOk<OnlineOrder[]>(await till.call('online.list', {}));
      return list.some((o) => o.id === placed.id);
    });
    const order = expectOk<OnlineOrder>(await till.call('online.accept', { id: placed.id }));
    accepted.push({ onlineOrderId: placed.id, orderId: order.orderId as string });
  }

  const { campaign } = await platform.admin.request<{ campaign: { id: number } }>('POST', '/v1/campaigns', {
    storeId,
    name: '团购 双人水',
    type: 'group_buy',
    value: 1_500,
    validFrom: Math.floor(Date.now() / 1000) - 3600,
    validTo: Math.floor(Date.now() / 1000) + 86_400,
    rules: { itemSku: 'DRK-0001' },
    settlementPrice: 1_200,
  });
  await waitFor(
    () => till.core.environment.db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(campaign.id) !== undefined,
  );
  for (const voucher of await platform.admin.issueVouchers(campaign.id, 2)) {
    expectOk(
      await till.call('vouchers.redeemGroupBuy', { orderId: uuidv7(), redemptionId: uuidv7(), code: voucher.code }),
    );
  }
  await synced();
}, 90_000);

afterAll(async () => {
  await till?.core.close();
  await platform?.close();
});

describe('the till’s settlement report', () => {
  it('keeps each platform sale’s terms as recorded, and the group-buy voucher’s settlement price', () => {
    const db = till.core.environment.db;
    const rows = db
      .prepare(
        `SELECT o.channel, s.gross, s.merchant_promotion, s.platform_promotion, s.delivery_fee, s.commission_bp,
           s.settlement_price FROM order_settlements s JOIN orders o ON o.id = s.order_id WHERE o.business_day = ?
         ORDER BY o.paid_at`,
      )
      .all(day);
    expect(rows).toEqual([
      {
        channel: 'online_delivery',
        gross: 600,
        merchant_promotion: 150,
        platform_promotion: 100,
        delivery_fee: 500,
        commission_bp: 1_800,
        settlement_price: null,
      },
      {
        channel: 'online_delivery',
        gross: 1_000,
        merchant_promotion: 0,
        platform_promotion: 0,
        delivery_fee: 300,
        commission_bp: 2_250,
        settlement_price: null,
      },
      {
        channel: 'online_pickup',
        gross: 400,
        merchant_promotion: 99,
        platform_promotion: 0,
        delivery_fee: 0,
        commission_bp: 1_800,
        settlement_price: null,
      },
      {
        channel: 'group_buy',
        gross: 1_500,
        merchant_promotion: 0,
        platform_promotion: 0,
        delivery_fee: 0,
        commission_bp: 0,
        settlement_price: 1_200,
      },
      {
        channel: 'group_buy',
        gross: 1_500,
        merchant_promotion: 0,
        platform_promotion: 0,
        delivery_fee: 0,
        commission_bp: 0,
        settlement_price: 1_200,
      },
    ]);
  });

  it('adds up to a plain sum of the raw rows, today and over weeks of sample history, per channel and per day', async () => {
    const today = expectOk<SettlementReport>(
      await till.call('reports.settlement', { period: 'day', firstDay: day, comparison: null }, manager()),
    );
    const channel = (report: SettlementReport, name: string) =>
      report.channels.find((c) => c.channel === name)?.current;
    expect(channel(today, 'online_delivery')).toEqual({
      orders: 2,
      gross: 1_600,
      merchantPromotion: 150,
      platformPromotion: 100,
      deliveryFee: 800,
      // 18 % of ¥4.50 is ¥0.81; 22.5 % of ¥10.00 is ¥2.25.
      commission: 81 + 225,
      settlement: 1_600 - 150 - 306,
      customerPaid: 1_600 - 150 - 100 + 800,
      platformKeeps: 1_600 - 150 - 100 + 800 - (1_600 - 150 - 306),
    });
    expect(channel(today, 'group_buy')).toMatchObject({ orders: 2, gross: 3_000, commission: 600, settlement: 2_400 });
    for (const [name, totals] of Object.entries(plainTotals(till.core.environment.db, day, day)))
      expect(channel(today, name)).toEqual(totals);

    const from = addDays(day, -40);
    const range = expectOk<SettlementReport>(
      await till.call(
        'reports.settlement',
        { period: 'range', firstDay: from, lastDay: day, comparison: 'previous_period' },
        manager(),
      ),
    );
    const plain = plainTotals(till.core.environment.db, from, day);
    expect(Object.keys(plain).sort()).toEqual(['group_buy', 'online_delivery', 'online_pickup']);
    // The demo's sample weeks carry terms: the manager sees what the platform keeps on every channel.
    for (const name of ['online_delivery', 'online_pickup', 'group_buy']) {
      expect(plain[name].orders).toBeGreaterThan(100);
      expect(plain[name].commission).toBeGreaterThan(0);
    }
    expect(plain.online_delivery.deliveryFee).toBeGreaterThan(0);
    for (const row of range.channels) {
      expect(row.current).toEqual(plain[row.channel]);
      expect(row.earlier).not.toBeNull();
      const days = range.byDay.filter((d) => d.channel === row.channel);
      const { orders, ...figures } = row.current;
      for (const key of Object.keys(figures) as (keyof typeof figures)[]) {
        expect(days.reduce((sum, d) => sum + d[key], 0)).toBe(figures[key]);
      }
      expect(days.reduce((sum, d) => sum + d.orders, 0)).toBe(orders);
    }
  });
});

describe('reconciliation with the platform’s statement', () => {
  it('finds nothing to report when both sides agree', async () => {
    const result = await reconcile();
    expect(result).toMatchObject({ status: 'compared', day, matched: 5, differences: [] });
    if (result.status !== 'compared') throw new Error('not compared');
    for (const row of result.channels) expect(row.till).toEqual(row.platform);
  });

  it('lists an order the till never received, with the till that recorded it', async () => {
    const other = await Till.pair(platform.url, (await platform.admin.pairingCode(storeId)).code, 'Till B');
    const placed = OnlineOrderWire.parse(
      await platform.admin.request('POST', '/v1/online-orders', {
        storeId,
        channel: 'online_pickup',
        items: [{ sku: 'SNK-0001', quantity: 2 }],
        commissionBp: 1_000,
      }),
    );
    const sale = orderPaid({ sku: 'SNK-0001', quantity: 2, unitPrice: 750, onlineOrderId: placed.id });
    sale.order.businessDay = day;
    sale.order.number = 'B-0001';
    const pushed = await other.push([
      other.next('online_order.step', step(placed.id, 'accept', sale.order.id)),
      other.next('order.paid', sale, sale.order.id),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['APPLIED', 'APPLIED']);

    const result = await reconcile();
    expect(result).toMatchObject({ status: 'compared', matched: 5 });
    if (result.status !== 'compared') throw new Error('not compared');
    expect(result.differences).toEqual([
      {
        kind: 'only_platform',
        channel: 'online_pickup',
        orderId: sale.order.id,
        number: 'B-0001',
        ref: placed.id,
        deviceCode: 'B',
        platform: expect.objectContaining({ gross: 1_500, commission: 150, settlement: 1_350 }),
      },
    ]);
    const pickup = result.channels.find((c) => c.channel === 'online_pickup');
    expect(pickup?.platform.orders).toBe((pickup?.till.orders ?? 0) + 1);
  });

  it('lists an order whose terms the platform changed since, with both values', async () => {
    const target = accepted[0];
    await platform.admin.request('PUT', `/v1/admin/stores/${storeId}/online-orders/${target.onlineOrderId}/terms`, {
      commissionBp: 2_000,
    });
    const result = await reconcile();
    if (result.status !== 'compared') throw new Error('not compared');
    const amounts = result.differences.filter((d) => d.kind === 'amounts');
    expect(amounts).toEqual([
      {
        kind: 'amounts',
        channel: 'online_delivery',
        orderId: target.orderId,
        number: expect.any(String),
        ref: target.onlineOrderId,
        fields: ['commission', 'settlement', 'platformKeeps'],
        till: expect.objectContaining({ commission: 81, settlement: 369 }),
        platform: expect.objectContaining({ commission: 90, settlement: 360 }),
      },
    ]);
    expect(result.matched).toBe(4);
    // The till pulls the corrected terms, but its recorded sale keeps the ones it was sold with.
    await waitFor(
      () =>
        till.core.environment.db
          .prepare('SELECT commission_bp FROM online_orders WHERE id = ?')
          .pluck()
          .get(target.onlineOrderId) === 2_000,
    );
    const still = await reconcile();
    expect(still.status === 'compared' && still.differences.filter((d) => d.kind === 'amounts').length).toBe(1);
  });

  it('lists the sample sales of a past day as only on this till, never queued', async () => {
    const past = addDays(day, -3);
    const result = await reconcile(past);
    if (result.status !== 'compared') throw new Error('not compared');
    const platformSales = till.core.environment.db
      .prepare("SELECT count(*) FROM orders WHERE business_day = ? AND channel <> 'in_store'")
      .pluck()
      .get(past) as number;
    expect(platformSales).toBeGreaterThan(0);
    expect(result.differences).toHaveLength(platformSales);
    expect(result.differences.every((d) => d.kind === 'only_till' && d.queue === 'not_queued')).toBe(true);
  });

  it('says so plainly when the platform cannot be reached, and a cashier may not reconcile', async () => {
    const forbidden = await till.call('reports.reconcile', { day }, till.tokens.cashier);
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A day still to come is refused, not reported as matching an empty statement.
    const tomorrow = await till.call('reports.reconcile', { day: addDays(day, 1) }, till.tokens.manager);
    expect(tomorrow).toMatchObject({ ok: false, error: { code: 'reconcile_future_day' } });
    expect(tomorrow.ok ? '' : tomorrow.error.message).toContain('has not come yet');
    // A day not on the calendar is refused by the till in its own words, not sent to the platform.
    const impossible = await till.call('reports.reconcile', { day: '2026-02-30' }, till.tokens.manager);
    expect(impossible).toMatchObject({ ok: false, error: { code: 'report_day_invalid' } });
    await platform.close();
    const result = await reconcile();
    expect(result).toMatchObject({ status: 'unavailable', day, reason: 'unreachable' });
    expect(result.status === 'unavailable' && result.message).toContain(`statement for ${day} cannot be fetched now`);
    const zh = expectOk<Reconciliation>(
      await till.core.call({ method: 'reports.reconcile', input: { day }, sessionToken: manager(), locale: 'zh-CN' }),
    );
    expect(zh.status === 'unavailable' && zh.message).toContain(`暂时无法获取 ${day} 的结算单`);
  });
});
