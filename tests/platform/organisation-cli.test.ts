import { beforeAll, describe, expect, it } from 'vitest';
import { backends, usePlatform } from './support/backends';
import { runPlatformCli as run } from './support/cli-run';
import { franchiseClient } from './support/franchise';

describe.each(backends)('organisations and owners on the command line on $name', (backend) => {
  const get = usePlatform(backend);
  let connection: string[];

  beforeAll(() => {
    connection = ['--url', get().url, '--token', get().platform.adminToken];
  });

  it('creates a brand, assigns a store, invites an owner who signs in, and revokes them', async () => {
    const created = await run(['organisation', 'create', '--name', '鲜果连锁', ...connection, '--json']);
    expect(created.code, created.stderr).toBe(0);
    const { organisationId } = JSON.parse(created.stdout) as { organisationId: string };
    const store = await get().admin.createStore('静安店');

    const assigned = await run([
      'store',
      'assign',
      '--store',
      store.storeId,
      '--organisation',
      organisationId,
      ...connection,
    ]);
    expect(assigned.stdout.trim()).toBe(`store ${store.storeId} now belongs to organisation ${organisationId}`);

    const invited = await run([
      'owner',
      'invite',
      '--organisation',
      organisationId,
      '--login',
      'boss@example.com',
      '--name',
      '王老板',
      ...connection,
    ]);
    expect(invited.code, invited.stderr).toBe(0);
    const code = /invitation code: (\S+) \(one use/.exec(invited.stdout)?.[1] ?? '';
    const session = await franchiseClient(get().url).call('owner.invitations.redeem', {
      code,
      password: 'a long enough password',
    });
    const owner = franchiseClient(get().url, { kind: 'owner', token: session.token });
    expect((await owner.call('franchise.stores', {})).stores.map((s) => s.name)).toEqual(['静安店']);

    const listed = await run(['organisation', 'list', ...connection]);
    expect(listed.stdout).toContain(`owner ${session.owner.ownerId}  boss@example.com  王老板  (active)`);
    expect(listed.stdout).toContain(`store ${store.storeId}  静安店`);

    const revoked = await run(['owner', 'revoke', '--owner', session.owner.ownerId, ...connection]);
    expect(revoked.stdout.trim()).toBe(`owner ${session.owner.ownerId} revoked; 1 session(s) ended`);
    await expect(owner.call('franchise.stores', {})).rejects.toMatchObject({ code: 'owner_session_invalid' });
  });

  it('says what the platform refused, in the operator’s words', async () => {
    const unknown = await run([
      'store',
      'assign',
      '--store',
      crypto.randomUUID(),
      '--organisation',
      'x',
      ...connection,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('error: There is no such store. (store_unknown)');
    const taken = await run(['organisation', 'create', ...connection]);
    expect(taken.stderr).toContain('--name is required');
  });
});

describe.each(backends)('any operator route of the contract on the command line on $name', (backend) => {
  const get = usePlatform(backend);

  it('lists the operator routes and calls one by name with its input as JSON', async () => {
    const connection = ['--url', get().url, '--token', get().platform.adminToken];
    const listed = await run(['api', 'list', ...connection]);
    expect(listed.stdout).toMatch(/admin\.organisations\.create\s+POST \/v1\/admin\/organisations/);
    expect(listed.stdout).not.toContain('franchise.stores');
    const store = await get().admin.createStore('接口店');
    const shown = await run([
      'api',
      'admin.stores.show',
      '--input',
      JSON.stringify({ id: store.storeId }),
      ...connection,
      '--json',
    ]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ storeId: store.storeId, name: '接口店' });
    const owner = await run(['api', 'franchise.stores', ...connection]);
    expect(owner.code).toBe(2);
    expect(owner.stderr).toContain('"franchise.stores" is not an operator route');
  });
});
