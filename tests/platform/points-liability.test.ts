import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../platform/data/stores';
import { loadMigrations, migrate } from '../../platform/db/migrate';
import type { Sql } from '../../platform/db/sql';
import { pointsLiability } from '../../platform/members/points-liability';
import { setPointsRules } from '../../platform/members/points-rules';
import { newKekText, parseKek } from '../../platform/vouchers/key-sealing';
import { sealPlainKeys } from '../../platform/vouchers/keys';
import { type PointsLiability, PointsLiability as PointsLiabilitySchema } from '../../shared/members/points-liability';
import { mulDivRound } from '../../shared/rounding';
import { type GeneratedMove, outstandingAt, writePointsJournal } from '../support/points-journal-history';
import { backends, openStorageSql, type Storage, usePlatform } from './support/backends';
import { Till } from './support/clients';

const AS_OF = Date.UTC(2027, 0, 20);
const rules = (blockPoints: number, blockFen: number) => ({
  earnPerYuan: 1,
  redemption: { kind: 'on', blockPoints, blockFen, minPoints: 0, maxPoints: 10_000, maxShareBp: 10_000 },
  offlineCap: 500,
});

const sum = (moves: readonly GeneratedMove[], day: string, kind: string, store?: string) =>
  moves
    .filter((m) => m.day === day && m.kind === kind && (store === undefined || m.store === store))
    .reduce((s, m) => s + m.delta, 0);

const previousDay = (day: string) => new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);

/**
 * The points liability (docs/members.md, "The points liability") against a journal generated with
 * what each movement should count as: every day's closing is the positive balances by the
 * definition, each kind's points are the generated ones, and opening + movements = closing to the
 * point and, with the roundings shown, to the fen.
 */
for (const backend of backends) {
  describe(`the points liability on '${backend.name}'`, () => {
    let storage: Storage;
    let sql: Sql;
    let moves: GeneratedMove[];
    const stores: string[] = [];

    beforeAll(async () => {
      storage = await backend.freshStorage();
      sql = await openStorageSql(storage);
      const kek = parseKek(newKekText(), 'test');
      await migrate(sql, loadMigrations(), { sealed_voucher_keys: (tx) => sealPlainKeys(tx, kek) });
      for (const name of ['积分甲店', '积分乙店'])
        stores.push((await createStore(sql, { name, currency: 'CNY', timeZone: 'Asia/Shanghai' }, 0)).storeId);
      moves = await writePointsJournal(sql, {
        stores,
        members: 40,
        movements: 1_500,
        firstDay: '2026-12-01',
        days: 40,
        seed: 1_517,
      });
    }, 60_000);

    afterAll(async () => {
      await sql?.close();
      await storage?.dispose();
    });

    const ask = (firstDay: string, lastDay: string): Promise<PointsLiability> =>
      sql.transaction((tx) => pointsLiability(tx, stores[0], { firstDay, lastDay, cutoffHour: 4 }, AS_OF));

    it('without the store’s points rules counts the points and gives them no value', async () => {
      const answer = await ask('2026-12-01', '2026-12-03');
      expect(PointsLiabilitySchema.parse(answer)).toEqual(answer);
      expect(answer.rate).toBeNull();
      expect(answer.days[2].closing).toEqual({ points: outstandingAt(moves, '2026-12-03'), value: null });
      expect(answer.days.every((d) => d.rounding === null)).toBe(true);
    });

    it('answers every day’s movements and balances as the journal says, adding up to the point and the fen', async () => {
      // Two points are worth three fen: values do not come out whole, so the roundings show.
      await setPointsRules(sql, stores[0], rules(2, 3), 0);
      const whole = await ask('2026-11-28', '2027-01-12');
      expect(whole.rate).toEqual({ blockPoints: 2, blockFen: 3 });
      expect(whole.days).toHaveLength(46);
      expect(whole.days[0].opening.points).toBe(0);
      let negativeDays = 0;
      for (const [i, day] of whole.days.entries()) {
        expect(day.opening.points).toBe(outstandingAt(moves, previousDay(day.day)));
        expect(day.closing.points).toBe(outstandingAt(moves, day.day));
        if (i > 0) expect(day.opening).toEqual(whole.days[i - 1].closing);
        expect({
          earned: day.earned.points,
          spent: day.spent.points,
          reversed: day.reversed.points,
          expired: day.expired.points,
          adjusted: day.adjusted.points,
        }).toEqual({
          earned: sum(moves, day.day, 'earn'),
          spent: sum(moves, day.day, 'spend'),
          reversed: sum(moves, day.day, 'reverse'),
          expired: sum(moves, day.day, 'expire'),
          adjusted: sum(moves, day.day, 'adjust'),
        });
        expect(day.here).toEqual({
          earned: expect.objectContaining({ points: sum(moves, day.day, 'earn', stores[0]) }),
          spent: expect.objectContaining({ points: sum(moves, day.day, 'spend', stores[0]) }),
          reversed: expect.objectContaining({ points: sum(moves, day.day, 'reverse', stores[0]) }),
        });
        const kinds = [day.earned, day.spent, day.reversed, day.expired, day.adjusted, day.losses];
        expect(day.opening.points + kinds.reduce((s, f) => s + f.points, 0)).toBe(day.closing.points);
        expect((day.opening.value ?? 0) + kinds.reduce((s, f) => s + (f.value ?? 0), 0) + (day.rounding ?? 0)).toBe(
          day.closing.value,
        );
        expect(day.closing.value).toBe(mulDivRound(day.closing.points, 3, 2));
        expect(Math.abs(day.rounding ?? 0)).toBeLessThanOrEqual(4);
        if (day.losses.points !== 0) negativeDays++;
      }
      // The generated journal has what the report must cope with: overspends and their recovery.
      expect(negativeDays).toBeGreaterThan(5);
      expect(whole.days.some((d) => d.losses.points < 0)).toBe(true);
      expect(whole.days.some((d) => (d.rounding ?? 0) !== 0)).toBe(true);
      // A span that starts later opens with the balances the earlier days closed with.
      const later = await ask('2026-12-20', '2026-12-31');
      expect(later.days).toEqual(whole.days.filter((d) => d.day >= '2026-12-20' && d.day <= '2026-12-31'));
    });

    it('values a point at whole fen without rounding', async () => {
      await setPointsRules(sql, stores[0], rules(100, 100), 0);
      const answer = await ask('2026-12-01', '2026-12-31');
      for (const day of answer.days) {
        expect(day.rounding).toBe(0);
        expect(day.closing.value).toBe(day.closing.points);
      }
    });
  });
}

for (const backend of backends) {
  describe(`the points liability routes on '${backend.name}'`, () => {
    const get = usePlatform(backend);

    it('answers a paired till its own store’s liability, the operator any store’s, and nobody unsigned', async () => {
      const store = await get().admin.createStore('积分负债路由店');
      const till = await Till.pair(get().url, store.pairingCode);
      const path = '/v1/sync/points-liability?firstDay=2026-11-01&lastDay=2026-11-30&cutoffHour=5';
      const answer = await till.signed('GET', path);
      expect(answer.status).toBe(200);
      const report = PointsLiabilitySchema.parse(answer.body);
      expect(report).toMatchObject({ cutoffHour: 5, timeZone: 'Asia/Shanghai', rate: null });
      expect(report.days).toHaveLength(30);
      expect(report.days[29].closing).toEqual({ points: 0, value: null });
      expect((await fetch(`${get().url}${path}`)).status).toBe(401);
      const tooLong = await till.signed('GET', '/v1/sync/points-liability?firstDay=2020-01-01&lastDay=2026-11-30');
      expect(tooLong.status).toBe(400);
      const admin = await get().admin.call(
        'GET',
        `/v1/admin/stores/${store.storeId}/points-liability?firstDay=2026-11-01&lastDay=2026-11-02`,
      );
      expect(admin.status).toBe(200);
      expect(PointsLiabilitySchema.parse(admin.body).cutoffHour).toBe(4);
    });
  });
}
