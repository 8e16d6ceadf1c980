import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Queryable, Sql } from './sql';

export type Migration = { version: number; name: string; sql: string; checksum: string };

/**
 * Work a migration needs that SQL cannot do (encrypting with a key the database must not hold),
 * keyed by the file's name without number and extension. It runs after the migration's SQL, in
 * its transaction. A file saying `-- code step: <name>` is refused without its step.
 */
export type MigrationSteps = Readonly<Record<string, (tx: Queryable) => Promise<void>>>;

const topicOf = (name: string) => name.replace(/^\d{4}_/, '').replace(/\.sql$/, '');
const needsStep = (migration: Migration) => /^-- code step: /m.test(migration.sql);

const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));

/** The numbered `.sql` files beside the code, in order. */
export function loadMigrations(dir: string = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export class MigrationError extends Error {}

// Any constant works; it only has to be the same for every platform process sharing a database.
const MIGRATION_LOCK = 7_305_417;

/**
 * Applies the migrations the database lacks, each in its own transaction. A landed migration must
 * never change (its checksum is compared) and a database migrated by a newer platform is refused,
 * so two versions never write the same tables with different ideas of them.
 */
export async function migrate(
  sql: Sql,
  migrations: Migration[] = loadMigrations(),
  steps: MigrationSteps = {},
): Promise<number> {
  await sql.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  let applied = 0;
  for (const migration of migrations) {
    const ran = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.query<{ version: number; name: string; checksum: string }>(
        'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
      );
      checkHistory(rows, migrations);
      if (rows.some((row) => row.version === migration.version)) return false;
      const step = steps[topicOf(migration.name)];
      if (!step && needsStep(migration)) {
        throw new MigrationError(`Migration ${migration.name} needs its code step, which this caller did not give.`);
      }
      await tx.exec(migration.sql);
      await step?.(tx);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (ran) applied++;
  }
  return applied;
}

function checkHistory(rows: { version: number; name: string; checksum: string }[], migrations: Migration[]): void {
  for (const row of rows) {
    const known = migrations.find((migration) => migration.version === row.version);
    if (!known) {
      throw new MigrationError(
        `The database was migrated by a newer platform (migration ${row.name}); this version cannot use it.`,
      );
    }
    if (known.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${known.name} changed after it was applied (checksum mismatch); restore it.`);
    }
  }
}
