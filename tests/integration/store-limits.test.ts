import { beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/contract';
import type { Product } from '../../shared/contract/catalog';
import type { StockRow } from '../../shared/contract/stock';
import { uuidv7 } from '../../shared/ids';
import { defaultLimits } from '../../shared/limits';
import type { CartLine } from '../../shared/pricing/cart';
import { callApproved } from '../support/approvals';
import { expectOk, type Harness, openHarness } from '../support/callers';
import { createDemo, type DemoPerson, signIn } from '../support/demo-session';
import { lineFor, openShift, productBySku } from '../support/till';

/** The absurd inputs seen at the demo store, each refused in words, with nothing stored. */
describe('a store’s limits', () => {
  let h: Harness;
  let people: Record<'owner' | 'manager' | 'cashier', DemoPerson>;
  let tokens: Record<'owner' | 'manager' | 'cashier', string>;
  let water: Product;
  let apples: Product;
  const call = (
    method: string,
    input: unknown,
    who: keyof typeof tokens = 'cashier',
    locale = 'en',
    approve = false,
  ) => {
    const request = { method, input, sessionToken: tokens[who], locale };
    return approve ? callApproved(h.call, request, people.manager) : h.call(request);
  };
  const refusal = (answer: Envelope<unknown>) => (answer.ok ? 'ok' : answer.error.code);
  const message = (answer: Envelope<unknown>) => (answer.ok ? '' : answer.error.message);
  const sale = (lines: CartLine[], tendered: number) => ({
    id: uuidv7(),
    cart: { lines, coupons: [] },
    tenders: [{ method: 'cash', tendered }],
  });
  const orderCount = async () =>
    expectOk<{ orders: unknown[] }>(await call('orders.list', { limit: 200 }, 'owner')).orders.length;

  beforeAll(async () => {
    h = await openHarness('in-process');
    people = await createDemo(h.call);
    tokens = {
      owner: await signIn(h.call, people.owner),
      manager: await signIn(h.call, people.manager),
      cashier: await signIn(h.call, people.cashier),
    };
    water = await productBySku(h.call, tokens.cashier, 'DRK-0001');
    apples = await productBySku(h.call, tokens.cashier, 'FRU-0001');
    await openShift(h.call, tokens.cashier, 10_000);
  });

  it('has sane defaults a store can change', async () => {
    const { store } = expectOk<{ store: { settings: typeof defaultLimits } }>(await call('app.status', {}));
    expect(store.settings).toMatchObject(defaultLimits);
    expect(defaultLimits.priceMax).toBe(9_999_999);
    expect(defaultLimits.cashInApprovalAmount).toBe(200_000);
  });

  it('refuses cash received past the limit in both languages, and stores no order', async () => {
    const before = await orderCount();
    const en = await call('orders.commit', sale([lineFor(water)], 500_000_000));
    expect(refusal(en)).toBe('limit_exceeded');
    expect(message(en)).toBe(
      'Cash received of ¥5,000,000.00 is over this store’s limit of ¥100,000.00. Check the figure; the owner can change the limit in Settings → Store.',
    );
    const zh = await call('orders.commit', sale([lineFor(water)], 500_000_000), 'cashier', 'zh-CN');
    expect(message(zh)).toContain('实收现金¥5,000,000.00超过本店上限 ¥100,000.00');
    expect(await orderCount()).toBe(before);
    expectOk(await call('orders.commit', sale([lineFor(water)], defaultLimits.tenderMax)));
  });

  it('refuses a quantity and a weight past the limits', async () => {
    const many = await call('orders.commit', sale([lineFor(water, { kind: 'count', count: 1_000 })], 1_000_000));
    expect(message(many)).toContain('A quantity of 1,000 is over this store’s limit of 999');
    const heavy = await call('orders.commit', sale([lineFor(apples, { kind: 'weight', grams: 200_000 })], 5_000_000));
    expect(message(heavy)).toContain('A weight of 200.000 kg is over this store’s limit of 100.000 kg');
  });

  it('does not park a cart that could never be paid, and keeps what was parked before', async () => {
    const park = (lines: CartLine[], label: string) =>
      call('carts.park', { id: uuidv7(), label, cart: { lines, coupons: [] } });
    const parked = async () => expectOk<{ carts: { label: string }[] }>(await call('carts.list', {})).carts;
    expectOk(await park([lineFor(water, { kind: 'count', count: 3 })], 'table 4'));
    const before = await parked();
    const many = await park([lineFor(water, { kind: 'count', count: 1_000 })], 'table 5');
    expect(message(many)).toContain('A quantity of 1,000 is over this store’s limit of 999');
    const lines = Array.from({ length: 400 }, () => lineFor(apples, { kind: 'weight', grams: 99_000 }));
    expect(refusal(await park(lines, 'table 6'))).toBe('limit_exceeded');
    expect(await parked()).toEqual(before);
    expect(before.map((c) => c.label)).toContain('table 4');
  });

  it('honours price labels only when the scales print prices, and never for an impossible weight', async () => {
    const tooHeavy = await call('orders.commit', sale([lineFor(apples, { kind: 'priced', amount: 99_999 })], 100_000));
    expect(refusal(tooHeavy)).toBe('ok');
    expectOk(await call('store.update', { settings: { weightMaxGrams: 5_000 } }, 'owner'));
    const past = await call('orders.commit', sale([lineFor(apples, { kind: 'priced', amount: 99_999 })], 100_000));
    expect(refusal(past)).toBe('label_weight');
    expect(message(past)).toContain('means 78.124 kg');
    expectOk(await call('store.update', { settings: { scaleLabel: 'weight', weightMaxGrams: 100_000 } }, 'owner'));
    const oneFen = await call('orders.commit', sale([lineFor(apples, { kind: 'priced', amount: 1 })], 100));
    expect(refusal(oneFen)).toBe('label_not_priced');
    expect(message(oneFen)).toContain('“Red Fuji Apples” carries a price label');
    expectOk(await call('store.update', { settings: { scaleLabel: 'price' } }, 'owner'));
    const belowOneGram = await call('orders.commit', sale([lineFor(apples, { kind: 'priced', amount: 1 })], 100));
    expect(refusal(belowOneGram)).toBe('label_weight');
  });

  it('asks a manager for a large cash in and refuses one past the limit', async () => {
    const input = { id: uuidv7(), amount: 300_000, reason: 'change from the bank' };
    const asked = await call('shift.cashIn', input);
    expect(refusal(asked)).toBe('approval_required');
    expect(message(asked)).toContain('a cash in above the store’s limit');
    expectOk(await call('shift.cashIn', input, 'cashier', 'en', true));
    expectOk(await call('shift.cashIn', { id: uuidv7(), amount: 200_000, reason: 'small' }));
    const huge = await call('shift.cashIn', { id: uuidv7(), amount: 100_000_000, reason: 'absurd' }, 'manager');
    expect(message(huge)).toContain('A cash in of ¥1,000,000.00 is over this store’s limit of ¥100,000.00');
    const out = await call('shift.cashOut', { id: uuidv7(), amount: 20_000_000, reason: 'absurd' }, 'manager');
    expect(refusal(out)).toBe('limit_exceeded');
    expect(refusal(await call('shift.xReport', {}, 'manager'))).toBe('ok');
  });

  it('refuses a price past the limit, in the editor and in an import', async () => {
    const editable = await productBySku(h.call, tokens.owner, 'DRK-0001');
    const saved = await call('catalog.saveProduct', { ...editable, price: 50_000_000 }, 'owner');
    expect(message(saved)).toContain('A price of ¥500,000.00 is over this store’s limit of ¥99,999.99');
    const csv = 'sku,price\nDRK-0001,500000\nSNK-0001,3.50\n';
    const imported = expectOk<{ updated: number; failed: number; rows: { error: { code: string } | null }[] }>(
      await call('catalog.importCsv', { csv }, 'owner'),
    );
    expect(imported).toMatchObject({ updated: 1, failed: 1 });
    expect(imported.rows[0].error?.code).toBe('limit_exceeded');
    expect((await productBySku(h.call, tokens.owner, 'DRK-0001')).price).toBe(water.price);
  });

  it('refuses a stock movement past the limit and waste that would take on-hand below zero', async () => {
    const receipt = await call(
      'stock.move',
      { id: uuidv7(), productId: water.id, kind: 'receive', quantity: 99_999_999 },
      'manager',
    );
    expect(message(receipt)).toContain('A stock movement of 99,999,999 is over this store’s limit of 10,000');
    const row = expectOk<{ rows: StockRow[] }>(await call('stock.list', { query: 'DRK-0001' }, 'manager')).rows[0];
    const waste = await call(
      'stock.move',
      { id: uuidv7(), productId: water.id, kind: 'waste', quantity: row.onHand + 1 },
      'manager',
      'zh-CN',
    );
    expect(refusal(waste)).toBe('stock_below_zero');
    expect(message(waste)).toContain(`账面现有 ${row.onHand.toLocaleString('zh-CN')}`);
    const apple = await call(
      'stock.move',
      { id: uuidv7(), productId: apples.id, kind: 'receive', quantity: 20_000_000 },
      'manager',
    );
    expect(message(apple)).toContain('A stock movement of 20,000.000 kg is over this store’s limit of 10,000.000 kg');
    const after = expectOk<{ rows: StockRow[] }>(await call('stock.list', { query: 'DRK-0001' }, 'manager')).rows[0];
    expect(after.onHand).toBe(row.onHand);
  });
});
