import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { ownerOnlyFile, ownerOnlyFolder } from '../../../platform/db/owner-only';

export type Migration = { version: number; name: string; sql: string; checksum: string };

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `This data folder was written by a newer version of Counter (schema ${found}; this app knows up to ${known}). ` +
        'Install the newer version to open it. The data was not touched.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class MigrationChangedError extends Error {
  constructor(readonly version: number) {
    super(`Migration ${version} was changed after it was applied; migrations are never edited once landed.`);
    this.name = 'MigrationChangedError';
  }
}

export function loadMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file, index) => {
      const version = Number(file.slice(0, 4));
      if (version !== index + 1) throw new Error(`migrations must be numbered without gaps: ${file}`);
      const sql = readFileSync(join(dir, file), 'utf8');
      return { version, name: file, sql, checksum: sha256(sql) };
    });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const ledgerSql = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at INTEGER NOT NULL
) STRICT`;

/**
 * Work a migration needs that SQL cannot do (pinyin, say), run right after that migration's file in
 * the same transaction. Keyed by the file's topic (`0007_product_pinyin.sql` → `product_pinyin`),
 * so renumbering a file keeps its step; the checksum still covers the file alone.
 */
export type MigrationSteps = Readonly<Record<string, (db: Database) => void>>;

export function migrationTopic(name: string): string {
  return name.replace(/^\d{4}_/, '').replace(/\.sql$/, '');
}

export type MigrationResult = { from: number; to: number; backupPath: string | null };

/**
 * Brings the schema up to date in one transaction. A database that already has tables is copied
 * first, so a failed or regretted upgrade can be undone by hand.
 */
export function migrate(
  db: Database,
  migrations: Migration[],
  backupDir: string,
  now: number = Date.now(),
  steps: MigrationSteps = {},
): MigrationResult {
  const known = migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > known) throw new DatabaseTooNewError(current, known);
  if (current > 0) verifyChecksums(db, migrations.slice(0, current));
  if (current === known) return { from: current, to: current, backupPath: null };

  const backupPath = current > 0 ? backUp(db, backupDir, current, now) : null;
  db.transaction(() => {
    db.exec(ledgerSql);
    const record = db.prepare(
      'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
    );
    for (const migration of migrations.slice(current)) {
      db.exec(migration.sql);
      steps[migrationTopic(migration.name)]?.(db);
      record.run(migration.version, migration.name, migration.checksum, now);
    }
    db.pragma(`user_version = ${known}`);
  })();
  return { from: current, to: known, backupPath };
}

function verifyChecksums(db: Database, applied: Migration[]): void {
  const rows = db.prepare('SELECT version, checksum FROM schema_migrations').all() as {
    version: number;
    checksum: string;
  }[];
  const recorded = new Map(rows.map((row) => [row.version, row.checksum]));
  for (const migration of applied) {
    if (recorded.get(migration.version) !== migration.checksum) {
      throw new MigrationChangedError(migration.version);
    }
  }
}

/**
 * VACUUM INTO writes a consistent copy including whatever is still in the WAL. The copy holds all
 * the database does, so it is made as an empty 0600 file first (VACUUM INTO fills an empty file,
 * keeping its mode) in a 0700 folder.
 */
function backUp(db: Database, dir: string, version: number, now: number) {
  ownerOnlyFolder(dir);
  const target = join(dir, `counter-schema${version}-${now}.db`);
  ownerOnlyFile(target);
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
