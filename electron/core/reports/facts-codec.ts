import type { SourcedDiscount } from '../../../shared/pricing/discount-sources';
import type { CampaignSums } from './campaign-report';
import type { LineSums } from './range-lines';
import type { SalesCells } from './range-sums';
import { noFacts, type SpanFacts } from './span-facts';

/**
 * A day's facts as stored: every repeated text (cashier, product, category, channel, method) once
 * in a table, every row as a run of numbers in one flat array. A year's report reads 365 of these,
 * and parsing names and objects took longer than summing them; flat numbers parse several times
 * faster and take a third of the space.
 */
type StoredSales = {
  /** The texts the rows point at by index. */
  t: string[];
  /** Cells: channel, hour, cashier, then the sums in `cellSums` order. */
  c: number[];
  /** Methods: method, amount, orders. */
  m: number[];
  /** Cash rounding: cashier, amount. */
  r: number[];
  d: SourcedDiscount[];
  k: CampaignSums;
};
type StoredItems = {
  t: string[];
  /** Products, then categories: key, then the sums in `lineSums` order. */
  p: number[];
  g: number[];
};

/** Each repeated text once: `index` gives its place, `all` the table to store. */
function textTable() {
  const texts = new Map<string, number>();
  return {
    index(value: string): number {
      let found = texts.get(value);
      if (found === undefined) {
        found = texts.size;
        texts.set(value, found);
      }
      return found;
    },
    all: () => [...texts.keys()],
  };
}

const cellSums = ['orders', 'items', 'gross', 'discount', 'tax', 'costedNet', 'cost', 'refunded'] as const;
const lineSums = ['quantity', 'orders', 'gross', 'discount', 'net', 'costedNet', 'cost'] as const;
const CELL = 3 + cellSums.length;
const LINE = 1 + lineSums.length;

/** A day's facts as the two documents stored: what the sales report reads, what the items report reads. */
export function encodeFacts(facts: SpanFacts): { sales: string; items: string } {
  const sales = textTable();
  const items = textTable();
  const lines = (rows: readonly LineSums[]) =>
    rows.flatMap((row) => [items.index(row.key), ...lineSums.map((k) => row[k])]);
  const storedSales: Omit<StoredSales, 't'> = {
    c: facts.cells.flatMap(({ cell, sums }) => [
      sales.index(cell.channel),
      cell.hour,
      sales.index(cell.cashier),
      ...cellSums.map((k) => sums[k]),
    ]),
    m: facts.methods.flatMap((row) => [sales.index(row.method), row.amount, row.orders]),
    r: facts.rounding.flatMap((row) => [sales.index(row.staffId), row.amount]),
    d: facts.discounts,
    k: facts.campaigns,
  };
  const storedItems: Omit<StoredItems, 't'> = { p: lines(facts.products), g: lines(facts.categories) };
  return {
    sales: JSON.stringify({ t: sales.all(), ...storedSales }),
    items: JSON.stringify({ t: items.all(), ...storedItems }),
  };
}

/** The sales report's part of a stored day (the items' part left empty). */
export function decodeSales(day: string, encoded: string): SpanFacts {
  const stored = JSON.parse(encoded) as StoredSales;
  const t = stored.t;
  const c = stored.c;
  const cells: SalesCells = [];
  for (let i = 0; i < c.length; i += CELL) {
    cells.push({
      cell: { day, channel: t[c[i]], hour: c[i + 1], cashier: t[c[i + 2]] },
      sums: {
        orders: c[i + 3],
        items: c[i + 4],
        gross: c[i + 5],
        discount: c[i + 6],
        tax: c[i + 7],
        costedNet: c[i + 8],
        cost: c[i + 9],
        refunded: c[i + 10],
      },
    });
  }
  const methods = [];
  for (let i = 0; i < stored.m.length; i += 3)
    methods.push({ method: t[stored.m[i]], amount: stored.m[i + 1], orders: stored.m[i + 2] });
  const rounding = [];
  for (let i = 0; i < stored.r.length; i += 2) rounding.push({ staffId: t[stored.r[i]], amount: stored.r[i + 1] });
  return { ...noFacts, cells, methods, discounts: stored.d, campaigns: stored.k, rounding };
}

/** The items report's part of a stored day (the sales part left empty). */
export function decodeItems(encoded: string): SpanFacts {
  const stored = JSON.parse(encoded) as StoredItems;
  const lines = (flat: number[]): LineSums[] => {
    const rows: LineSums[] = [];
    for (let i = 0; i < flat.length; i += LINE) {
      rows.push({
        key: stored.t[flat[i]],
        quantity: flat[i + 1],
        orders: flat[i + 2],
        gross: flat[i + 3],
        discount: flat[i + 4],
        net: flat[i + 5],
        costedNet: flat[i + 6],
        cost: flat[i + 7],
      });
    }
    return rows;
  };
  return { ...noFacts, products: lines(stored.p), categories: lines(stored.g) };
}
