import { loadMigrations, migrate } from '../../platform/db/migrate';
import { openPgliteSql } from '../../platform/db/pglite-sql';
import type { Sql } from '../../platform/db/sql';
import { type Kek, newKekText, parseKek } from '../../platform/vouchers/key-sealing';
import { sealPlainKeys } from '../../platform/vouchers/keys';

export type PlatformBefore = {
  sql: Sql;
  /** The key the voucher keys are sealed with, as the platform's start gives it. */
  kek: Kek;
  /** How many migrations there are from the one under test on. */
  rest: number;
  /** Runs every migration the database lacks, as the platform's start does; says how many ran. */
  migrateRest(): Promise<number>;
};

/**
 * A migration's test: a fresh platform database migrated up to just before `version`, for the test
 * to fill as that platform would have and then migrate the rest; closed afterwards, whatever happens.
 */
export async function onPlatformBefore(version: number, test: (db: PlatformBefore) => Promise<void>): Promise<void> {
  const sql = await openPgliteSql(null);
  try {
    const migrations = loadMigrations();
    const before = migrations.filter((migration) => migration.version < version);
    const kek = parseKek(newKekText(), 'test');
    const steps = { sealed_voucher_keys: (tx: Parameters<typeof sealPlainKeys>[0]) => sealPlainKeys(tx, kek) };
    await migrate(sql, before, steps);
    await test({
      sql,
      kek,
      rest: migrations.length - before.length,
      migrateRest: () => migrate(sql, migrations, steps),
    });
  } finally {
    await sql.close();
  }
}
