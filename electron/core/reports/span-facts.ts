import type { Database } from 'better-sqlite3';
import type { SourcedDiscount } from '../../../shared/pricing/discount-sources';
import { type CampaignSums, campaignSums, mergeCampaigns } from './campaign-report';
import { type CashierRounding, roundingBy } from './cashier-activity';
import { type LineSums, linesBy, type MethodSums, mergeByKey, methodsIn } from './range-lines';
import { discountsIn } from './range-money';
import { type SalesCells, type SpanBounds, salesCells } from './range-sums';

/**
 * Everything the sales and items reports read from a span's orders, lines, payments and
 * discounts, in a form that adds: the facts of two disjoint spans merged are the facts of both.
 * A closed day's facts are stored (day-facts.ts); a report merges stored days with the raw rows of
 * the rest. What is counted by when it happened, not by its order's day (refunds made, voids,
 * no-sale openings), is not here: those are few and read from their own indexes.
 */
export type SpanFacts = {
  cells: SalesCells;
  products: LineSums[];
  categories: LineSums[];
  methods: MethodSums[];
  discounts: SourcedDiscount[];
  campaigns: CampaignSums;
  rounding: CashierRounding[];
};

export const noFacts: SpanFacts = {
  cells: [],
  products: [],
  categories: [],
  methods: [],
  discounts: [],
  campaigns: { used: [], withoutCoupon: { orders: 0, revenue: 0 } },
  rounding: [],
};

/**
 * Which facts a report reads: the sales report all its sums for its period and only the cells and
 * methods for the compared one; the items report its lines; all of them to store a day.
 */
export type FactsNeeded = 'sales' | 'comparedSales' | 'items' | 'all';

/** A span's facts from its raw rows: only those `needed` (the rest left empty). */
export function rawFacts(db: Database, bounds: SpanBounds, needed: FactsNeeded = 'all'): SpanFacts {
  const cells = needed !== 'items';
  const sales = needed === 'sales' || needed === 'all';
  const items = needed === 'items' || needed === 'all';
  return {
    cells: cells ? salesCells(db, bounds) : [],
    products: items ? linesBy(db, bounds, 'product') : [],
    categories: items ? linesBy(db, bounds, 'category') : [],
    methods: cells ? methodsIn(db, bounds) : [],
    discounts: sales ? discountsIn(db, bounds) : [],
    campaigns: sales ? campaignSums(db, bounds) : noFacts.campaigns,
    rounding: sales ? roundingBy(db, bounds) : [],
  };
}

/** Disjoint spans' facts as one span's. Cells may repeat a key: every reader rolls them up. */
export function mergeFacts(all: readonly SpanFacts[]): SpanFacts {
  if (all.length === 1) return all[0];
  return {
    cells: all.flatMap((facts) => facts.cells),
    products: mergeByKey(
      all.flatMap((facts) => facts.products),
      'key',
    ),
    categories: mergeByKey(
      all.flatMap((facts) => facts.categories),
      'key',
    ),
    methods: mergeByKey(
      all.flatMap((facts) => facts.methods),
      'method',
    ),
    discounts: all.flatMap((facts) => facts.discounts),
    campaigns: mergeCampaigns(all.map((facts) => facts.campaigns)),
    rounding: mergeByKey(
      all.flatMap((facts) => facts.rounding),
      'staffId',
    ),
  };
}
