import { beforeAll, describe, expect, it } from 'vitest';
import { backends, usePlatform } from './support/backends';
import { runPlatformCli as run } from './support/cli-run';

describe.each(backends.slice(0, 1))('points on the command line on $name', (backend) => {
  const get = usePlatform(backend);
  let connection: string[];

  beforeAll(() => {
    connection = ['--url', get().url, '--token', get().platform.adminToken];
  });

  it('sets and shows a store’s rules, refuses a wrong one in words, shows a member’s points, expires and lists losses', async () => {
    const { storeId } = await get().admin.createStore('积分命令店');
    const set = await run([
      'members',
      'points-rules',
      storeId,
      '--earn',
      '2',
      '--redeem',
      '100:100',
      '--min',
      '100',
      '--max',
      '5000',
      '--share',
      '50',
      '--offline-cap',
      '500',
      ...connection,
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain(
      'earn 2 a yuan; 100 points pay 100 fen, 100–5000 an order, at most 50 % of it; offline at most 500 a member',
    );
    const shown = await run(['members', 'points-rules', storeId, ...connection]);
    expect(shown.stdout).toContain('earn 2 a yuan');
    const wrong = await run(['members', 'points-rules', storeId, '--earn', '500', ...connection]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Points per yuan is a whole number from 0 to 100; 500 is not. (points_rules_earn)');

    const { member } = await get().admin.ok<{ member: { id: string } }>('POST', '/v1/admin/members', {
      phone: '13900008001',
      name: null,
      consent: false,
    });
    const points = await run(['members', 'points', member.id, ...connection]);
    expect(points.stdout).toContain('balance 0, held 0, available 0');
    const expired = await run(['members', 'points-expire', '--before', '2026-01-01', ...connection]);
    expect(expired.stdout).toContain('expired 0 points of 0 member(s) earned before 2026-01-01');
    const losses = await run(['members', 'points-losses', ...connection]);
    expect(losses.stdout).toContain('no points losses');
    const liability = await run([
      'members',
      'points-liability',
      storeId,
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-02',
      ...connection,
    ]);
    expect(liability.code, liability.stderr).toBe(0);
    expect(liability.stdout).toContain('100 points = 1.00; days of Asia/Shanghai, cut-off 4:00');
    expect(liability.stdout).toContain('2026-11-02\t0 (0.00)\t0 (0.00)');
    const badCutoff = await run([
      'members',
      'points-liability',
      storeId,
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-02',
      '--cutoff',
      '13',
      ...connection,
    ]);
    expect(badCutoff.code).not.toBe(0);
    expect(badCutoff.stderr).toContain('--cutoff "13" is not an hour from 0 to 12');
  }, 120_000);
});
