import { describe, expect, it } from 'vitest';
import { fitPushBatch } from '../../electron/core/sync/push-batch';
import { LocalName } from '../../shared/contract/catalog';
import { PersonName } from '../../shared/contract/staff';
import { uuidv7 } from '../../shared/ids';
import { Cart } from '../../shared/pricing/cart';
import { OrderPaidPayload } from '../../shared/sync/mutations';
import { PUSH_BATCH_BYTES, PUSH_BATCH_MAX, PUSH_BODY_MAX_BYTES, type PushMutation } from '../../shared/sync/wire';
import { Campaign } from '../../shared/vouchers/campaign';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
const envelope = { deviceId: uuidv7(), auditHead: { seq: 123_456, hash: 'f'.repeat(64) } };

function stockMoved(seq: number, note: string): PushMutation {
  const payload = { id: uuidv7(), sku: 'DRK-0001', kind: 'receive', quantity: 5, at: Date.now(), note };
  return { seq, id: uuidv7(), type: 'stock.moved', payload, createdAt: Date.now() };
}

/** The longest value a string schema takes, and proof that one more character is refused. */
function longest(schema: { safeParse(value: unknown): { success: boolean } }, char: string, length: number): string {
  expect(schema.safeParse(char.repeat(length)).success).toBe(true);
  expect(schema.safeParse(char.repeat(length + 1)).success).toBe(false);
  return char.repeat(length);
}

/**
 * The largest `order.paid` a till can send: as many lines as a cart takes, each with the longest
 * product names, a manual line and order discount and every coupon a cart takes, every text made
 * of a character JSON escapes to six bytes. The counts are checked against the till's own schemas,
 * so raising one of them fails here until the platform's limit is looked at again.
 */
function largestOrder(): PushMutation {
  const char = '\u0001';
  const line = { lineId: 'l', productId: uuidv7(), unitPrice: 1, taxRateBp: 0, quantity: { kind: 'count', count: 1 } };
  const coupon = { redemptionId: uuidv7(), code: 'CP1:X' };
  expect(Cart.safeParse({ lines: Array(500).fill(line), coupons: Array(10).fill(coupon) }).success).toBe(true);
  expect(Cart.safeParse({ lines: Array(501).fill(line) }).success).toBe(false);
  expect(Cart.safeParse({ lines: [line], coupons: Array(11).fill(coupon) }).success).toBe(false);
  const name = longest(LocalName, char, 120);
  const campaignName = longest(Campaign.shape.name, char, 80);
  const cashierName = longest(PersonName, 'a', 40).replace(/a/g, char);
  const id = uuidv7();
  const big = 1_000_000_000;
  const lines = Array.from({ length: 500 }, (_, i) => ({
    lineNo: i + 1,
    sku: 'S'.repeat(40),
    nameZh: name,
    nameEn: name,
    quantityKind: 'priced' as const,
    quantity: 1_000_000,
    unitPrice: 99_999_999,
    gross: big,
    discount: 12 * 80_000_000,
    net: 40_000_000,
    tax: 99_999_999,
    discounts: [
      { kind: 'manual_line' as const, amount: 80_000_000 },
      { kind: 'manual_order' as const, amount: 80_000_000 },
      ...Array.from({ length: 10 }, () => ({
        kind: 'coupon' as const,
        campaignId: 999_999_999,
        campaignName,
        amount: 80_000_000,
      })),
    ],
  }));
  const payload = OrderPaidPayload.parse({
    order: {
      id,
      number: 'X'.repeat(32),
      businessDay: '2026-12-31',
      channel: 'online_delivery',
      paidAt: 9_999_999_999_999,
      cashierName,
      itemCount: 999_999,
      gross: big,
      discount: big,
      total: big,
      rounding: -99,
      tax: big,
      onlineOrderId: id,
    },
    lines,
    payments: Array.from({ length: 20 }, () => ({
      method: 'platform_prepaid',
      amount: big,
      reference: 'R'.repeat(64),
    })),
    stock: lines.map(() => ({
      id,
      sku: 'S'.repeat(40),
      kind: 'online_sale',
      quantity: -1_000_000,
      at: 9_999_999_999_999,
    })),
  });
  return { seq: 999_999_999, id, type: 'order.paid', payload, createdAt: 9_999_999_999_999 };
}

describe('push batches cut by size', () => {
  it('keeps a batch of small records whole', () => {
    const mutations = Array.from({ length: PUSH_BATCH_MAX }, (_, i) => stockMoved(i + 1, '到货'));
    const body = fitPushBatch(envelope, mutations);
    expect(body.mutations).toHaveLength(PUSH_BATCH_MAX);
    expect(body).toEqual({ ...envelope, mutations });
  });

  it('closes a batch at the byte budget, to the byte', () => {
    const mutations = Array.from({ length: 40 }, (_, i) => stockMoved(i + 1, '货'.repeat(150)));
    const budget = 10_000;
    const body = fitPushBatch(envelope, mutations, budget);
    expect(body.mutations.length).toBeGreaterThan(1);
    expect(body.mutations.length).toBeLessThan(mutations.length);
    expect(bytes(body)).toBeLessThanOrEqual(budget);
    const oneMore = { ...envelope, mutations: mutations.slice(0, body.mutations.length + 1) };
    expect(bytes(oneMore)).toBeGreaterThan(budget);
    // The exact sum: a budget of exactly this body's size still takes all of it.
    expect(fitPushBatch(envelope, body.mutations, bytes(body)).mutations).toHaveLength(body.mutations.length);
  });

  it('sends a record larger than the budget on its own rather than never', () => {
    const huge = stockMoved(1, 'x'.repeat(400));
    const body = fitPushBatch(envelope, [huge, stockMoved(2, '')], 100);
    expect(body.mutations).toEqual([huge]);
  });

  it('leaves the platform room for the largest order the till can make, alone in a push', () => {
    const order = largestOrder();
    const alone = bytes(fitPushBatch(envelope, [order]));
    expect(alone).toBeGreaterThan(PUSH_BATCH_BYTES);
    expect(alone).toBeLessThanOrEqual(PUSH_BODY_MAX_BYTES);
  });
});
