import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { searchProducts } from '../../electron/core/catalog/product-search';
import { indexTerms } from '../../electron/core/catalog/search-terms';
import { migrationSteps } from '../../electron/core/db/migration-steps';
import { loadMigrations, migrate, migrationTopic } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open-database';
import { tempDir } from '../support/temp-dir';

const migrationsDir = fileURLToPath(new URL('../../electron/core/db/migrations', import.meta.url));
const migrations = loadMigrations(migrationsDir);
const pinyinAt = migrations.findIndex((m) => migrationTopic(m.name) === 'product_pinyin');

/** A data folder as the release before the pinyin migration left it, with three products. */
function storeBeforePinyin(): { dataDir: string; oldDir: string } {
  const dataDir = tempDir();
  const oldDir = join(tempDir(), 'before-pinyin');
  mkdirSync(oldDir);
  for (const m of migrations.slice(0, pinyinAt)) writeFileSync(join(oldDir, m.name), m.sql);
  const { db } = openDatabase({ dataDir, migrationsDir: oldDir });
  const now = Date.now();
  db.prepare(
    "INSERT INTO categories (id, name_zh, name_en, created_at, updated_at) VALUES ('c', '面包', 'Bread', ?, ?)",
  ).run(now, now);
  const insert = db.prepare(`INSERT INTO products (id, category_id, sku, name_zh, name_en, price, cost, tax_rate_bp,
    unit, created_at, updated_at) VALUES (?, 'c', ?, ?, ?, 880, 500, 1300, 'each', ?, ?)`);
  const terms = db.prepare('INSERT INTO product_search (rowid, terms) VALUES (?, ?)');
  for (const [sku, nameZh, nameEn] of [
    ['BAK-1', '原味牛角包', 'Butter Croissant'],
    ['BAK-2', '法式长棍面包', 'French Baguette'],
    ['DAI-1', '蒙牛纯牛奶 250ml', 'Mengniu Whole Milk 250ml'],
  ]) {
    const { lastInsertRowid } = insert.run(`p-${sku}`, sku, nameZh, nameEn, now, now);
    terms.run(lastInsertRowid, indexTerms(nameZh, nameEn));
  }
  db.close();
  return { dataDir, oldDir };
}

const skus = (db: Database, query: string) =>
  searchProducts(db, { query, includeInactive: false, limit: 50, offset: 0 }).items.map((p) => p.sku);

describe('the product pinyin migration', () => {
  it('is a migration file of its own, and every migration step belongs to one', () => {
    expect(pinyinAt).toBeGreaterThan(0);
    const topics = migrations.map((m) => migrationTopic(m.name));
    expect(Object.keys(migrationSteps).filter((topic) => !topics.includes(topic))).toEqual([]);
  });

  it('indexes the pinyin of products that were there before it, and keeps name search', () => {
    const { dataDir } = storeBeforePinyin();
    const { db, migration } = openDatabase({ dataDir, migrationsDir });
    expect(migration).toMatchObject({ from: pinyinAt, to: migrations.length, backupPath: expect.any(String) });
    expect(skus(db, 'njb')).toEqual(['BAK-1']);
    expect(skus(db, 'niujiaobao')).toEqual(['BAK-1']);
    expect(skus(db, 'zhanggun')).toEqual(['BAK-2']);
    expect(skus(db, 'nn')).toEqual(['DAI-1']);
    expect(skus(db, '牛').sort()).toEqual(['BAK-1', 'DAI-1']);
    expect(skus(db, 'croissant')).toEqual(['BAK-1']);
    expect(
      db
        .prepare('SELECT name FROM schema_migrations WHERE version = ?')
        .pluck()
        .get(pinyinAt + 1),
    ).toBe(migrations[pinyinAt].name);
    db.close();
  });

  it('leaves the store as it was when filling the index fails, and runs again on the next start', () => {
    const { dataDir, oldDir } = storeBeforePinyin();
    const { db: raw } = openDatabase({ dataDir, migrationsDir: oldDir });
    const failing = () => {
      throw new Error('disk full');
    };
    expect(() => migrate(raw, migrations, join(dataDir, 'backups'), Date.now(), { product_pinyin: failing })).toThrow(
      'disk full',
    );
    expect(raw.pragma('user_version', { simple: true })).toBe(pinyinAt);
    expect(raw.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'product_pinyin'").pluck().get()).toBe(0);
    expect(raw.prepare('SELECT terms FROM product_search WHERE rowid = 1').pluck().get()).toBe(
      '原 味 牛 角 包 Butter Croissant',
    );
    raw.close();
    const { db: again } = openDatabase({ dataDir, migrationsDir });
    expect(skus(again, 'njb')).toEqual(['BAK-1']);
    again.close();
  });
});
