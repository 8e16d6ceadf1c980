import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../platform/db/migrate';
import { openPgliteSql } from '../../platform/db/pglite-sql';
import { newKekText, parseKek } from '../../platform/vouchers/key-sealing';
import { sealPlainKeys } from '../../platform/vouchers/keys';

describe('migration 0016 on a platform whose members were scored by hand', () => {
  it('keeps the runs as the operator’s and schedules the daily run at 04:30 Shanghai, not run yet', async () => {
    const sql = await openPgliteSql(null);
    try {
      const migrations = loadMigrations();
      const before = migrations.filter((migration) => migration.version < 16);
      const kek = parseKek(newKekText(), 'test');
      const steps = { sealed_voucher_keys: (tx: Parameters<typeof sealPlainKeys>[0]) => sealPlainKeys(tx, kek) };
      await migrate(sql, before, steps);
      await sql.query(
        `INSERT INTO member_scoring_runs (scored_at, window_days, population, changed, took_ms)
         VALUES (1000, 365, 12, 3, 40)`,
      );
      expect(await migrate(sql, migrations, steps)).toBe(migrations.length - before.length);
      expect(await sql.query('SELECT scored_at, population, trigger, day FROM member_scoring_runs')).toEqual([
        { scored_at: 1000, population: 12, trigger: 'operator', day: null },
      ]);
      expect(await sql.query('SELECT at_minute, time_zone, last_day FROM member_scoring_schedule')).toEqual([
        { at_minute: 270, time_zone: 'Asia/Shanghai', last_day: null },
      ]);
      await expect(
        sql.query("INSERT INTO member_scoring_schedule (id, at_minute, time_zone, updated_at) VALUES (2, 0, 'UTC', 0)"),
      ).rejects.toThrow(/check/i);
    } finally {
      await sql.close();
    }
  });
});
