import { beforeAll, describe, expect, it } from 'vitest';
import { contract, type Envelope, type MethodName, methodNames } from '../../shared/contract';
import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail } from '../../shared/contract/orders';
import type { DaySummary } from '../../shared/contract/reports';
import type { ShiftReport } from '../../shared/contract/shifts';
import { uuidv7 } from '../../shared/ids';
import { ceilings } from '../../shared/limits';
import type { CartLine, ManualDiscount, Quantity } from '../../shared/pricing/cart';
import { addDays } from '../../shared/reports/periods';
import { expectOk, type Harness, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { lineFor } from '../support/till';

/**
 * Outputs are never stricter than inputs: with every limit raised to its ceiling, the till takes the
 * largest values each input allows, many times over, and then every read method, report, X report,
 * close and Z report still answers. Sums here pass ¥10,000,000,000, the old bound on a figure.
 */
describe('the largest values every input allows', () => {
  let h: Harness;
  let owner: string;
  const call = (method: string, input: unknown) => h.call({ method, input, sessionToken: owner, locale: 'en' });
  const products: Record<'priciest' | 'fiveHundred' | 'byLabel' | 'byWeight', Product> = {} as never;
  let bigOrder: OrderDetail;

  const manySales = 1_050;
  const maxCount = Math.floor(ceilings.sale / ceilings.price);

  async function product(sku: string, price: number, unit: 'each' | 'kg'): Promise<Product> {
    const { categories } = expectOk<{ categories: { id: string }[] }>(await call('catalog.listCategories', {}));
    return expectOk<Product>(
      await call('catalog.saveProduct', {
        categoryId: categories[0].id,
        sku,
        nameZh: `最大${sku}`,
        nameEn: `Largest ${sku}`,
        price,
        cost: ceilings.price,
        unit,
      }),
    );
  }

  async function sell(lines: CartLine[], tendered: number, orderDiscount: ManualDiscount | null = null) {
    return expectOk<{ order: OrderDetail }>(
      await call('orders.commit', {
        id: uuidv7(),
        cart: { lines, orderDiscount, coupons: [] },
        tenders: [{ method: 'cash', tendered }],
      }),
    ).order;
  }

  const lines = (p: Product, quantity: Quantity, count: number) =>
    Array.from({ length: count }, () => lineFor(p, quantity));

  beforeAll(async () => {
    h = await openHarness('in-process');
    const people = await createDemo(h.call);
    owner = await signIn(h.call, people.owner);
    expectOk(
      await call('store.update', {
        settings: {
          scaleLabel: 'price',
          priceMax: ceilings.price,
          countMax: ceilings.count,
          weightMaxGrams: ceilings.weightGrams,
          saleMax: ceilings.sale,
          tenderMax: ceilings.tender,
          cashInMax: ceilings.cashMovement,
          cashInApprovalAmount: ceilings.cashMovement,
          cashOutMax: ceilings.cashMovement,
          stockMoveMax: ceilings.stockMove,
          discountApprovalAmount: 1_000_000_000,
        },
      }),
    );
    products.priciest = await product('MAX-PRICE', ceilings.price, 'each');
    products.fiveHundred = await product('MAX-LINES', ceilings.sale / 500, 'each');
    products.byLabel = await product('MAX-LABEL', ceilings.labelAmount, 'kg');
    products.byWeight = await product('MAX-WEIGHT', ceilings.price, 'kg');
    expectOk(await call('shift.open', { float: ceilings.cashMovement }));
  }, 120_000);

  it('refuses a sale past the largest with a clear message, not an internal error', async () => {
    const refused = await call('orders.commit', {
      id: uuidv7(),
      cart: { lines: lines(products.priciest, { kind: 'count', count: ceilings.count }, 500), coupons: [] },
      tenders: [{ method: 'cash', tendered: ceilings.tender }],
    });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('limit_exceeded');
    if (!refused.ok) expect(refused.error.message).toContain('over this store’s limit of ¥10,000,000.00');
  });

  it('takes the largest sales, tenders, cash movements, refunds and stock movements', async () => {
    bigOrder = await sell(lines(products.fiveHundred, { kind: 'count', count: 1 }, 500), ceilings.tender);
    expect(bigOrder.total).toBe(ceilings.sale);
    const labels = await sell(
      lines(products.byLabel, { kind: 'priced', amount: ceilings.labelAmount }, 500),
      ceilings.tender,
    );
    expect(labels.lines[0].quantity).toBe(1_000);
    await sell(lines(products.byWeight, { kind: 'weight', grams: 10_000 }, 1), ceilings.tender);
    await sell(lines(products.priciest, { kind: 'count', count: maxCount }, 1), ceilings.tender, {
      kind: 'percent',
      value: 10_000,
      reason: 'largest discount',
    });
    for (let i = 0; i < manySales; i++) {
      await sell([lineFor(products.priciest, { kind: 'count', count: maxCount })], ceilings.tender);
      expectOk(await call('shift.cashIn', { id: uuidv7(), amount: ceilings.cashMovement, reason: 'largest' }));
    }
    for (let i = 0; i < 3; i++) {
      expectOk(await call('shift.cashOut', { id: uuidv7(), amount: ceilings.cashMovement, reason: 'largest' }));
    }
    expectOk(
      await call('orders.refund', {
        id: uuidv7(),
        orderId: bigOrder.id,
        lines: bigOrder.lines.map((line) => ({ lineNo: line.lineNo, quantity: line.quantity })),
        to: 'cash',
        reason: 'largest refund',
      }),
    );
    for (const p of [products.priciest, products.byWeight]) {
      const most = p.unit === 'kg' ? ceilings.stockMove * 1_000 : ceilings.stockMove;
      for (let i = 0; i < 20; i++) {
        expectOk(await call('stock.move', { id: uuidv7(), productId: p.id, kind: 'receive', quantity: most }));
      }
      expectOk(await call('stock.move', { id: uuidv7(), productId: p.id, kind: 'waste', quantity: most }));
      expectOk(await call('stock.move', { id: uuidv7(), productId: p.id, kind: 'adjustment', quantity: -most }));
    }
    const report = expectOk<{ report: ShiftReport }>(await call('shift.xReport', {})).report;
    expect(report.cashIn.amount).toBe(manySales * ceilings.cashMovement);
    expect(report.gross).toBeGreaterThan(1_000_000_000_000);
  }, 600_000);

  it('answers every read method while the shift is open', async () => {
    await walkReads();
  }, 120_000);

  it('closes the shift and prints its Z report, then answers every read method again', async () => {
    const closed = expectOk<{ report: ShiftReport }>(
      await call('shift.close', { countedCash: 1_000_000_000_000 }),
    ).report;
    expect(closed.kind).toBe('z');
    const day = expectOk<DaySummary>(await call('reports.day', {}));
    expect(day.orders).toBe(manySales + 4);
    expectOk(await call('shift.reprintZ', { zNumber: closed.zNumber }));
    await walkReads();
  }, 120_000);

  /**
   * Every method that changes nothing, found in the contract, so a new read method is walked
   * without touching this test; one that needs an input names it in `samples` or fails here.
   */
  async function walkReads(): Promise<void> {
    const samples: Partial<Record<MethodName, unknown>> = {
      'catalog.findByBarcode': { barcode: products.priciest.barcodes[0] ?? '2000000000008' },
      'catalog.getProduct': { id: products.priciest.id },
      'stock.history': { productId: products.fiveHundred.id, limit: 200 },
      'orders.get': { id: bigOrder.id },
      'orders.receipt': { id: bigOrder.id },
      'orders.list': { limit: 200 },
      'vouchers.check': { code: 'NOT-A-VOUCHER' },
      // The longest range there is, ending on the day of the largest sales, against a year before.
      'reports.sales': {
        period: 'range',
        firstDay: addDays(bigOrder.businessDay, -1_095),
        lastDay: bigOrder.businessDay,
        comparison: 'year_on_year',
      },
      'reports.items': {
        period: 'range',
        firstDay: addDays(bigOrder.businessDay, -1_095),
        lastDay: bigOrder.businessDay,
        comparison: 'year_on_year',
      },
      'reports.completeness': {
        period: 'range',
        firstDay: addDays(bigOrder.businessDay, -1_095),
        lastDay: bigOrder.businessDay,
        comparison: null,
      },
      'reports.orderLines': { firstDay: addDays(bigOrder.businessDay, -1_095), lastDay: bigOrder.businessDay },
      'reports.settlement': {
        period: 'range',
        firstDay: addDays(bigOrder.businessDay, -1_095),
        lastDay: bigOrder.businessDay,
        comparison: 'year_on_year',
      },
      'reports.reconcile': { day: bigOrder.businessDay },
      // Member figures come from the platform; without one the till answers from what it kept.
      'reports.members': {
        period: 'range',
        firstDay: addDays(bigOrder.businessDay, -1_095),
        lastDay: bigOrder.businessDay,
        comparison: null,
      },
      'reports.pointsLiability': {
        period: 'range',
        firstDay: addDays(bigOrder.businessDay, -1_095),
        lastDay: bigOrder.businessDay,
        comparison: null,
      },
      // No platform signed in here: refused in words (owner_not_signed_in), never an internal error.
      'franchise.sales': { firstDay: addDays(bigOrder.businessDay, -1_095), lastDay: bigOrder.businessDay },
      'franchise.catalog': { limit: 1000 },
      'franchise.storePrices': { storeId: uuidv7(), limit: 1000 },
      'franchise.compare': {
        period: 'range',
        firstDay: addDays(bigOrder.businessDay, -1_095),
        lastDay: bigOrder.businessDay,
        comparison: 'year_on_year',
      },
      'franchise.stock': { only: 'low', query: '鲜'.repeat(64), limit: 500 },
      'franchise.stockMovements': {
        storeId: uuidv7(),
        firstDay: addDays(bigOrder.businessDay, -1_095),
        lastDay: bigOrder.businessDay,
        limit: 500,
      },
      // A member this till has not seen gets nothing; the 500 ids are still read.
      'members.benefits': { memberId: uuidv7(), productIds: Array(500).fill(products.priciest.id) },
      'members.pointsOffer': { memberId: uuidv7(), due: ceilings.sale },
      'members.couponMember': { memberId: uuidv7(), campaignIds: Array(10).fill(2 ** 31) },
      'reports.feedback': {
        period: 'range',
        firstDay: addDays(bigOrder.businessDay, -1_095),
        lastDay: bigOrder.businessDay,
        comparison: 'year_on_year',
      },
    };
    const reads = methodNames.filter((name) => !contract[name].mutates);
    expect(reads.length).toBeGreaterThan(20);
    for (const name of reads) {
      const input = samples[name] ?? {};
      expect(contract[name].input.safeParse(input).success, `${name} needs a sample input here`).toBe(true);
      const answer: Envelope<unknown> = await call(name, input);
      expect(answer.ok ? 'ok' : `${answer.error.code}: ${answer.error.message}`, name).not.toMatch(/^internal/);
    }
    // The longest drill-down there is: three years of the largest sales, by product, all its sums.
    const span = { firstDay: addDays(bigOrder.businessDay, -1_095), lastDay: bigOrder.businessDay, untilMinute: null };
    const drill = await call('orders.list', { span, productId: products.priciest.id, limit: 200 });
    expect(drill.ok ? 'ok' : `${drill.error.code}: ${drill.error.message}`).toBe('ok');
  }
});
