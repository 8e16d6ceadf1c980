import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberCard } from '../../shared/contract/members';
import type { MemberAdminView, MemberKeyWire } from '../../shared/members/member-wire';
import { expectOk } from '../support/callers';
import { startFaultProxy } from '../support/fault-proxy';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import { type PairedTill, startPairedTill } from '../support/till';

/**
 * Rotating the member-code key (docs/members.md, "Rotating the member-code key"): a real platform
 * over HTTP and a till on a real SQLite file behind a proxy that cuts it off. The till is offline
 * while the key rotates, takes the new key and the old one's retirement on its next pull, accepts
 * both through the overlap, and refuses a retired key's code by name, online and offline.
 */
type Platform = Awaited<ReturnType<typeof startTestPlatform>>;
type Rotation = { kid: number; previous: number | null; previousRetiresAt: number | null; retired: number[] };

let platform: Platform;
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
let till: PairedTill;
let memberId: string;

const refused = (envelope: { ok: boolean; error?: { code: string; message: string } }) => {
  if (envelope.ok || !envelope.error) throw new Error('expected a refusal, got ok');
  return envelope.error;
};
const freshCode = () =>
  platform.admin.request<{ code: string }>('POST', `/v1/admin/members/${memberId}/code`, {}).then((a) => a.code);
const rotate = (overlapSeconds: number) =>
  platform.admin.request<Rotation>('POST', '/v1/admin/member-keys/rotate', { overlapSeconds });
const tillKeys = () =>
  till.core.environment.db.prepare('SELECT kid, retired_at AS retiredAt FROM member_keys ORDER BY kid').all() as {
    kid: number;
    retiredAt: number | null;
  }[];
/** The till's own verdict on a code, never asking the platform (as when it is offline). */
const offline = (code: string, locale: 'en' | 'zh-CN' = 'en') =>
  till.core.dispatch({ method: 'members.identify', input: { code }, sessionToken: till.tokens.cashier, locale });

beforeAll(async () => {
  // The platform starts an hour back, so its first key was valid well before any code a test shows.
  let skewMs = -3_600_000;
  platform = await startTestPlatform({ now: () => Date.now() + skewMs });
  skewMs = 0;
  await platform.admin.putProducts(sampleCatalog());
  const store = await platform.admin.createStore('换钥店');
  proxy = await startFaultProxy(() => platform.url, { seed: 5, faultRate: 0 });
  till = await startPairedTill(proxy.url, store.pairingCode);
  const { member } = await platform.admin.request<{ member: MemberAdminView }>('POST', '/v1/admin/members', {
    phone: '13900008888',
    consent: true,
  });
  memberId = member.id;
  expectOk<MemberCard>(await till.call('members.lookup', { phone: '13900008888' }));
  await waitFor(() => tillKeys().length === 1, 15_000, 'member key 1 on the till');
}, 60_000);

afterAll(async () => {
  await till?.core.close();
  await proxy?.close();
  await platform?.close();
});

describe('rotating the member-code key', () => {
  it('while the till is offline: the old key’s codes still work there, the new key’s need a pull', async () => {
    const before = await freshCode();
    proxy.setRefusing(true);
    try {
      const rotation = await rotate(600);
      expect(rotation).toMatchObject({ kid: 2, previous: 1, retired: [] });
      const after = await freshCode();
      // The till has not heard of key 2: the code is refused with what to do, not as a forgery.
      const unknown = refused(await till.call('members.identify', { code: after }));
      expect(unknown.code).toBe('member_code_unknown_key');
      expect(unknown.message).toContain('Sync now');
      expect(expectOk<MemberCard>(await till.call('members.identify', { code: before }))).toMatchObject({
        id: memberId,
        checkedOnline: false,
      });
    } finally {
      proxy.setRefusing(false);
    }
    // Back online, the next pull brings key 2 and key 1's retirement time.
    await waitFor(() => tillKeys().length === 2, 15_000, 'member key 2 on the till');
    const retiresAt = (await platform.admin.request<{ keys: MemberKeyWire[] }>('GET', '/v1/member-keys')).keys.find(
      (key) => key.kid === 1,
    )?.retiredAt;
    expect(tillKeys()).toEqual([
      { kid: 1, retiredAt: retiresAt },
      { kid: 2, retiredAt: null },
    ]);
    // Through the overlap both keys are good on the till by itself, and on the platform.
    expect(expectOk<MemberCard>(offline(await freshCode())).id).toBe(memberId);
    expect(expectOk<MemberCard>(offline(before)).id).toBe(memberId);
    expect(expectOk<MemberCard>(await till.call('members.identify', { code: await freshCode() }))).toMatchObject({
      id: memberId,
      checkedOnline: true,
    });
  });

  it('refuses a retired key’s code by name, online and offline, in both languages', async () => {
    const keyTwo = await freshCode();
    // Rotated again with no overlap (a leaked key): key 2 retires at once, and key 1 with it.
    const rotation = await rotate(0);
    expect(rotation).toMatchObject({ kid: 3, previous: 2, retired: [1] });
    const online = refused(await till.call('members.identify', { code: keyTwo }));
    expect(online.code).toBe('member_code_retired_key');
    expect(online.message).toContain('retired');
    await waitFor(
      () => tillKeys().length === 3 && tillKeys().every((key) => key.kid === 3 || key.retiredAt !== null),
      15_000,
      'key 3 and the retirements on the till',
    );
    expect(refused(offline(keyTwo)).code).toBe('member_code_retired_key');
    expect(refused(offline(keyTwo, 'zh-CN')).message).toContain('已被平台停用');
    expect(expectOk<MemberCard>(offline(await freshCode())).id).toBe(memberId);
  });

  it('refuses an overlap past a week in the operator’s language, rotating nothing', async () => {
    const answer = await fetch(`${platform.url}/v1/admin/member-keys/rotate`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${platform.adminToken}`,
        'content-type': 'application/json',
        'accept-language': 'zh-CN',
      },
      body: JSON.stringify({ overlapSeconds: 604_801 }),
    });
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('member_key_overlap');
    expect(body.error.message).toContain('604801');
    const { keys } = await platform.admin.request<{ keys: MemberKeyWire[] }>('GET', '/v1/member-keys');
    expect(keys.map((key) => key.kid)).toEqual([1, 2, 3]);
  });
});
