import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../platform/db/migrate';
import { openPgliteSql } from '../../platform/db/pglite-sql';
import { uuidv7 } from '../../shared/ids';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { orderPaid } from './support/payloads';
import { errorCode } from './support/vouchers';

const RULES = {
  earnPerYuan: 2,
  redemption: { kind: 'on', blockPoints: 100, blockFen: 100, minPoints: 100, maxPoints: 5_000, maxShareBp: 5_000 },
  offlineCap: 500,
};

describe('migration 0010 (points) on a platform that already has members', () => {
  it('adds the journal, the rules and the losses; a member keeps 0 points and 0 held', async () => {
    const sql = await openPgliteSql(null);
    try {
      const migrations = loadMigrations();
      await migrate(
        sql,
        migrations.filter((migration) => migration.version < 10),
        { sealed_voucher_keys: async () => undefined },
      );
      await sql.query(
        `INSERT INTO members (id, phone, tier, consent, created_via, created_at)
         VALUES ('01900000-0000-7000-8000-000000000001', '13900001234', 1, false, 'platform', 0)`,
      );
      await migrate(sql, migrations, { sealed_voucher_keys: async () => undefined });
      expect(await sql.query('SELECT points::int AS points, points_held::int AS held FROM members')).toEqual([
        { points: 0, held: 0 },
      ]);
      const movement = (id: string, key: string | null) =>
        sql.query(
          `INSERT INTO points_movements (id, member_id, business_key, kind, movement, balance_after, held_after, actor, recorded_at)
           VALUES ($1, '01900000-0000-7000-8000-000000000001', $2, 'earn', '{}', 0, 0, 'operator', 0)`,
          [id, key],
        );
      await movement('01900000-0000-7000-8000-0000000000a1', 'earn:x');
      // One movement per id, one per business key.
      await expect(movement('01900000-0000-7000-8000-0000000000a1', 'earn:y')).rejects.toThrow();
      await expect(movement('01900000-0000-7000-8000-0000000000a2', 'earn:x')).rejects.toThrow();
    } finally {
      await sql.close();
    }
  });
});

describe.each(backends)('points on the platform, on $name', (backend) => {
  const get = usePlatform(backend);

  async function setup(phone: string) {
    const { storeId } = await get().admin.createStore(`积分 ${phone}`);
    const till = await Till.pair(get().url, (await get().admin.pairingCode(storeId)).code);
    const { member } = await get().admin.ok<{ member: { id: string } }>('POST', '/v1/admin/members', {
      phone,
      name: null,
      consent: false,
    });
    return { storeId, till, memberId: member.id };
  }

  const journal = (memberId: string) =>
    get().admin.ok<{ balance: number; held: number; available: number; movements: { kind: string }[] }>(
      'GET',
      `/v1/admin/members/${memberId}/points`,
    );

  async function sell(till: Till, memberId: string, unitPrice: number) {
    const sale = orderPaid({ unitPrice });
    sale.order.memberId = memberId;
    const [result] = (await till.push([till.next('order.paid', sale, sale.order.id)])).results;
    expect(result.status).toBe('APPLIED');
    return sale;
  }

  it('refuses wrong rules by name, in the operator’s words, and keeps the old ones', async () => {
    const { storeId } = await setup('13900007001');
    const put = (body: unknown) => get().admin.call('PUT', `/v1/admin/stores/${storeId}/points-rules`, body);
    expect(errorCode(await get().admin.call('GET', `/v1/admin/stores/${storeId}/points-rules`))).toBe(
      'points_rules_unset',
    );
    expect((await put(RULES)).status).toBe(200);
    const wrong = [
      [{ ...RULES, earnPerYuan: 101 }, 'points_rules_earn', 'Points per yuan is a whole number from 0 to 100'],
      [{ ...RULES, earnPerYuan: 1.5 }, 'points_rules_earn', '1.5 is not'],
      [{ ...RULES, redemption: { ...RULES.redemption, blockFen: 0 } }, 'points_rules_rate', '100:0 is not'],
      [{ ...RULES, redemption: { ...RULES.redemption, minPoints: 9_000 } }, 'points_rules_range', '(9000)'],
      [{ ...RULES, redemption: { ...RULES.redemption, maxShareBp: 20_000 } }, 'points_rules_share', '20000 is not'],
      [{ ...RULES, offlineCap: -1 }, 'points_rules_offline_cap', '0 to 100000; -1 is not'],
    ] as const;
    for (const [body, code, words] of wrong) {
      const answer = await put(body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code } });
      expect(JSON.stringify(answer.body)).toContain(words);
    }
    expect(await get().admin.ok('GET', `/v1/admin/stores/${storeId}/points-rules`)).toEqual(RULES);
  });

  it('holds, answers a hold asked again the same, refuses past the balance or the rules, releases once', async () => {
    const { storeId, till, memberId } = await setup('13900007002');
    await get().admin.ok('PUT', `/v1/admin/stores/${storeId}/points-rules`, RULES);
    await sell(till, memberId, 100_000);
    expect(await journal(memberId)).toMatchObject({ balance: 2_000, held: 0 });
    const hold = (points: number, holdId = uuidv7(), orderId = uuidv7()) =>
      till.signed('POST', '/v1/points/holds', { holdId, memberId, orderId, points });
    const holdId = uuidv7();
    const orderId = uuidv7();
    const first = await hold(1_500, holdId, orderId);
    expect(first.body).toMatchObject({ holdId, points: 1_500, balance: 2_000, held: 1_500, available: 500 });
    // The same hold asked again (its answer was lost): the same hold, nothing more held.
    expect((await hold(1_500, holdId, orderId)).body).toMatchObject({ held: 1_500 });
    const short = await hold(1_000);
    expect(short.status).toBe(409);
    expect(short.body).toMatchObject({ error: { code: 'points_short' } });
    expect(errorCode(await hold(150))).toBe('points_not_whole_blocks');
    expect(errorCode(await hold(6_000))).toBe('points_above_max');
    const released = await till.signed('POST', `/v1/points/holds/${holdId}/release`, { memberId, orderId });
    expect(released.body).toMatchObject({ held: 0, available: 2_000 });
    // Released again: the figures as they are.
    expect((await till.signed('POST', `/v1/points/holds/${holdId}/release`, { memberId, orderId })).status).toBe(200);
    expect((await journal(memberId)).movements.map((m) => m.kind)).toEqual(['earn', 'hold', 'release']);
  });

  it('expires what came in before a date and was not used, once', async () => {
    const { storeId, till, memberId } = await setup('13900007003');
    await get().admin.ok('PUT', `/v1/admin/stores/${storeId}/points-rules`, RULES);
    await sell(till, memberId, 10_000);
    const bad = await get().admin.call('POST', '/v1/admin/points/expire', { before: '2026-13-40' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('2026-13-40 is not a date');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const expired = await get().admin.ok<{ members: number; points: number }>('POST', '/v1/admin/points/expire', {
      before: tomorrow,
    });
    expect(expired.points).toBeGreaterThanOrEqual(200);
    expect((await journal(memberId)).balance).toBe(0);
    const again = await get().admin.ok<{ points: number }>('POST', '/v1/admin/points/expire', { before: tomorrow });
    expect(again.points).toBe(0);
  });

  it('earns once for a sale sent again under new sequence numbers (a till restored from a backup)', async () => {
    const { storeId, till, memberId } = await setup('13900007006');
    await get().admin.ok('PUT', `/v1/admin/stores/${storeId}/points-rules`, RULES);
    const sale = await sell(till, memberId, 10_000);
    const [again] = (await till.push([till.next('order.paid', sale, sale.order.id)])).results;
    expect(again.status).not.toBe('REJECTED');
    const points = await journal(memberId);
    expect(points.balance).toBe(200);
    expect(points.movements.map((m) => m.kind)).toEqual(['earn']);
  });

  it('takes a spend that is the sale’s points payment at the store’s rate, and refuses one that is not', async () => {
    const { storeId, till, memberId } = await setup('13900007016');
    await get().admin.ok('PUT', `/v1/admin/stores/${storeId}/points-rules`, RULES);
    await sell(till, memberId, 100_000);
    const paidWith = (points: number, fen: number) => {
      const sale = orderPaid({ unitPrice: 1_000 });
      sale.order.memberId = memberId;
      sale.payments = [
        { method: 'points', amount: fen, reference: null, points },
        { method: 'card', amount: 1_000 - fen, reference: 'C1' },
      ];
      return sale;
    };
    const spendOn = async (sale: ReturnType<typeof paidWith>, points: number) => {
      const movementId = uuidv7();
      const spend = { movementId, memberId, orderId: sale.order.id, points, holdId: null, provisional: true };
      return (
        await till.push([
          till.next('order.paid', sale, sale.order.id),
          till.next('points.spent', { ...spend, decidedAt: Date.now() }, movementId),
        ])
      ).results;
    };
    // 100 points pay 100 fen here: a payment of 100 fen for 100 points is the spend.
    expect((await spendOn(paidWith(100, 100), 100))[1]).toMatchObject({ status: 'APPLIED' });
    // The sale says 200 fen for 100 points; the spend says 100 points: the rate does not give that.
    expect((await spendOn(paidWith(100, 200), 100))[1]).toMatchObject({
      status: 'REJECTED',
      code: 'points_payment_mismatch',
    });
    // The spend is more points than the sale's points payment.
    expect((await spendOn(paidWith(100, 100), 200))[1]).toMatchObject({
      status: 'REJECTED',
      code: 'points_payment_mismatch',
    });
    // Past the share of the sale points may pay (half of ¥10.00).
    expect((await spendOn(paidWith(600, 600), 600))[1]).toMatchObject({
      status: 'REJECTED',
      code: 'points_over_share',
    });
    const points = await journal(memberId);
    expect(points.movements.filter((m) => m.kind === 'spend')).toHaveLength(1);
  });

  it('refuses a spend on a sale it does not have for the member', async () => {
    const { storeId, till, memberId } = await setup('13900007004');
    await get().admin.ok('PUT', `/v1/admin/stores/${storeId}/points-rules`, RULES);
    const movementId = uuidv7();
    const orderId = uuidv7();
    const [result] = (
      await till.push([
        till.next(
          'points.spent',
          { movementId, memberId, orderId, points: 100, holdId: null, provisional: true, decidedAt: Date.now() },
          movementId,
        ),
      ])
    ).results;
    expect(result).toMatchObject({ status: 'REJECTED', code: 'points_order_unknown' });
  });
});

describe('a hold nobody captures', () => {
  let clock = Date.now();
  const get = usePlatform(backends[0], { now: () => clock });

  it('is released after two minutes for the next hold; its late capture spends without it; a spend against the rules takes nothing', async () => {
    const { storeId } = await get().admin.createStore('积分 时钟');
    await get().admin.ok('PUT', `/v1/admin/stores/${storeId}/points-rules`, RULES);
    const till = await Till.pair(get().url, (await get().admin.pairingCode(storeId)).code);
    const { member } = await get().admin.ok<{ member: { id: string } }>('POST', '/v1/admin/members', {
      phone: '13900007005',
      name: null,
      consent: false,
    });
    const memberId = member.id;
    const funding = orderPaid({ unitPrice: 100_000 });
    funding.order.memberId = memberId;
    await till.push([till.next('order.paid', funding, funding.order.id)]);
    const sale = orderPaid({ unitPrice: 50 });
    sale.order.memberId = memberId;
    const holdId = uuidv7();
    const hold = (points: number, id: string, orderId: string) =>
      till.signed('POST', '/v1/points/holds', { holdId: id, memberId, orderId, points });
    expect((await hold(1_500, holdId, sale.order.id)).status).toBe(200);
    expect(errorCode(await hold(1_000, uuidv7(), uuidv7()))).toBe('points_short');
    clock += 3 * 60_000;
    // Two minutes on, the first hold no longer keeps the points from the member.
    const next = await hold(1_000, uuidv7(), uuidv7());
    expect(next.body).toMatchObject({ held: 1_000, available: 1_000 });
    // The sale behind the first hold arrives late: it spends without its hold, as far as the balance goes.
    const movementId = uuidv7();
    const spent = (id: string, points: number, orderId: string) =>
      till.next(
        'points.spent',
        { movementId: id, memberId, orderId, points, holdId, provisional: false, decidedAt: clock },
        id,
      );
    const results = (
      await till.push([till.next('order.paid', sale, sale.order.id), spent(movementId, 1_500, sale.order.id)])
    ).results;
    expect(results[1]).toMatchObject({ status: 'CONFLICT', code: 'points_spend_lost' });
    // A spend the store's rules do not allow (not whole blocks) takes nothing.
    const other = orderPaid({ unitPrice: 50 });
    other.order.memberId = memberId;
    const odd = uuidv7();
    const refused = (await till.push([till.next('order.paid', other, other.order.id), spent(odd, 150, other.order.id)]))
      .results;
    expect(refused[1]).toMatchObject({ status: 'REJECTED', code: 'points_not_whole_blocks' });
    const journal = await get().admin.ok<{ balance: number; movements: { kind: string }[] }>(
      'GET',
      `/v1/admin/members/${memberId}/points`,
    );
    // Each 50-fen sale earns a point (2 a yuan); the refused spend's sale still earns.
    expect(journal.movements.map((m) => m.kind)).toEqual(['earn', 'hold', 'release', 'hold', 'earn', 'spend', 'earn']);
    expect(journal.balance).toBe(2_000 + 1 - 1_500 + 1);
    expect(results[1]).toMatchObject({ params: { short: 499 } });
  });
});
