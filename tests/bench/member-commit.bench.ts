import { cacheMember } from '../../electron/core/members/member-cache';
import { cacheLadder } from '../../electron/core/members/tier-cache';
import { MemberId, uuidv7 } from '../../shared/ids';
import { TierLadder } from '../../shared/members/tiers';
import { type BenchResult, percentile, record } from './bench-report';
import { latencyFigures, makeSales, timedCommits } from './order-commit.bench';
import { allProducts, openDemoCore, unwrap } from './support/bench-core';

/** Tier prices the ladder holds besides the demo catalog's: a brand's 20,000-price tier is the limit. */
const OTHER_SKUS = 19_800;

/**
 * `orders.commit` of a member's sale through the dispatcher, as `order-commit.bench.ts` measures a
 * plain one: the core reads the member from its cache, their tier with its discount, and the member
 * prices of the cart's SKUs from a tier of 20,000 prices, then prices, writes the member source
 * and links the member. The member and ladder are written to the cache as the platform's streams
 * would write them. Latency per commit only (the throughput of a sale is order-commit's).
 */
export async function benchMemberOrderCommit(orders: number): Promise<BenchResult> {
  const bench = openDemoCore();
  try {
    const { core } = bench;
    const db = core.environment.db;
    const cashier = bench.signIn('cashier');
    unwrap(core.dispatch({ method: 'shift.open', input: { float: 50_000 }, sessionToken: cashier }), 'shift.open');
    const products = allProducts(core, cashier);
    // Every other demo product has a member price 10 % under its list price; the rest take 8 % off.
    const demoPrices = products
      .filter((product, i) => i % 2 === 0 && product.price > 10)
      .map((product) => ({ sku: product.sku, price: Math.floor(product.price * 0.9) }));
    const others = Array.from({ length: OTHER_SKUS }, (_, i) => ({ sku: `MBR-${i}`, price: 100 + (i % 900) }));
    const ladder = TierLadder.parse([
      {
        id: 1,
        nameZh: '金卡会员',
        nameEn: 'Gold',
        minGrowth: 0,
        benefits: [
          { kind: 'tier_discount', rateBp: 800 },
          { kind: 'member_prices', prices: [...demoPrices, ...others].slice(0, 20_000) },
        ],
      },
    ]);
    const memberId = MemberId.parse(uuidv7());
    db.transaction(() => {
      cacheLadder(db, ladder);
      cacheMember(
        db,
        {
          id: memberId,
          maskedPhone: '139****1234',
          phoneHash: null,
          name: null,
          tier: { id: 1, nameZh: '金卡会员', nameEn: 'Gold' },
          growth: 6_000,
          points: 0,
          firstVisitAt: null,
          lastVisitAt: null,
          consent: false,
          erased: false,
          valueSegment: null,
        },
        Date.now(),
      );
    })();
    // Cash well over the list-price total: the core works out the member's total and the change.
    const sales = makeSales(products, 2_000, 11).map(({ cart }) => {
      const gross = cart.lines.reduce((sum, line) => sum + line.unitPrice * 10, 0);
      return { cart: { ...cart, memberId }, tenders: [{ method: 'cash' as const, tendered: gross + 100_000 }] };
    });
    let next = 0;
    let memberSourced = 0;
    const commit = () => {
      const sale = sales[next++ % sales.length];
      const result = core.dispatch({
        method: 'orders.commit',
        input: { id: uuidv7(), cart: sale.cart, tenders: sale.tenders },
        sessionToken: cashier,
      });
      if (!result.ok) throw new Error(`commit failed: ${result.error.code}: ${result.error.message}`);
    };
    const samples = await timedCommits(commit, orders);
    memberSourced = db
      .prepare("SELECT count(DISTINCT order_id) FROM order_discounts WHERE source = 'member'")
      .pluck()
      .get() as number;
    const linked = db.prepare('SELECT count(*) FROM order_members').pluck().get() as number;
    if (linked !== next) throw new Error(`${next} member sales answered ok but ${linked} linked to the member`);
    const p99 = percentile(samples, 99);
    return record({
      name: 'order-commit-member-latency',
      metric: `p99 per member commit, ${orders.toLocaleString('en')} orders, a tier of 20,000 member prices`,
      value: p99,
      unit: 'ms',
      target: 5,
      pass: p99 <= 5,
      notes: {
        orders,
        ...latencyFigures(samples),
        memberPrices: ladder[0].benefits.reduce((n, b) => n + (b.kind === 'member_prices' ? b.prices.length : 0), 0),
        ordersWithMemberSource: memberSourced,
        between: 'event loop turn',
        ...bench.environment(),
      },
    });
  } finally {
    bench.close();
  }
}
