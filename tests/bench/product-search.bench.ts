import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveCategory, saveProduct } from '../../electron/core/catalog/product-records';
import { openCounterCore } from '../../electron/core/counter-core';
import type { ProductInput } from '../../shared/contract/catalog';
import type { CategoryId } from '../../shared/ids';
import type { Money } from '../../shared/money';
import { seededRandom } from '../support/random';
import { type BenchResult, percentile, record } from './bench-report';

const brands = [
  ['农夫', 'Nongfu'],
  ['康师傅', 'Master Kong'],
  ['统一', 'Uni'],
  ['伊利', 'Yili'],
  ['蒙牛', 'Mengniu'],
  ['旺旺', 'Want Want'],
  ['三只松鼠', 'Three Squirrels'],
  ['良品', 'Bestore'],
  ['百事', 'Pepsi'],
  ['雀巢', 'Nestle'],
  ['乐事', "Lay's"],
  ['达利', 'Dali'],
];
const kinds = [
  ['牛奶', 'Milk'],
  ['酸奶', 'Yogurt'],
  ['可乐', 'Cola'],
  ['绿茶', 'Green Tea'],
  ['方便面', 'Instant Noodles'],
  ['薯片', 'Potato Chips'],
  ['饼干', 'Biscuits'],
  ['面包', 'Bread'],
  ['矿泉水', 'Mineral Water'],
  ['咖啡', 'Coffee'],
  ['果汁', 'Juice'],
  ['巧克力', 'Chocolate'],
  ['坚果', 'Nuts'],
  ['香肠', 'Sausage'],
  ['纸巾', 'Tissues'],
  ['洗发水', 'Shampoo'],
];
const flavours = [
  ['原味', 'Original'],
  ['草莓', 'Strawberry'],
  ['香草', 'Vanilla'],
  ['麻辣', 'Spicy'],
  ['海盐', 'Sea Salt'],
  ['蜂蜜', 'Honey'],
  ['柠檬', 'Lemon'],
  ['芒果', 'Mango'],
  ['抹茶', 'Matcha'],
  ['红枣', 'Red Date'],
];
const sizes = ['100g', '250ml', '330ml', '500ml', '1L', '6x250ml', '200g', '12pcs', '45g', '1.5L'];

/** Fills a catalog of `count` products spread over 40 categories, seeded so runs compare. */
export function fillCatalog(db: Parameters<typeof saveProduct>[0], count: number): void {
  const random = seededRandom(42);
  const now = Date.parse('2026-11-01T00:00:00Z');
  db.transaction(() => {
    const categories: CategoryId[] = [];
    for (let i = 0; i < 40; i++) {
      categories.push(
        saveCategory(db, { nameZh: `分类${i}`, nameEn: `Category ${i}`, sort: i, active: true }, now).category.id,
      );
    }
    for (let i = 0; i < count; i++) {
      const [bz, be] = random.pick(brands);
      const [kz, ke] = random.pick(kinds);
      const [fz, fe] = random.pick(flavours);
      const size = random.pick(sizes);
      // A product line code per brand family, so the vocabulary grows with the catalog as real ones do.
      const line = `${'ABCDEFGHJKLMNPQRSTUVWXYZ'[random.int(24)]}${random.int(2000)}`;
      const input: ProductInput = {
        categoryId: random.pick(categories),
        sku: `SKU-${String(i).padStart(6, '0')}`,
        barcodes: [`69${String(10_000_000_000 + i).slice(1)}`],
        plu: null,
        nameZh: `${bz}${fz}${kz} ${size} ${line}`,
        nameEn: `${be} ${fe} ${ke} ${size} ${line}`,
        price: (100 + random.int(20_000)) as Money,
        cost: 50 as Money,
        taxRateBp: 1300,
        unit: 'each',
        active: true,
        listedOnline: true,
      };
      saveProduct(db, input, now);
    }
  })();
}

/** What a cashier types, keystroke by keystroke: every prefix of these is one query. */
const typed = [
  '牛奶',
  '草莓酸奶',
  '康师傅方便面',
  'cola',
  'coca',
  'potato chips',
  'mango juice',
  'SKU-0420',
  '6900000012345',
  'three squ',
  '抹茶巧克力',
  'nest cof',
  // Pinyin, as Chinese cashiers type it: initials, full syllables, with spaces, in capitals.
  'nn',
  'niunai',
  'ksfyw',
  'fbm',
  'kang shi fu',
  'CMSN',
  'caomeisuan',
];
const pinyinQueries = new Set(typed.slice(typed.indexOf('nn')));

export function benchProductSearch(size: number): BenchResult {
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-bench-'));
  const core = openCounterCore({ dataDir });
  try {
    core.dispatch({
      method: 'store.create',
      input: { name: 'Bench', timeZone: 'Asia/Shanghai', owner: { name: 'O', pin: '1234' } },
    });
    fillCatalog(core.environment.db, size);
    const options = core.dispatch({ method: 'staff.signInOptions', input: {} });
    const owner = options.ok ? (options.value as { staff: { id: string }[] }).staff[0] : null;
    const signIn = core.dispatch({ method: 'staff.signIn', input: { staffId: owner?.id, pin: '1234' } });
    const sessionToken = signIn.ok ? (signIn.value as { sessionToken: string }).sessionToken : '';
    const queries = typed.flatMap((word) =>
      [...word].map((_, i) => ({ query: word.slice(0, i + 1), pinyin: pinyinQueries.has(word) })),
    );
    const samples: number[] = [];
    const pinyinSamples: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const { query, pinyin } of queries) {
        const started = performance.now();
        const result = core.dispatch({ method: 'catalog.searchProducts', input: { query, limit: 50 }, sessionToken });
        samples.push(performance.now() - started);
        if (pinyin) pinyinSamples.push(performance.now() - started);
        if (!result.ok) throw new Error(`search failed: ${result.error.message}`);
      }
    }
    const p95 = percentile(samples, 95);
    return record({
      name: 'product-search',
      metric: `p95 per keystroke, ${size.toLocaleString('en')} products`,
      value: p95,
      unit: 'ms',
      target: 10,
      pass: p95 <= 10,
      notes: {
        products: size,
        queries: samples.length,
        p50: +percentile(samples, 50).toFixed(2),
        p99: +percentile(samples, 99).toFixed(2),
        max: +Math.max(...samples).toFixed(2),
        pinyinP95: +percentile(pinyinSamples, 95).toFixed(2),
      },
    });
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
