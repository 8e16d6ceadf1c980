import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../platform/data/stores';
import { loadMigrations, migrate } from '../../platform/db/migrate';
import type { Sql } from '../../platform/db/sql';
import { readScoringSchedule, scoreIfDue, setScoringSchedule } from '../../platform/members/scoring-schedule';
import { scoreMembers } from '../../platform/members/segment-scoring';
import { type RunningPlatform, startPlatform } from '../../platform/server/start-platform';
import { newKekText, parseKek } from '../../platform/vouchers/key-sealing';
import { sealPlainKeys } from '../../platform/vouchers/keys';
import { writeMemberHistory } from '../support/member-history';
import { backends, openStorageSql, type Storage } from './support/backends';
import { AdminClient } from './support/clients';

/** Local time in Shanghai (UTC+8, no DST) of a day in December 2026. */
const shanghai = (day: number, hour: number, minute = 0) => Date.UTC(2026, 11, day, hour - 8, minute);
const DAY_MS = 86_400_000;

async function scheduledRuns(sql: Sql): Promise<{ day: string; count: number }[]> {
  return sql.query(
    `SELECT day::text AS day, count(*)::int AS count FROM member_scoring_runs WHERE trigger = 'schedule'
     GROUP BY day ORDER BY day`,
  );
}

/**
 * The daily scoring (docs/members.md, "Scoring"): due from the schedule's time, once a local day,
 * however many processes look at once. On PostgreSQL the two "processes" are two connection pools
 * (what two platform processes have); PGlite is one process, its looks racing on one database.
 */
for (const backend of backends) {
  describe(`the daily member scoring on '${backend.name}'`, () => {
    let storage: Storage;
    let one: Sql;
    let two: Sql;

    beforeAll(async () => {
      storage = await backend.freshStorage();
      one = await openStorageSql(storage);
      const kek = parseKek(newKekText(), 'test');
      await migrate(one, loadMigrations(), { sealed_voucher_keys: (tx) => sealPlainKeys(tx, kek) });
      two = backend.name === 'pglite' ? one : await openStorageSql(storage);
      const stores = [];
      for (const name of ['早店', '晚店'])
        stores.push((await createStore(one, { name, currency: 'CNY', timeZone: 'Asia/Shanghai' }, 0)).storeId);
      await writeMemberHistory(one, {
        members: 300,
        orders: 2_000,
        stores,
        asOf: shanghai(1, 12),
        days: 200,
        seed: 0.17,
      });
    }, 60_000);

    afterAll(async () => {
      if (two !== one) await two?.close();
      await one?.close();
      await storage?.dispose();
    });

    it('scores once a local day from 04:30 Shanghai, whichever of two processes looks, however often', async () => {
      expect(await readScoringSchedule(one)).toEqual({ at: '04:30', timeZone: 'Asia/Shanghai', lastDay: null });
      expect(await scoreIfDue(one, shanghai(2, 4, 29))).toBeNull();
      const [{ buyers }] = await one.query<{ buyers: number }>(
        'SELECT count(DISTINCT member_id)::int AS buyers FROM member_orders',
      );
      for (const day of [2, 3, 4]) {
        // Both processes look eight times each through the day, all at once: the first that is due claims it.
        const moments = [shanghai(day, 4, 30), shanghai(day, 5), shanghai(day, 13), shanghai(day, 23, 59)];
        const looks = await Promise.all(
          [one, two].flatMap((sql) => moments.flatMap((now) => [scoreIfDue(sql, now), scoreIfDue(sql, now)])),
        );
        const ran = looks.filter((run) => run !== null);
        expect(ran).toHaveLength(1);
        expect(ran[0]?.day).toBe(`2026-12-0${day}`);
        expect(ran[0]?.population).toBe(buyers);
        // Past local midnight but before 04:30 it is the next day, not due yet.
        expect(await scoreIfDue(two, shanghai(day + 1, 0, 10))).toBeNull();
      }
      expect(await scheduledRuns(one)).toEqual([
        { day: '2026-12-02', count: 1 },
        { day: '2026-12-03', count: 1 },
        { day: '2026-12-04', count: 1 },
      ]);
      // The operator can still score by hand, as often as they like; it is recorded as theirs.
      await scoreMembers(one, shanghai(4, 15));
      const [byHand] = await one.query<{ trigger: string; day: string | null }>(
        'SELECT trigger, day FROM member_scoring_runs ORDER BY id DESC LIMIT 1',
      );
      expect(byHand).toEqual({ trigger: 'operator', day: null });
      expect(await scoreIfDue(one, shanghai(4, 16))).toBeNull();
    });

    it('runs at the operator’s time and zone, and refuses a time or zone that is not one', async () => {
      const moved = await setScoringSchedule(one, { at: '06:15', timeZone: 'Asia/Urumqi' }, 0);
      expect(moved).toEqual({ at: '06:15', timeZone: 'Asia/Urumqi', lastDay: '2026-12-04' });
      // 06:14 in Urumqi (UTC+6) is 08:14 in Shanghai on the 5th: not yet.
      expect(await scoreIfDue(one, shanghai(5, 8, 14))).toBeNull();
      expect(await scoreIfDue(two, shanghai(5, 8, 15))).toMatchObject({ day: '2026-12-05' });
      await expect(setScoringSchedule(one, { at: '24:00', timeZone: 'Asia/Shanghai' }, 0)).rejects.toMatchObject({
        code: 'scoring_schedule_time',
      });
      await expect(setScoringSchedule(one, { at: '04:30', timeZone: 'Mars/Olympus' }, 0)).rejects.toMatchObject({
        code: 'scoring_schedule_zone',
      });
      expect((await readScoringSchedule(one)).at).toBe('06:15');
    });
  });
}

const postgres = backends.find((backend) => backend.name === 'postgres');

/** Two real platform processes with their timers running look every 20 ms; each day is scored once. */
describe.skipIf(!postgres)('two platform processes on one PostgreSQL, each with the daily timer', () => {
  let storage: Storage;
  let clock = shanghai(10, 3);
  const platforms: RunningPlatform[] = [];

  beforeAll(async () => {
    storage = await (postgres as NonNullable<typeof postgres>).freshStorage();
    for (let i = 0; i < 2; i++)
      platforms.push(await startPlatform({ ...storage.options, port: 0, now: () => clock, scoringCheckMs: 20 }));
  });
  afterAll(async () => {
    for (const platform of platforms) await platform.close();
    await storage?.dispose();
  });

  async function until(check: () => Promise<boolean>): Promise<void> {
    while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 25));
  }

  it('scores each day once, by whichever process claims it, and the operator sees when', async () => {
    const admin = new AdminClient(platforms[0].url, platforms[0].adminToken);
    const schedule = () => admin.ok<{ lastDay: string | null }>('GET', '/v1/admin/members/score-schedule');
    expect((await schedule()).lastDay).toBeNull();
    clock = shanghai(10, 4, 31);
    await until(async () => (await schedule()).lastDay === '2026-12-10');
    clock = shanghai(11, 4, 31);
    await until(async () => (await schedule()).lastDay === '2026-12-11');
    clock += DAY_MS / 2;
    for (const platform of platforms.splice(0)) await platform.close();
    const sql = await openStorageSql(storage);
    try {
      expect(await scheduledRuns(sql)).toEqual([
        { day: '2026-12-10', count: 1 },
        { day: '2026-12-11', count: 1 },
      ]);
    } finally {
      await sql.close();
    }
  }, 60_000);
});
