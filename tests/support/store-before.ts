import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { loadMigrations } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open-database';
import { tempDir } from './temp-dir';

/** The till's migrations as they ship. */
export const migrationsDir = fileURLToPath(new URL('../../electron/core/db/migrations', import.meta.url));

/**
 * A data folder as the release before the migration named `…_${topic}.sql` left it: every earlier
 * migration applied, the database open for the test to write old rows. Opening `dataDir` with
 * `migrationsDir` then upgrades it, as a till starting the new release would.
 */
export function storeBefore(topic: string): { dataDir: string; oldDir: string; db: Database } {
  const all = loadMigrations(migrationsDir);
  const at = all.findIndex((m) => m.name.endsWith(`_${topic}.sql`));
  if (at < 1) throw new Error(`no migration named ${topic} after the first`);
  const dataDir = tempDir();
  const oldDir = join(tempDir(), 'old');
  mkdirSync(oldDir);
  for (const m of all.slice(0, at)) writeFileSync(join(oldDir, m.name), m.sql);
  return { dataDir, oldDir, db: openDatabase({ dataDir, migrationsDir: oldDir }).db };
}

/** A cashier (`s1`), a category (`c`) and water at ¥5.00 costing ¥1.00 (`p1`, `DRK-1`): old orders' parents. */
export function seedCashierAndWater(db: Database): void {
  db.exec(`INSERT INTO staff (id, name, role, pin_hash, pin_salt, created_at, updated_at)
      VALUES ('s1', '小王', 'cashier', x'00', x'00', 0, 0);
    INSERT INTO categories (id, name_zh, name_en, created_at, updated_at) VALUES ('c', '饮料', 'Drinks', 0, 0);
    INSERT INTO products (id, category_id, sku, name_zh, name_en, price, cost, tax_rate_bp, unit, created_at, updated_at)
      VALUES ('p1', 'c', 'DRK-1', '水', 'Water', 500, 100, 1300, 'each', 0, 0);`);
}
