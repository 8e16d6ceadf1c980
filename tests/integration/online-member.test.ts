import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberCard } from '../../shared/contract/members';
import { uuidv7 } from '../../shared/ids';
import type { MemberAdminView } from '../../shared/members/member-wire';
import { expectOk } from '../support/callers';
import { startFaultProxy } from '../support/fault-proxy';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import { lineFor, type PairedTill, payByCard, productBySku, startPairedTill } from '../support/till';

/**
 * A member made from an online order reaches the store's till like any member (docs/members.md,
 * "Members from online orders"): a real platform over HTTP, a till on a real SQLite file behind a
 * proxy that cuts it off. The order is sent twice; the till finds the member by phone and by code
 * with the platform out of reach, and forgets them when they are erased.
 */
type Platform = Awaited<ReturnType<typeof startTestPlatform>>;
type Placed = { id: string; member: { id: string; joined: boolean } | null };

let platform: Platform;
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
let till: PairedTill;
let storeId: string;

const cacheRow = (id: string) =>
  till.core.environment.db.prepare('SELECT masked_phone, phone_hash, erased FROM members WHERE id = ?').get(id) as
    | { masked_phone: string | null; phone_hash: string | null; erased: number }
    | undefined;
const refused = (envelope: { ok: boolean; error?: { code: string; message: string } }) => {
  if (envelope.ok || !envelope.error) throw new Error('expected a refusal, got ok');
  return envelope.error;
};

beforeAll(async () => {
  let skewMs = -3_600_000;
  platform = await startTestPlatform({ now: () => Date.now() + skewMs });
  skewMs = 0;
  await platform.admin.putProducts(sampleCatalog());
  const store = await platform.admin.createStore('线上会员店');
  storeId = store.storeId;
  proxy = await startFaultProxy(() => platform.url, { seed: 7, faultRate: 0 });
  till = await startPairedTill(proxy.url, store.pairingCode);
}, 60_000);

afterAll(async () => {
  await till?.core.close();
  await proxy?.close();
  await platform?.close();
});

describe('a member from an online order at the till', () => {
  let memberId = '';

  it('is made once from an order sent twice, and the store’s till keeps them for offline', async () => {
    const body = {
      id: uuidv7(),
      storeId,
      channel: 'online_pickup',
      items: [{ sku: 'PLT-0001', quantity: 1 }],
      customerPhone: '13900006060',
      marketingConsent: true,
    };
    const first = await platform.admin.request<Placed>('POST', '/v1/online-orders', body);
    const again = await platform.admin.request<Placed>('POST', '/v1/online-orders', body);
    expect(again).toEqual(first);
    memberId = first.member?.id ?? '';
    expect(first.member?.joined).toBe(true);
    await waitFor(() => cacheRow(memberId)?.masked_phone === '139****6060', 20_000, 'the member on the till');
    const orders = () => till.core.environment.db.prepare('SELECT count(*) FROM online_orders').pluck().get();
    await waitFor(() => orders() === 1, 20_000, 'the online order on the till');
    const { members } = await platform.admin.request<{ members: MemberAdminView[] }>(
      'GET',
      '/v1/admin/members?phone=13900006060',
    );
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ createdVia: 'online_order', createdChannel: 'online_pickup', stores: 1 });
  });

  it('is found by phone and by code with the platform out of reach', async () => {
    const { code } = await platform.admin.request<{ code: string }>('POST', `/v1/admin/members/${memberId}/code`, {});
    proxy.setRefusing(true);
    try {
      const byPhone = expectOk<MemberCard>(await till.call('members.lookup', { phone: '139 0000 6060' }));
      expect(byPhone).toMatchObject({ id: memberId, maskedPhone: '139****6060', checkedOnline: false });
      expect(expectOk<MemberCard>(await till.call('members.identify', { code })).id).toBe(memberId);
    } finally {
      proxy.setRefusing(false);
    }
  });

  /**
   * The identify's own call to the platform never waits behind the sync's exchanges: with the
   * till's long poll held open, and then a push held in flight, the card still comes from the
   * platform (`checkedOnline`), not from the cache after the answer budget ran out.
   */
  it('is identified by the platform while the sync holds a long poll and a push open', async () => {
    const freshCode = async () =>
      (await platform.admin.request<{ code: string }>('POST', `/v1/admin/members/${memberId}/code`, {})).code;
    const wait = await proxy.holdNext((path) => path.startsWith('/v1/sync/wait'));
    try {
      const card = expectOk<MemberCard>(await till.call('members.identify', { code: await freshCode() }));
      expect(card).toMatchObject({ id: memberId, checkedOnline: true });
    } finally {
      wait.pass();
    }

    const push = proxy.holdNext((path) => path.startsWith('/v1/sync/push'));
    const caller = (request: Parameters<PairedTill['core']['call']>[0]) => till.core.call(request);
    const water = await productBySku(caller, till.tokens.cashier, 'PLT-0001');
    await payByCard(caller, till.tokens.cashier, [lineFor(water)], water.price);
    const held = await push;
    try {
      const card = expectOk<MemberCard>(await till.call('members.identify', { code: await freshCode() }));
      expect(card).toMatchObject({ id: memberId, checkedOnline: true });
    } finally {
      held.pass();
    }
  });

  it('is forgotten by the till when erased (PIPL), like any member', async () => {
    await platform.admin.request('POST', `/v1/admin/members/${memberId}/erase`);
    await waitFor(() => cacheRow(memberId)?.erased === 1, 20_000, 'the erasure on the till');
    expect(cacheRow(memberId)).toMatchObject({ masked_phone: null, phone_hash: null });
    expect(refused(await till.call('members.lookup', { phone: '13900006060' })).code).toBe('member_unknown');
  });
});
