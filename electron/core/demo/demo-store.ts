import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { businessDayOf } from '../../../shared/business-day';
import { type StaffId, uuidv7 } from '../../../shared/ids';
import type { Locale } from '../../../shared/locale';
import type { Role } from '../../../shared/roles';
import { importProductsCsv } from '../catalog/csv-import';
import type { HandlerContext } from '../handler-context';
import { createStaff } from '../staff/staff-handlers';
import { recordMovement } from '../stock/stock-ledger';
import { storeStatements } from '../store/store-records';
import { enqueue } from '../sync/outbox';
import { writeOrderHistory } from './sales-history';

type DemoStaff = { name: Record<Locale, string>; role: Role; pin: string };

/** PINs are shown on the sign-in screen of the demo store only. */
export const demoStaff: DemoStaff[] = [
  { name: { 'zh-CN': '王芳', en: 'Fang Wang' }, role: 'owner', pin: '8888' },
  { name: { 'zh-CN': '李明', en: 'Ming Li' }, role: 'manager', pin: '2222' },
  { name: { 'zh-CN': '张伟', en: 'Wei Zhang' }, role: 'cashier', pin: '1111' },
  { name: { 'zh-CN': '陈静', en: 'Jing Chen' }, role: 'cashier', pin: '3333' },
];

const demoCutoffHour = 4;

/** A convenience store with a café corner: what a new user sees on first launch. */
/**
 * The demo's past: fourteen weeks before today and today up to now, about fifty sales a day, so a
 * month is compared with a whole month and today opens against last week's same hours, not at −100 %.
 */
const demoHistory = { orders: 5_050, days: 99, seed: 2026 };

export function createDemoStore(ctx: HandlerContext, input: { timeZone: string; locale: Locale; history: boolean }) {
  const storeId = uuidv7(ctx.now);
  storeStatements(ctx.db).insert.run({
    id: storeId,
    name: input.locale === 'zh-CN' ? '柜台便利店（演示）' : 'Counter Corner Shop (demo)',
    timeZone: input.timeZone,
    currency: 'CNY',
    dayCutoffHour: demoCutoffHour,
    demo: 1,
    now: ctx.now,
  });
  const staff: StaffId[] = demoStaff.map(
    (member) =>
      createStaff(ctx, { name: member.name[input.locale], role: member.role, pin: member.pin, demoPin: true }).id,
  );
  const csv = readFileSync(join(ctx.resourcesDir, 'demo', 'catalog.csv'), 'utf8');
  const catalog = importProductsCsv(ctx.db, csv, { currency: 'CNY', locale: input.locale, now: ctx.now });
  if (catalog.failed > 0) {
    const first = catalog.rows.find((row) => row.status === 'error');
    throw new Error(`demo catalog has ${catalog.failed} bad rows, first: ${JSON.stringify(first)}`);
  }
  countOpeningStock(ctx, staff[0]);
  const history = input.history
    ? writeOrderHistory(ctx.db, {
        ...demoHistory,
        lastDay: businessDayOf(ctx.now, input.timeZone, demoCutoffHour),
        until: ctx.now,
      })
    : null;
  return { storeId, staff, products: catalog.created, historyOrders: history?.orders ?? 0 };
}

/**
 * The shelves are counted on day one, so on-hand, low stock and online sales show real figures.
 * Counts are fixed per SKU, so every demo store starts alike; they go to the platform like any count.
 */
function countOpeningStock(ctx: HandlerContext, ownerId: string): void {
  const products = ctx.db.prepare('SELECT id, sku, unit FROM products ORDER BY sku').all() as {
    id: string;
    sku: string;
    unit: 'each' | 'kg';
  }[];
  for (const product of products) {
    const spread = [...product.sku].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 40;
    const quantity = product.unit === 'kg' ? (5 + spread / 4) * 1_000 : 12 + spread;
    const id = recordMovement(ctx.db, {
      productId: product.id,
      kind: 'count',
      quantity,
      at: ctx.now,
      staffId: ownerId,
    });
    enqueue(ctx.db, { id, type: 'stock.moved', payload: { note: 'opening stock' }, now: ctx.now });
  }
}
