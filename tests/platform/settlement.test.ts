import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { seededRandom } from '../../shared/seeded-random';
import { SettlementStatement } from '../../shared/sync/settlement-wire';
import { OnlineOrderWire } from '../../shared/sync/wire';
import type { Campaign } from '../../shared/vouchers/campaign';
import { backends, usePlatform } from './support/backends';
import { type AdminClient, product, Till } from './support/clients';
import { DAY, orderPaid, step } from './support/payloads';
import { campaignBody, errorCode, issue, redeem, redemptionBody } from './support/vouchers';

type Message = { status: number; code: string | undefined; message: string | undefined };
const refusal = (answer: { status: number; body: unknown }): Message => {
  const error = (answer.body as { error?: { code: string; message: string } } | null)?.error;
  return { status: answer.status, code: error?.code, message: error?.message };
};

/** Half away from zero, in plain arithmetic: amounts here are far below where floats lose a fen. */
const round = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

describe.each(backends)('settlement terms and the daily statement on $name', (backend) => {
  const get = usePlatform(backend);
  let admin: AdminClient;
  let storeId: string;
  let otherStoreId: string;
  let till: Till;
  let otherTill: Till;

  beforeAll(async () => {
    admin = get().admin;
    await admin.products([product('S-1', { price: 1_250 }), product('S-2', { price: 3_990 })]);
    const store = await admin.createStore('Settle');
    storeId = store.storeId;
    till = await Till.pair(get().url, store.pairingCode);
    const other = await admin.createStore('Elsewhere');
    otherStoreId = other.storeId;
    otherTill = await Till.pair(get().url, other.pairingCode);
  });

  const place = (items: { sku: string; quantity: number }[], extra: Record<string, unknown> = {}) =>
    admin.placeOnlineOrder(storeId, items, extra);

  it('refuses rates and amounts outside the domain’s limits in words, and stores nothing', async () => {
    for (const commissionBp of [-1, 10_001]) {
      expect(refusal(await admin.call('PUT', `/v1/admin/stores/${storeId}/commission`, { commissionBp }))).toEqual({
        status: 400,
        code: 'commission_rate_invalid',
        message: `A commission rate is a whole number of basis points from 0 to 10000 (0 % to 100 %); ${commissionBp} is not.`,
      });
    }
    expect(await admin.ok('GET', `/v1/admin/stores/${storeId}/commission`)).toEqual({ storeId, commissionBp: 0 });

    const before = (await admin.records(storeId)).orders.length;
    const twoS1 = [{ sku: 'S-1', quantity: 2 }];
    expect(refusal(await place(twoS1, { merchantPromotion: 2_000, platformPromotion: 501 }))).toMatchObject({
      status: 400,
      code: 'promotions_over_total',
      message: 'The promotions (¥25.01) are more than the order’s goods are worth (¥25.00).',
    });
    expect(refusal(await place(twoS1, { deliveryFee: 1_000_000_001 }))).toMatchObject({
      status: 400,
      code: 'settlement_amount_invalid',
      message: 'The delivery fee must be an amount from 0 to ¥10,000,000.00; ¥10,000,000.01 is not.',
    });
    expect(refusal(await place(twoS1, { merchantPromotion: -5 }))).toMatchObject({
      code: 'settlement_amount_invalid',
    });
    expect(refusal(await place(twoS1, { commissionBp: 12_000 }))).toMatchObject({ code: 'commission_rate_invalid' });
    expect(refusal(await place(twoS1, { commissionBp: 15.5 }))).toMatchObject({
      code: 'commission_rate_invalid',
      message: 'A commission rate is a whole number of basis points from 0 to 10000 (0 % to 100 %); 15.5 is not.',
    });
    expect(refusal(await place(twoS1, { deliveryFee: 0.5 }))).toMatchObject({
      code: 'settlement_amount_invalid',
      message: 'The delivery fee must be an amount from 0 to ¥10,000,000.00; 0.5 is not.',
    });
    const zh = await admin.call(
      'POST',
      '/v1/online-orders',
      { storeId, channel: 'online_delivery', items: twoS1, commissionBp: 12_000 },
      { 'accept-language': 'zh-CN' },
    );
    expect(refusal(zh).message).toBe('佣金比例应为 0 至 10000 个基点（0 % 至 100 %）的整数；12000 不符合。');
    const pulled = await till.pullAll('online_orders');
    expect(pulled.changes).toHaveLength(0);
    expect((await admin.records(storeId)).orders).toHaveLength(before);

    const overPrice = await admin.call('POST', '/v1/campaigns', {
      ...campaignBody({ storeId, type: 'group_buy', value: 2_000, rules: { itemSku: 'S-2' } }),
      settlementPrice: 2_001,
    });
    expect(refusal(overPrice)).toEqual({
      status: 400,
      code: 'settlement_price_invalid',
      message: 'The settlement price must be from 0 up to the voucher’s price (¥20.00); ¥20.01 is not.',
    });
    const notGroupBuy = await admin.call('POST', '/v1/campaigns', {
      ...campaignBody({ storeId }),
      settlementPrice: 100,
    });
    expect(refusal(notGroupBuy)).toMatchObject({ status: 400, code: 'settlement_price_not_group_buy' });
    expect((await till.pullAll('campaigns')).changes.filter((c) => (c.data as Campaign).name === 'Test offer')).toEqual(
      [],
    );
    const unknown = await admin.call('PUT', `/v1/admin/stores/${storeId}/online-orders/${uuidv7()}/terms`, {
      commissionBp: 100,
    });
    expect(refusal(unknown)).toMatchObject({ status: 404, code: 'online_order_unknown' });
  });

  it('gives an order the store’s default rate unless it names its own, and sends the terms to the till', async () => {
    await admin.ok('PUT', `/v1/admin/stores/${storeId}/commission`, { commissionBp: 1_800 });
    const byDefault = OnlineOrderWire.parse(
      (await place([{ sku: 'S-1', quantity: 1 }], { channel: 'online_delivery', deliveryFee: 500 })).body,
    );
    expect(byDefault.terms).toEqual({
      merchantPromotion: 0,
      platformPromotion: 0,
      deliveryFee: 500,
      commissionBp: 1_800,
    });
    const own = OnlineOrderWire.parse(
      (await place([{ sku: 'S-2', quantity: 1 }], { merchantPromotion: 300, platformPromotion: 200, commissionBp: 0 }))
        .body,
    );
    expect(own.terms).toEqual({ merchantPromotion: 300, platformPromotion: 200, deliveryFee: 0, commissionBp: 0 });
    const pulled = await till.pullAll('online_orders');
    const terms = Object.fromEntries(pulled.changes.map((c) => [c.id, (c.data as OnlineOrderWire).terms]));
    expect(terms).toEqual({ [byDefault.id]: byDefault.terms, [own.id]: own.terms });

    const corrected = await admin.ok<{ terms: OnlineOrderWire['terms'] }>(
      'PUT',
      `/v1/admin/stores/${storeId}/online-orders/${own.id}/terms`,
      { commissionBp: 500 },
    );
    expect(corrected.terms).toEqual({ ...own.terms, commissionBp: 500 });
    const again = await till.pullAll('online_orders', pulled.cursor);
    expect(again.changes.map((c) => (c.data as OnlineOrderWire).terms)).toEqual([corrected.terms]);
  });

  it('settles a group-buy campaign at its settlement price, or at its full value when none is given', async () => {
    const priced = await admin.ok<{ campaign: Campaign }>('POST', '/v1/campaigns', {
      ...campaignBody({ storeId, type: 'group_buy', value: 2_990, rules: { itemSku: 'S-2' }, name: 'GB priced' }),
      settlementPrice: 2_400,
    });
    const plain = await admin.ok<{ campaign: Campaign }>(
      'POST',
      '/v1/campaigns',
      campaignBody({ storeId, type: 'group_buy', value: 1_990, rules: { itemSku: 'S-1' }, name: 'GB plain' }),
    );
    const cash = await admin.ok<{ campaign: Campaign }>('POST', '/v1/campaigns', campaignBody({ storeId }));
    expect([priced.campaign.settlementPrice, plain.campaign.settlementPrice, cash.campaign.settlementPrice]).toEqual([
      2_400,
      1_990,
      null,
    ]);
    const pulled = await till.pullAll('campaigns');
    const prices = pulled.changes
      .map((c) => c.data as Campaign)
      .filter((c) => c.name.startsWith('GB'))
      .map((c) => [c.name, c.settlementPrice]);
    expect(prices).toEqual([
      ['GB priced', 2_400],
      ['GB plain', 1_990],
    ]);
  });

  it('lists the day’s online orders and redeemed vouchers with totals matching a plain computation', async () => {
    const random = seededRandom(14);
    const campaign = await admin.ok<{ campaign: Campaign }>('POST', '/v1/campaigns', {
      ...campaignBody({ storeId, type: 'group_buy', value: 2_500, rules: { itemSku: 'S-2' }, name: 'GB day' }),
      settlementPrice: 2_125,
    });
    type Expected = {
      orderId: string;
      channel: string;
      gross: number;
      mp: number;
      pp: number;
      fee: number;
      bp: number;
    };
    const expected: Expected[] = [];
    const mutations = [];
    for (let i = 0; i < 12; i += 1) {
      const quantity = 1 + random.int(4);
      const gross = quantity * 1_250;
      const mp = random.int(gross / 4);
      const pp = random.int(gross / 4);
      const fee = random.int(800);
      const bp = random.int(2_500);
      const channel = i % 3 === 0 ? 'online_pickup' : 'online_delivery';
      const placed = OnlineOrderWire.parse(
        (
          await place([{ sku: 'S-1', quantity }], {
            channel,
            merchantPromotion: mp,
            platformPromotion: pp,
            deliveryFee: fee,
            commissionBp: bp,
          })
        ).body,
      );
      const sale = orderPaid({ sku: 'S-1', quantity, unitPrice: 1_250, onlineOrderId: placed.id, channel });
      // One order is accepted but its sale is on another day: it is on that day's statement, not this one's.
      if (i === 5) sale.order.businessDay = '2025-03-15';
      else expected.push({ orderId: sale.order.id, channel, gross, mp, pp, fee, bp });
      mutations.push(till.next('online_order.step', step(placed.id, 'accept', sale.order.id)));
      mutations.push(till.next('order.paid', sale, sale.order.id));
    }
    const vouchers = await issue(admin, campaign.campaign.id, 3);
    for (const voucher of vouchers) {
      const body = { ...redemptionBody(till, voucher.code, { mode: 'capture', amount: 2_500 }) };
      expect((await redeem(till, body)).status).toBe(200);
      const sale = orderPaid({ sku: 'S-2', quantity: 1, unitPrice: 2_500, channel: 'group_buy' });
      sale.order.id = body.orderId;
      mutations.push(till.next('order.paid', sale, sale.order.id));
    }
    const pushed = await till.push(mutations);
    expect(pushed.results.every((r) => r.status === 'APPLIED')).toBe(true);

    const statement = SettlementStatement.parse(
      await admin.ok('GET', `/v1/admin/stores/${storeId}/statement?day=${DAY}`),
    );
    const plain = expected.map((e) => {
      const commission = round(((e.gross - e.mp) * e.bp) / 10_000);
      const settlement = e.gross - e.mp - commission;
      const customerPaid = e.gross - e.mp - e.pp + e.fee;
      return { orderId: e.orderId, channel: e.channel, gross: e.gross, commission, settlement, customerPaid };
    });
    const groupBuy = statement.lines.filter((l) => l.channel === 'group_buy');
    expect(groupBuy).toHaveLength(3);
    for (const line of groupBuy) {
      expect(line).toMatchObject({ gross: 2_500, commission: 375, settlement: 2_125, customerPaid: 2_500 });
    }
    const online = statement.lines.filter((l) => l.channel !== 'group_buy');
    expect(
      online.map((l) => ({
        orderId: l.orderId,
        channel: l.channel,
        gross: l.gross,
        commission: l.commission,
        settlement: l.settlement,
        customerPaid: l.customerPaid,
      })),
    ).toEqual(plain);
    for (const line of statement.lines) {
      expect(line.platformKeeps).toBe(line.customerPaid - line.settlement);
      expect(line.deviceCode).toBe('A');
    }
    const totalOf = (channel: string) => statement.totals.find((t) => t.channel === channel);
    for (const channel of ['online_delivery', 'online_pickup'] as const) {
      const mine = plain.filter((p) => p.channel === channel);
      expect(totalOf(channel)).toMatchObject({
        orders: mine.length,
        gross: mine.reduce((s, p) => s + p.gross, 0),
        commission: mine.reduce((s, p) => s + p.commission, 0),
        settlement: mine.reduce((s, p) => s + p.settlement, 0),
        customerPaid: mine.reduce((s, p) => s + p.customerPaid, 0),
      });
    }
    expect(totalOf('group_buy')).toMatchObject({ orders: 3, gross: 7_500, commission: 1_125, settlement: 6_375 });

    // The store's own till reads the same statement, signed; another store's till reads only its own.
    const signed = await till.signed('GET', `/v1/sync/statement?day=${DAY}`);
    expect(signed.status).toBe(200);
    expect(signed.body).toEqual(statement);
    const elsewhere = SettlementStatement.parse((await otherTill.signed('GET', `/v1/sync/statement?day=${DAY}`)).body);
    expect(elsewhere).toMatchObject({ storeId: otherStoreId, lines: [] });
    expect(elsewhere.totals.map((t) => t.orders)).toEqual([0, 0, 0]);
    expect(errorCode(await till.signed('GET', '/v1/sync/statement?day=2025-02-30'))).toBe('day_invalid');
    expect((await fetch(`${get().url}/v1/sync/statement?day=${DAY}`)).status).toBe(401);
  });
});
