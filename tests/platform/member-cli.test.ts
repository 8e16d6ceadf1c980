import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeMemberCode } from '../../shared/members/member-code';
import { tempDir } from '../support/temp-dir';
import { backends, usePlatform } from './support/backends';
import { runPlatformCli as run } from './support/cli-run';

describe.each(backends)('members on the command line on $name', (backend) => {
  const get = usePlatform(backend);
  let connection: string[];

  beforeAll(() => {
    connection = ['--url', get().url, '--token', get().platform.adminToken];
  });

  it('adds, lists, shows, prints a code for and erases a member', async () => {
    const added = await run([
      'members',
      'add',
      '139 0000 5555',
      '--name',
      '赵先生',
      '--consent',
      ...connection,
      '--json',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const { member } = JSON.parse(added.stdout) as { member: { id: string; maskedPhone: string } };
    expect(member.maskedPhone).toBe('139****5555');

    const listed = await run(['members', 'list', ...connection]);
    expect(listed.stdout).toContain('139****5555 赵先生');
    expect(listed.stdout).not.toContain('13900005555');
    const shown = await run(['members', 'show', member.id, ...connection]);
    expect(shown.stdout).toMatch(/via platform; consent given/);

    const code = await run(['members', 'code', member.id, ...connection, '--json']);
    const printed = JSON.parse(code.stdout) as { code: string };
    const decoded = decodeMemberCode(printed.code);
    expect(decoded.ok && decoded.code.claims.memberId).toBe(member.id);
    const qr = await run(['members', 'code', member.id, ...connection]);
    expect(qr.stdout).toContain('MC1:');

    const twice = await run(['members', 'add', '13900005555', ...connection]);
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain('already a member');

    const erased = await run(['members', 'erase', member.id, ...connection]);
    expect(erased.stdout).toContain('erased');
    const after = await run(['members', 'show', member.id, ...connection]);
    expect(after.stdout).toContain('(erased)');
    expect((await run(['members', 'messages', ...connection])).stdout).toContain('no pending messages');
  });

  it('sets a store’s recency bands, refuses bands that do not rise, and scores the members', async () => {
    const store = await get().admin.createStore('分群门店');
    const set = await run([
      'members',
      'segments',
      store.storeId,
      '--type',
      'bakery',
      '--bands',
      '20,60,120',
      ...connection,
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('bakery, bands 20/60/120 days');
    const wrong = await run([
      'members',
      'segments',
      store.storeId,
      '--type',
      'cafe',
      '--bands',
      '90,30,180',
      ...connection,
    ]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('must end later than the one before');
    const scored = await run(['members', 'score', ...connection]);
    expect(scored.code, scored.stderr).toBe(0);
    expect(scored.stdout).toMatch(/^scored \d+ members in \d+ ms; \d+ changed value segment/);
  });

  it('shows and moves the daily scoring, and refuses a time that is not one in the operator’s words', async () => {
    const shown = await run(['members', 'score-schedule', ...connection]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('members are scored daily at 04:30 Asia/Shanghai; last scheduled run: none yet');
    const moved = await run(['members', 'score-schedule', '--at', '05:10', ...connection]);
    expect(moved.stdout).toContain('daily at 05:10 Asia/Shanghai');
    const wrong = await run(['members', 'score-schedule', '--at', '5 pm', ...connection]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('is a time of day such as 04:30; 5 pm is not. (scoring_schedule_time)');
  });

  it('prints the tier ladder, sets it from a file, and refuses a ladder the rules refuse in plain words', async () => {
    const shown = await run(['members', 'tiers', ...connection]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('1  Member/普通会员  from 0 growth  no benefits');
    const dir = tempDir();
    const good = join(dir, 'ladder.json');
    writeFileSync(
      good,
      JSON.stringify([
        { id: 1, nameZh: '普通会员', nameEn: 'Member', minGrowth: 0, benefits: [] },
        {
          id: 2,
          nameZh: '金卡会员',
          nameEn: 'Gold',
          minGrowth: 3000,
          benefits: [
            { kind: 'tier_discount', rateBp: 500 },
            { kind: 'member_prices', prices: [{ sku: 'DRK-0001', price: 150 }] },
          ],
        },
      ]),
    );
    const set = await run(['members', 'tiers', '--file', good, ...connection]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('2  Gold/金卡会员  from 3000 growth  5% off, 1 member price(s)');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ id: 1, nameZh: '银卡', nameEn: 'Silver', minGrowth: 100, benefits: [] }]));
    const refused = await run(['members', 'tiers', '--file', bad, ...connection]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('The first tier, “Silver”, must start at 0 growth');
    expect((await run(['members', 'tiers', ...connection])).stdout).toContain('Gold/金卡会员');
  });
});
