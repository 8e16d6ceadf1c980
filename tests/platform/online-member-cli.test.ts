import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { backends, usePlatform } from './support/backends';
import { runPlatformCli as run } from './support/cli-run';
import { product } from './support/clients';

describe.each(backends)('members from online orders and key rotation on the command line on $name', (backend) => {
  const get = usePlatform(backend);
  let connection: string[];
  let storeId: string;

  beforeAll(async () => {
    connection = ['--url', get().url, '--token', get().platform.adminToken];
    await get().admin.products([product('OC-1', { price: 600 })]);
    storeId = (await get().admin.createStore('命令行线上店')).storeId;
  });

  it('places an order that makes a member, once when sent twice, and refuses a new number without consent', async () => {
    const order = ['online-order', '--store', storeId, '--channel', 'online_delivery', '--items', 'OC-1:1'];
    const id = uuidv7();
    const withMember = [...order, '--id', id, '--phone', '139 0000 7171', '--consent', ...connection];
    const first = await run(withMember);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/member [0-9a-f-]{36} joined with this order/);
    const again = await run([...withMember, '--json']);
    const replayed = JSON.parse(again.stdout) as { id: string; member: { joined: boolean } };
    expect(replayed).toMatchObject({ id, member: { joined: true } });
    const memberId = (JSON.parse(again.stdout) as { member: { id: string } }).member.id;
    const listed = await run(['members', 'show', memberId, ...connection]);
    expect(listed.stdout).toContain('via online_order');

    const refused = await run([...order, '--phone', '13900007272', ...connection]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('consent to marketing');
    const badPhone = await run([...order, '--phone', '1390000', '--consent', ...connection]);
    expect(badPhone.stderr).toContain('11 digits');
  });

  it('rotates the member-code key with an overlap, and refuses one past a week', async () => {
    const rotated = await run(['members', 'key-rotate', '--overlap', '120', ...connection]);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toMatch(/member-code key 2 signs from now on; key 1 signs nothing more and is good until /);
    const tooLong = await run(['members', 'key-rotate', '--overlap', '700000', ...connection]);
    expect(tooLong.code).not.toBe(0);
    expect(tooLong.stderr).toContain('0 to 604800 seconds');
  });
});
