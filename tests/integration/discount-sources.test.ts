import { beforeAll, describe, expect, it } from 'vitest';
import { readUnsent } from '../../electron/core/sync/outbox-payloads';
import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail, RefundSummary } from '../../shared/contract/orders';
import type { DaySummary } from '../../shared/contract/reports';
import type { ShiftReport } from '../../shared/contract/shifts';
import { uuidv7 } from '../../shared/ids';
import type { Locale } from '../../shared/locale';
import type { CartCoupon, CartLine, ManualDiscount } from '../../shared/pricing/cart';
import { discountTotal, type SourcedDiscount, sourceKey } from '../../shared/pricing/discount-sources';
import { OrderPaidPayload } from '../../shared/sync/mutations';
import { installVoucherTables, type TestCampaign, type TestSigner, testSigner } from '../contract/voucher-fixture';
import { expectOk, type Harness, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { seededRandom } from '../support/random';
import { lineFor, openShift, productBySku } from '../support/till';

type Random = ReturnType<typeof seededRandom>;

const campaigns: TestCampaign[] = [
  { id: 1, name: '立减5元', type: 'cash_off', value: 500 },
  { id: 2, name: '满50减10', type: 'threshold_off', value: 1_000, rules: { minSpend: 5_000 } },
  { id: 3, name: '八五折', type: 'percent_off', value: 1_500, rules: { cap: 800 } },
  { id: 4, name: '饮料九折', type: 'percent_off', value: 1_000, rules: { categories: ['饮料'], maxPerOrder: 2 } },
  { id: 5, name: '送薯片', type: 'free_item', value: 0, rules: { itemSku: 'SNK-0001' } },
  { id: 6, name: '立减2元', type: 'cash_off', value: 200, rules: { maxPerOrder: 3, skus: ['DAI-0014', 'SNK-0001'] } },
];
const skus = ['DRK-0001', 'DRK-0005', 'DAI-0014', 'SNK-0001', 'SNK-0023'];

let h: Harness;
let signer: TestSigner;
let seller: string;
let products: Product[];

beforeAll(async () => {
  h = await openHarness('in-process');
  const people = await createDemo(h.call);
  // The owner sells: manual discounts of any size need no PIN from them.
  seller = await signIn(h.call, people.owner);
  await openShift(h.call, seller);
  products = await Promise.all(skus.map((sku) => productBySku(h.call, seller, sku)));
  signer = testSigner();
  const plenty = 1_000_000_000;
  installVoucherTables(h.core.environment.db, {
    signer,
    storeNumber: 3,
    campaigns,
    limits: {
      floorPerRedemption: plenty,
      printedFloor: plenty,
      softConsecutive: plenty,
      hardConsecutive: plenty,
      deviceOfflineTotal: plenty,
      storeOfflineTotal: plenty,
    },
  });
});

function manualDiscount(random: Random): ManualDiscount | null {
  const roll = random.next();
  if (roll < 0.55) return null;
  return roll < 0.8
    ? { kind: 'percent', value: 1 + random.int(5_000), reason: '会员日' }
    : { kind: 'amount', value: 1 + random.int(random.next() < 0.1 ? 100_000 : 800), reason: 'damaged box' };
}

function randomLine(random: Random): CartLine {
  const product = random.pick(products);
  const quantity: CartLine['quantity'] =
    product.unit === 'kg'
      ? { kind: 'weight', grams: 1 + random.int(900) }
      : { kind: 'count', count: 1 + random.int(4) };
  return { ...lineFor(product, quantity), discount: manualDiscount(random) };
}

function randomCoupons(random: Random): CartCoupon[] {
  return Array.from({ length: random.int(4) }, () => {
    const campaign = random.pick(campaigns);
    const code = signer.issue({ campaignId: campaign.id, type: campaign.type, value: campaign.value });
    return { redemptionId: uuidv7(), code };
  });
}

type ReceiptRow = { label: string; value: string; cls: string };

/** The receipt as printed: every row of its tables, label and amount, in paper order. */
function receiptRows(html: string): ReceiptRow[] {
  const text = (cell: string) =>
    cell
      .replace(/<[^>]*>/g, '')
      .replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
      .trim();
  return [...html.matchAll(/<tr(?: class="([^"]*)")?><td>(.*?)<\/td><td class="r">(.*?)<\/td><\/tr>/g)].map((m) => ({
    cls: m[1] ?? '',
    label: text(m[2]),
    value: text(m[3]),
  }));
}

/** "¥1,234.05", "−¥5.00", "-¥0.04" → fen. */
function fen(value: string): number {
  const negative = /^[−-]/.test(value);
  const digits = value.replace(/[^\d.]/g, '');
  const amount = Math.round(Number(digits) * 100);
  return negative ? -amount : amount;
}

const subtotalLabel: Record<Locale, string> = { en: 'Subtotal', 'zh-CN': '小计' };
const roundingLabel: Record<Locale, string> = { en: 'Rounding', 'zh-CN': '抹零' };

/** What the paper says: the subtotal, each deduction printed above the total, rounding, and the total. */
function printedSums(html: string, locale: Locale) {
  const rows = receiptRows(html);
  const totalAt = rows.findIndex((row) => row.cls === 'big');
  const above = rows.slice(0, totalAt);
  const subtotal = above.filter((row) => row.label === subtotalLabel[locale]);
  expect(subtotal).toHaveLength(1);
  return {
    subtotal: fen(subtotal[0].value),
    deductions: above.filter((row) => row.value.startsWith('−')).map((row) => -fen(row.value)),
    rounding: above.filter((row) => row.label === roundingLabel[locale]).reduce((sum, row) => sum + fen(row.value), 0),
    total: fen(rows[totalAt].value),
  };
}

function storedSplit(orderId: string) {
  return h.core.environment.db
    .prepare('SELECT line_no, source, campaign_id, amount FROM order_discounts WHERE order_id = ?')
    .all(orderId) as { line_no: number; source: string; campaign_id: number | null; amount: number }[];
}

async function sell(random: Random): Promise<OrderDetail | null> {
  const cart = {
    lines: Array.from({ length: 1 + random.int(5) }, () => randomLine(random)),
    orderDiscount: manualDiscount(random),
    coupons: randomCoupons(random),
  };
  const result = await h.call({
    method: 'orders.commit',
    input: { id: uuidv7(), cart, tenders: [{ method: 'cash', tendered: 500_000 }] },
    sessionToken: seller,
  });
  // A coupon the engine refuses (below its minimum spend, not combinable…) stops the payment.
  if (!result.ok) {
    expect(result.error.code).toMatch(/^voucher_/);
    return null;
  }
  return (result.value as { order: OrderDetail }).order;
}

function expectSameSources(order: OrderDetail) {
  const perSource = new Map<string, number>();
  for (const row of storedSplit(order.id)) {
    const key = row.source === 'coupon' ? `coupon:${row.campaign_id}` : row.source;
    perSource.set(key, (perSource.get(key) ?? 0) + row.amount);
  }
  expect(Object.fromEntries(order.discounts.map((d) => [sourceKey(d), d.amount]))).toEqual(
    Object.fromEntries(perSource),
  );
}

describe('discounts by source', () => {
  it('prints deductions that add up to subtotal − total and stores a split that adds up to the discount, for 300 random orders', async () => {
    const random = seededRandom(20261205);
    const kinds = new Set<string>();
    let sold = 0;
    for (let i = 0; i < 300; i++) {
      const order = await sell(random);
      if (!order) continue;
      sold += 1;
      const locale = random.pick<Locale>(['en', 'zh-CN']);
      const { html } = expectOk<{ html: string }>(
        await h.call({ method: 'orders.receipt', input: { id: order.id }, sessionToken: seller, locale }),
      );
      const paper = printedSums(html, locale);
      const printed = paper.deductions.reduce((a, b) => a + b, 0);
      expect([i, paper.subtotal - printed]).toEqual([i, order.total]);
      expect([i, paper.subtotal - printed + paper.rounding]).toEqual([i, paper.total]);
      expect(paper.subtotal).toBe(order.gross);
      expect(paper.deductions.every((amount) => amount > 0)).toBe(true);

      const split = storedSplit(order.id);
      expect([i, split.reduce((sum, row) => sum + row.amount, 0)]).toEqual([i, order.discount]);
      for (const line of order.lines) {
        const own = split.filter((row) => row.line_no === line.lineNo).reduce((sum, row) => sum + row.amount, 0);
        expect(own).toBe(line.gross - line.net);
      }
      expect(discountTotal(order.discounts)).toBe(order.discount);
      expectSameSources(order);
      // Each coupon campaign took what its vouchers were redeemed for.
      for (const part of order.discounts) {
        kinds.add(part.kind);
        if (part.kind !== 'coupon') continue;
        const redeemed = order.coupons
          .filter((c) => c.campaignName === part.campaignName)
          .reduce((sum, c) => sum + c.amount, 0);
        expect(redeemed).toBe(part.amount);
      }
    }
    expect(sold).toBeGreaterThan(120);
    expect([...kinds].sort()).toEqual(['coupon', 'manual_line', 'manual_order']);

    const day = expectOk<DaySummary>(await h.call({ method: 'reports.day', input: {}, sessionToken: seller }));
    expect(discountTotal(day.discountsBySource)).toBe(day.discounts);
    expect(day.discountsBySource.filter((d) => d.kind === 'coupon').length).toBeGreaterThan(3);

    // What the platform receives: each line's split, checked by the schema the platform applies.
    const sent = readUnsent(h.core.environment.db, 0, 1_000).filter((m) => m.type === 'order.paid');
    expect(sent).toHaveLength(sold);
    const wireParts = sent.flatMap((m) => OrderPaidPayload.parse(m.payload).lines.flatMap((l) => l.discounts ?? []));
    expect(new Set(wireParts.map((part) => part.kind))).toEqual(kinds);
  });

  it('gives discounts back with refunded goods by the order’s own sources, all of them once everything is back', async () => {
    const random = seededRandom(77);
    let checked = 0;
    while (checked < 25) {
      const order = await sell(random);
      if (!order || order.discounts.length < 2) continue;
      checked += 1;
      const refunds: RefundSummary[] = [];
      // Part of each counted line first, then everything that is left.
      const part = order.lines
        .filter((line) => line.quantityKind === 'count' && line.quantity > 1)
        .map((line) => ({ lineNo: line.lineNo, quantity: 1 + random.int(line.quantity - 1) }));
      if (part.length > 0) refunds.push(await refund(order.id, part));
      const now = expectOk<OrderDetail>(
        await h.call({ method: 'orders.get', input: { id: order.id }, sessionToken: seller }),
      );
      const rest = now.lines
        .filter((line) => line.refundedQuantity < line.quantity)
        .map((line) => ({ lineNo: line.lineNo, quantity: line.quantity - line.refundedQuantity }));
      refunds.push(await refund(order.id, rest));

      const original = new Map(order.discounts.map((d) => [sourceKey(d), d.amount]));
      const back = new Map<string, number>();
      for (const r of refunds) {
        for (const d of r.discounts) {
          expect(original.has(sourceKey(d))).toBe(true);
          expect(d.amount).toBeGreaterThan(0);
          back.set(sourceKey(d), (back.get(sourceKey(d)) ?? 0) + d.amount);
        }
      }
      expect(back).toEqual(original);
      // The goods' value less what each refund gives back is what it paid: over the order, its gross.
      const goods = refunds.reduce((sum, r) => sum + r.amount + discountTotal(r.discounts), 0);
      expect(goods).toBe(order.gross);
      const after = expectOk<OrderDetail>(
        await h.call({ method: 'orders.get', input: { id: order.id }, sessionToken: seller }),
      );
      expect(after.refunds.map((r) => r.discounts)).toEqual(refunds.map((r) => r.discounts));
      for (const r of refunds) await expectSlipAddsUp(order.id, r, random.pick<Locale>(['en', 'zh-CN']));
    }
  });

  it('shows each source once on the X and Z reports, on screen and on paper, also for a Z report stored before the split', async () => {
    const day = expectOk<DaySummary>(await h.call({ method: 'reports.day', input: {}, sessionToken: seller }));
    for (const locale of ['en', 'zh-CN'] as const) {
      const x = expectOk<{ report: ShiftReport; html: string }>(
        await h.call({ method: 'shift.xReport', input: {}, sessionToken: seller, locale }),
      );
      // One shift sold everything this day.
      expect(x.report.discountsBySource).toEqual(day.discountsBySource);
      expect(discountTotal(x.report.discountsBySource)).toBe(x.report.discounts);
      const rows = receiptRows(x.html);
      const at = rows.findIndex((row) => row.label === discountsLabel[locale]);
      const after = rows.slice(at + 1);
      const sources = after.slice(
        0,
        after.findIndex((row) => row.cls !== 'sub'),
      );
      expect(sources.map((row) => -fen(row.value))).toEqual(x.report.discountsBySource.map((d) => d.amount));
      expect(-fen(rows[at].value)).toBe(x.report.discounts);
    }

    const x = expectOk<{ report: ShiftReport }>(
      await h.call({ method: 'shift.xReport', input: {}, sessionToken: seller }),
    );
    const closed = expectOk<{ report: ShiftReport }>(
      await h.call({ method: 'shift.close', input: { countedCash: x.report.expectedCash }, sessionToken: seller }),
    );
    expect(closed.report.discountsBySource).toEqual(x.report.discountsBySource);
    const stored = async () =>
      expectOk<{ reports: ShiftReport[] }>(
        await h.call({ method: 'shift.zReports', input: {}, sessionToken: seller }),
      ).reports.find((r) => r.zNumber === closed.report.zNumber);
    expect((await stored())?.discountsBySource).toEqual(x.report.discountsBySource);
    h.core.environment.db
      .prepare("UPDATE shifts SET z_report = json_remove(z_report, '$.discountsBySource') WHERE z_number = ?")
      .run(closed.report.zNumber);
    expect((await stored())?.discountsBySource).toEqual(x.report.discountsBySource);
  });
});

const discountsLabel: Record<Locale, string> = { en: 'Discounts', 'zh-CN': '优惠' };

const goodsLabel: Record<Locale, string> = { en: 'Goods returned', 'zh-CN': '退回商品' };

/** The printed refund slip: goods returned less each discount given back is what was refunded. */
async function expectSlipAddsUp(orderId: string, refund: RefundSummary, locale: Locale) {
  const { html } = expectOk<{ html: string }>(
    await h.call({
      method: 'orders.receipt',
      input: { id: orderId, refundId: refund.id },
      sessionToken: seller,
      locale,
    }),
  );
  const rows = receiptRows(html);
  const refundedAt = rows.findIndex((row) => row.cls === 'big');
  const goods = rows.filter((row) => row.label === goodsLabel[locale]);
  expect(goods).toHaveLength(1);
  const deductions = rows
    .slice(0, refundedAt)
    .filter((row) => row.value.startsWith('−'))
    .map((row) => -fen(row.value));
  expect(deductions).toEqual(refund.discounts.map((d) => d.amount));
  expect(fen(goods[0].value) - deductions.reduce((a, b) => a + b, 0)).toBe(fen(rows[refundedAt].value));
  expect(fen(rows[refundedAt].value)).toBe(refund.amount);
}

async function refund(orderId: string, lines: { lineNo: number; quantity: number }[]): Promise<RefundSummary> {
  const result = expectOk<{ refund: RefundSummary }>(
    await h.call({
      method: 'orders.refund',
      input: { id: uuidv7(), orderId, lines, to: 'cash', reason: 'returned' },
      sessionToken: seller,
    }),
  );
  const parts: SourcedDiscount[] = result.refund.discounts;
  expect(parts.every((d) => d.amount >= 0)).toBe(true);
  return result.refund;
}
