import { beforeAll, describe, expect, it } from 'vitest';
import { decodeMemberCode } from '../../shared/members/member-code';
import { backends, usePlatform } from './support/backends';
import { runOperatorCli } from './support/operator-cli';

const run = runOperatorCli;

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
});
