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
