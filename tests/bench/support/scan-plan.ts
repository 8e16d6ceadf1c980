import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidGtin } from '../../../shared/barcodes';
import { parseCsv } from '../../../shared/csv';
import { repoRoot } from '../../e2e/support/paths';

/** A count product of the demo catalog a scanner can read: its Chinese name is what its cart line shows. */
export type ScanProduct = { sku: string; name: string; codes: string[] };

/** One scan and what the cart shows once it has landed: the product's line with at least `qty` items. */
export type PlannedScan = { code: string; name: string; qty: number };

export type ScanPlan = { scans: PlannedScan[]; lines: { name: string; qty: number }[] };

/**
 * The `each` products of resources/demo/catalog.csv with a valid EAN-13 that is not an in-store
 * (2x) code, which the till would first read as a scale label. Names are unique among them, so a
 * cart line is known by its name.
 */
export function scannableProducts(): ScanProduct[] {
  const [header, ...rows] = parseCsv(readFileSync(join(repoRoot, 'resources', 'demo', 'catalog.csv'), 'utf8'));
  const column = (name: string) => header.fields.indexOf(name);
  const [sku, barcodes, nameZh, unit] = ['sku', 'barcodes', 'name_zh', 'unit'].map(column);
  const products: ScanProduct[] = [];
  const names = new Set<string>();
  for (const { fields } of rows) {
    const codes = fields[barcodes].split('|').filter((code) => /^\d{13}$/.test(code) && !code.startsWith('2'));
    if (fields[unit] !== 'each' || codes.length === 0 || !codes.every(isValidGtin) || names.has(fields[nameZh])) {
      continue;
    }
    names.add(fields[nameZh]);
    products.push({ sku: fields[sku], name: fields[nameZh], codes });
  }
  return products;
}

/** mulberry32: the same products in the same order on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seeded(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Every scan a different product: each adds its own line. */
export function distinctPlan(products: readonly ScanProduct[]): ScanPlan {
  const scans = products.map((product) => ({ code: product.codes[0], name: product.name, qty: 1 }));
  return { scans, lines: scans.map(({ name }) => ({ name, qty: 1 })) };
}

/**
 * A basket as it comes down the belt: mostly different products, and every `repeatEvery`-th scan
 * one already in the cart again (by any of its barcodes), which adds one to that product's line.
 */
export function basketPlan(
  products: readonly ScanProduct[],
  count: number,
  repeatEvery: number,
  seed: number,
): ScanPlan {
  const random = seeded(seed);
  const scans: PlannedScan[] = [];
  const lines: { name: string; qty: number; product: ScanProduct }[] = [];
  let nextNew = 0;
  for (let k = 0; k < count; k++) {
    const repeat = lines.length > 0 && (k + 1) % repeatEvery === 0;
    if (repeat) {
      const line = lines[Math.floor(random() * lines.length)];
      line.qty += 1;
      const code = line.product.codes[Math.floor(random() * line.product.codes.length)];
      scans.push({ code, name: line.name, qty: line.qty });
    } else {
      const product = products[nextNew++];
      if (!product) throw new Error(`the demo catalog has too few scannable products for ${count} scans`);
      lines.push({ name: product.name, qty: 1, product });
      scans.push({ code: product.codes[0], name: product.name, qty: 1 });
    }
  }
  return { scans, lines: lines.map(({ name, qty }) => ({ name, qty })) };
}
