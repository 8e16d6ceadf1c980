import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCounterCore } from '../../electron/core/counter-core';
import { DatabaseTooNewError, loadMigrations, MigrationChangedError } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open-database';
import { daySummarySql } from '../../electron/core/reports/day-summary';
import { currentLock, readPinGuard } from '../../electron/core/staff/pin-guards';
import { outboxPayloadSql } from '../../electron/core/sync/outbox-payloads';
import { uuidv7 } from '../../shared/ids';
import { tempDir } from '../support/temp-dir';

const migrationsDir = fileURLToPath(new URL('../../electron/core/db/migrations', import.meta.url));
const latest = loadMigrations(migrationsDir).length;

describe('the SQLite store', () => {
  it('creates a new database at the latest schema with the pragmas orders need', () => {
    const { db } = openDatabase({ dataDir: tempDir(), migrationsDir });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const recorded = db.prepare('SELECT version, checksum FROM schema_migrations').all();
    expect(recorded).toHaveLength(latest);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const dataDir = tempDir();
    openCounterCore({ dataDir }).close();
    const raw = new BetterSqlite3(join(dataDir, 'counter.db'));
    raw.pragma(`user_version = ${latest + 1}`);
    raw.close();
    expect(() => openCounterCore({ dataDir })).toThrow(DatabaseTooNewError);
    expect(() => openCounterCore({ dataDir })).toThrow(/newer version of Counter/);
    const after = new BetterSqlite3(join(dataDir, 'counter.db'));
    expect(after.pragma('user_version', { simple: true })).toBe(latest + 1);
    after.close();
  });

  it('refuses to run when a landed migration was edited', () => {
    const dataDir = tempDir();
    const { db } = openDatabase({ dataDir, migrationsDir });
    db.prepare("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1").run();
    db.close();
    expect(() => openDatabase({ dataDir, migrationsDir })).toThrow(MigrationChangedError);
  });

  it('backs the file up before upgrading, and keeps the data through the upgrade', () => {
    const dataDir = tempDir();
    const core = openCounterCore({ dataDir });
    core.dispatch({ method: 'store.createDemo', input: {} });
    core.close();
    const nextDir = tempDir();
    for (const m of loadMigrations(migrationsDir)) writeFileSync(join(nextDir, m.name), m.sql);
    writeFileSync(
      join(nextDir, `${String(latest + 1).padStart(4, '0')}_probe.sql`),
      'CREATE TABLE probe (x INTEGER) STRICT;',
    );
    const { db, migration } = openDatabase({ dataDir, migrationsDir: nextDir });
    expect(migration).toMatchObject({ from: latest, to: latest + 1 });
    expect(migration.backupPath && existsSync(migration.backupPath)).toBe(true);
    expect(readdirSync(join(dataDir, 'backups'))).toHaveLength(1);
    expect((db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n).toBeGreaterThan(200);
    db.close();
  });

  it('rolls a failing migration back whole', () => {
    const dataDir = tempDir();
    openDatabase({ dataDir, migrationsDir }).db.close();
    const nextDir = join(tempDir(), 'm');
    mkdirSync(nextDir);
    for (const m of loadMigrations(migrationsDir)) writeFileSync(join(nextDir, m.name), m.sql);
    writeFileSync(
      join(nextDir, `${String(latest + 1).padStart(4, '0')}_broken.sql`),
      'CREATE TABLE half (x INTEGER) STRICT; INSERT INTO no_such_table VALUES (1);',
    );
    expect(() => openDatabase({ dataDir, migrationsDir: nextDir })).toThrow(/no_such_table/);
    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });
});

describe('migration 0001', () => {
  it('finds a product by barcode through the barcode index, not a scan', () => {
    const { db } = openDatabase({ dataDir: tempDir(), migrationsDir });
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT p.* FROM product_barcodes b JOIN products p ON p.id = b.product_id
         WHERE b.barcode = ?`,
      )
      .all('6900000000000') as { detail: string }[];
    const details = plan.map((row) => row.detail).join(' | ');
    expect(details).toMatch(/SEARCH b USING PRIMARY KEY/);
    expect(details).not.toMatch(/SCAN/);
    db.close();
  });

  it('finds SKU and barcode prefixes (search as you type) by index range, not a scan', () => {
    const { db } = openDatabase({ dataDir: tempDir(), migrationsDir });
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ lo: 'SKU-1', hi: 'SKU-1\u{10FFFF}' }) as { detail: string }[])
        .map((row) => row.detail)
        .join(' | ');
    expect(plan('SELECT id FROM products WHERE sku >= @lo AND sku < @hi ORDER BY sku LIMIT 51')).toMatch(
      /SEARCH products USING INDEX sqlite_autoindex_products_\d \(sku>\? AND sku<\?\)/,
    );
    expect(
      plan('SELECT product_id FROM product_barcodes WHERE barcode >= @lo AND barcode < @hi ORDER BY barcode LIMIT 51'),
    ).toMatch(/SEARCH product_barcodes USING PRIMARY KEY \(barcode>\? AND barcode<\?\)/);
    db.close();
  });
});

describe('migration 0002', () => {
  it('upgrades a 0001 store with its catalog, staff and audit chain, and then sells', () => {
    // A store as the 0001 release left it: its rows copied into a file migrated to 0001 only.
    const sourceDir = tempDir();
    const source = openCounterCore({ dataDir: sourceDir });
    expect(source.dispatch({ method: 'store.createDemo', input: {} }).ok).toBe(true);
    source.close();
    const dataDir = tempDir();
    copyFileSync(join(sourceDir, 'device.secret'), join(dataDir, 'device.secret'));
    const oldDir = join(tempDir(), 'm1');
    mkdirSync(oldDir);
    const [first] = loadMigrations(migrationsDir);
    writeFileSync(join(oldDir, first.name), first.sql);
    const { db: old } = openDatabase({ dataDir, migrationsDir: oldDir });
    old.prepare('ATTACH DATABASE ? AS source').run(join(sourceDir, 'counter.db'));
    const storeColumns = 'id, singleton, name, time_zone, currency, day_cutoff_hour, demo, created_at, updated_at';
    old.exec(`INSERT INTO main.store (${storeColumns}) SELECT ${storeColumns} FROM source.store`);
    for (const table of ['meta', 'staff', 'categories', 'products', 'product_barcodes', 'audit_log', 'audit_head']) {
      // The columns 0001 had that the source still has; later migrations add some and drop others.
      const columns = (
        old
          .prepare(
            `SELECT name FROM pragma_table_info(?, 'main')
             WHERE name IN (SELECT name FROM pragma_table_info(?, 'source'))`,
          )
          .pluck()
          .all(table, table) as string[]
      ).join();
      old.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM source.${table}`);
    }
    old.exec('INSERT INTO main.product_search (rowid, terms) SELECT rowid, terms FROM source.product_search');
    old.prepare('DETACH DATABASE source').run();
    old.close();

    const core = openCounterCore({ dataDir });
    const db = core.environment.db;
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare('SELECT count(*) FROM products').pluck().get()).toBeGreaterThan(200);
    const status = core.dispatch({ method: 'app.status', input: {} });
    expect(status).toMatchObject({ ok: true, value: { store: { deviceCode: 'A', settings: { receiptWidth: '80' } } } });
    const owner = db.prepare("SELECT id FROM staff WHERE role = 'owner'").pluck().get();
    const signedIn = core.dispatch({ method: 'staff.signIn', input: { staffId: owner, pin: '8888' } });
    const sessionToken = signedIn.ok ? (signedIn.value as { sessionToken: string }).sessionToken : '';
    expect(core.dispatch({ method: 'shift.open', input: { float: 0 }, sessionToken }).ok).toBe(true);
    const product = db.prepare("SELECT id, price, tax_rate_bp FROM products WHERE sku = 'DRK-0001'").get() as {
      id: string;
      price: number;
      tax_rate_bp: number;
    };
    const line = {
      lineId: 'l1',
      productId: product.id,
      unitPrice: product.price,
      taxRateBp: product.tax_rate_bp,
      quantity: { kind: 'count', count: 1 },
    };
    const sold = core.dispatch({
      method: 'orders.commit',
      input: { id: uuidv7(), cart: { lines: [line] }, tenders: [{ method: 'cash', tendered: product.price }] },
      sessionToken,
    });
    expect(sold.ok).toBe(true);
    expect(core.dispatch({ method: 'audit.verify', input: {}, sessionToken })).toMatchObject({
      ok: true,
      value: { ok: true },
    });
    core.close();
  });

  it('reads what the sync sends by key and index, never scanning the ledger or the order history', () => {
    const { db } = openDatabase({ dataDir: tempDir(), migrationsDir });
    for (const [name, sql] of Object.entries(outboxPayloadSql)) {
      const positional = (sql.match(/\?/g) ?? []).length;
      const params = positional > 0 ? Array(positional).fill(1) : [{ id: 'x' }];
      const details = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
      expect([name, details]).toEqual([
        name,
        expect.not.stringMatching(/SCAN (m|o|stock_movements|orders|online_orders)\b/),
      ]);
    }
    db.close();
  });

  it('sums a business day from covering indexes, never the order history', () => {
    const { db } = openDatabase({ dataDir: tempDir(), migrationsDir });
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2026-11-27') as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    for (const [index, sql] of Object.entries(daySummarySql)) {
      const details = plan(sql);
      expect([index, details]).toEqual([
        index,
        expect.stringMatching(/USING COVERING INDEX \w+_by_day \(business_day=\?\)/),
      ]);
      expect(details).not.toMatch(/SCAN/);
    }
    db.close();
  });
});

describe('migration 0003', () => {
  it('fills the on-hand cache from a 0002 ledger, keeps it following new movements, and leaves the queue unsent', () => {
    const dataDir = tempDir();
    const oldDir = join(tempDir(), 'm2');
    mkdirSync(oldDir);
    for (const migration of loadMigrations(migrationsDir).slice(0, 2))
      writeFileSync(join(oldDir, migration.name), migration.sql);
    const { db: old } = openDatabase({ dataDir, migrationsDir: oldDir });
    const now = Date.now();
    old
      .prepare(
        "INSERT INTO categories (id, name_zh, name_en, created_at, updated_at) VALUES ('c', '饮料', 'Drinks', ?, ?)",
      )
      .run(now, now);
    const product =
      old.prepare(`INSERT INTO products (id, category_id, sku, name_zh, name_en, price, cost, tax_rate_bp, unit,
      created_at, updated_at) VALUES (?, 'c', ?, '水', 'Water', 200, 100, 1300, 'each', ?, ?)`);
    product.run('p1', 'DRK-1', now, now);
    product.run('p2', 'DRK-2', now, now);
    const move = old.prepare(`INSERT INTO stock_movements (id, product_id, kind, quantity, at) VALUES (?, ?, ?, ?, ?)`);
    move.run(uuidv7(), 'p1', 'receive', 24, now);
    move.run(uuidv7(), 'p1', 'sale', -3, now);
    move.run(uuidv7(), 'p2', 'count', 5, now);
    old.prepare("INSERT INTO outbox (id, type, created_at) VALUES (?, 'stock.moved', ?)").run(uuidv7(), now);
    old.close();

    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    const onHand = () => db.prepare('SELECT product_id, quantity FROM stock_on_hand ORDER BY product_id').all();
    expect(onHand()).toEqual([
      { product_id: 'p1', quantity: 21 },
      { product_id: 'p2', quantity: 5 },
    ]);
    db.prepare(`INSERT INTO stock_movements (id, product_id, kind, quantity, at) VALUES (?, 'p2', 'waste', -2, ?)`).run(
      uuidv7(),
      now,
    );
    expect(onHand()).toContainEqual({ product_id: 'p2', quantity: 3 });
    expect(db.prepare('SELECT state, result FROM outbox').get()).toEqual({ state: 'pending', result: null });
    db.close();
  });
});

describe('the pin_lockouts migration', () => {
  it('moves each person’s wrong-PIN count and lock onto their sign-in guard, and drops the old columns', () => {
    const all = loadMigrations(migrationsDir);
    const index = all.findIndex((m) => m.name.endsWith('_pin_lockouts.sql'));
    expect(index).toBeGreaterThan(0);
    const dataDir = tempDir();
    const oldDir = join(tempDir(), 'before-pin-lockouts');
    mkdirSync(oldDir);
    for (const migration of all.slice(0, index)) writeFileSync(join(oldDir, migration.name), migration.sql);
    const { db: old } = openDatabase({ dataDir, migrationsDir: oldDir });
    const now = Date.now();
    const person = old.prepare(`INSERT INTO staff (id, name, role, pin_hash, pin_salt, failed_pins, locked_until,
      created_at, updated_at) VALUES (?, ?, 'cashier', x'00', x'00', ?, ?, ?, ?)`);
    person.run('s-typo', '王芳', 3, null, now, now);
    person.run('s-locked', '张伟', 0, now + 120_000, now, now);
    person.run('s-clean', '李明', 0, null, now, now);
    old.close();

    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('staff')).not.toContain('failed_pins');
    expect(readPinGuard(db, 's-typo', 'sign_in')).toMatchObject({ failed: 3, rounds: 0, lockedUntil: null });
    expect(currentLock(readPinGuard(db, 's-locked', 'sign_in'), now)).toEqual({ kind: 'timed', minutes: 2 });
    expect(readPinGuard(db, 's-locked', 'sign_in').rounds).toBe(1);
    expect(readPinGuard(db, 's-clean', 'sign_in')).toMatchObject({ failed: 0, rounds: 0, held: false });
    expect(db.prepare('SELECT count(*) FROM pin_guards').pluck().get()).toBe(2);
    db.close();
  });
});
