import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { ownerOnlyFile, secureDataFolder } from '../../../platform/db/owner-only';
import { migrationSteps } from './migration-steps';
import { loadMigrations, type MigrationResult, migrate } from './migrations';

export type OpenedDatabase = { db: Database; path: string; migration: MigrationResult };

export type OpenDatabaseOptions = {
  dataDir: string;
  migrationsDir: string;
  /** The Electron build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string;
};

export const databaseFileName = 'counter.db';

/** Counter's own entries in a till's data folder, with their temporaries and sealed forms. */
const isTillEntry = (name: string): boolean =>
  /^(counter\.db|device\.secret|device-key\.der|owner-session\.json|host\.lock)|^(backups|demo-platform)$/.test(name);

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  // Earlier versions left the folder 0755 and the database, its WAL and backups 0644.
  secureDataFolder(options.dataDir, isTillEntry);
  const path = join(options.dataDir, databaseFileName);
  // SQLite gives -wal and -shm the database file's mode, so a 0600 database keeps them 0600 too.
  ownerOnlyFile(path);
  const db = new BetterSqlite3(path, { nativeBinding: options.nativeBinding });
  try {
    applyPragmas(db);
    const migrations = loadMigrations(options.migrationsDir);
    const migration = migrate(db, migrations, join(options.dataDir, 'backups'), Date.now(), migrationSteps);
    return { db, path, migration };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Orders are money: every commit reaches the disk before the cashier sees "paid". */
export function applyPragmas(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Checkpoints run between calls (db/wal-checkpoints.ts); this is only the backstop, at ~16 MB.
  db.pragma('wal_autocheckpoint = 4000');
  // After a checkpoint the WAL file is cut back to this, so a burst never leaves a huge file behind.
  db.pragma(`journal_size_limit = ${32 * 1024 * 1024}`);
}

/** A named set of SQL statements, prepared once per connection. */
export function namedStatements<T extends Record<string, string>>(sql: T) {
  const cache = new WeakMap<Database, { [K in keyof T]: BetterSqlite3.Statement }>();
  return (db: Database) => {
    let prepared = cache.get(db);
    if (!prepared) {
      prepared = Object.fromEntries(Object.entries(sql).map(([name, text]) => [name, db.prepare(text)])) as {
        [K in keyof T]: BetterSqlite3.Statement;
      };
      cache.set(db, prepared);
    }
    return prepared;
  };
}
