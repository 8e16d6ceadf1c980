import { describe, expect, it } from 'vitest';
import { onPlatformBefore } from '../support/platform-migration';

describe('migration 0016 on a platform whose members were scored by hand', () => {
  it('keeps the runs as the operator’s and schedules the daily run at 04:30 Shanghai, not run yet', async () => {
    await onPlatformBefore(16, async ({ sql, migrateRest, rest }) => {
      await sql.query(
        `INSERT INTO member_scoring_runs (scored_at, window_days, population, changed, took_ms)
         VALUES (1000, 365, 12, 3, 40)`,
      );
      expect(await migrateRest()).toBe(rest);
      expect(await sql.query('SELECT scored_at, population, trigger, day FROM member_scoring_runs')).toEqual([
        { scored_at: 1000, population: 12, trigger: 'operator', day: null },
      ]);
      expect(await sql.query('SELECT at_minute, time_zone, last_day FROM member_scoring_schedule')).toEqual([
        { at_minute: 270, time_zone: 'Asia/Shanghai', last_day: null },
      ]);
      await expect(
        sql.query("INSERT INTO member_scoring_schedule (id, at_minute, time_zone, updated_at) VALUES (2, 0, 'UTC', 0)"),
      ).rejects.toThrow(/check/i);
    });
  });
});
