import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDeviceKey, signRequest } from '../../electron/core/sync/request-signing';
import type { MemberCard } from '../../shared/contract/members';
import type { OrderDetail } from '../../shared/contract/orders';
import { uuidv7 } from '../../shared/ids';
import type { MemberAdminView, MemberMessage } from '../../shared/members/member-wire';
import { expectOk } from '../support/callers';
import { startFaultProxy } from '../support/fault-proxy';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import { lineFor, type PairedTill, productBySku, startPairedTill } from '../support/till';

/**
 * Members end to end (docs/members.md): a real platform over HTTP, two tills on real SQLite files
 * (till A behind a proxy that can cut it off, till B at another store). Enrolment, lookup by phone,
 * identification by a member code online and offline, a sale crediting the member once, and an
 * erasure reaching the till.
 */
type Platform = Awaited<ReturnType<typeof startTestPlatform>>;
type Proxy = Awaited<ReturnType<typeof startFaultProxy>>;

let platform: Platform;
let proxy: Proxy;
let tillA: PairedTill;
let tillB: PairedTill;

const PHONE = '139 0000 1234';
const refused = (envelope: { ok: boolean; error?: { code: string; message: string } }) => {
  if (envelope.ok || !envelope.error) throw new Error('expected a refusal, got ok');
  return envelope.error;
};
const member = (id: string) =>
  platform.admin.request<{ member: MemberAdminView }>('GET', `/v1/admin/members/${id}`).then((a) => a.member);
const messages = () =>
  platform.admin.request<{ messages: MemberMessage[] }>('GET', '/v1/admin/member-messages').then((a) => a.messages);
const freshCode = (id: string, ageSeconds = 0) =>
  platform.admin
    .request<{ code: string; expires: number }>('POST', `/v1/admin/members/${id}/code`, { ageSeconds })
    .then((a) => a.code);
const cacheRow = (till: PairedTill, id: string) =>
  till.core.environment.db.prepare('SELECT * FROM members WHERE id = ?').get(id) as
    | { masked_phone: string | null; phone_hash: string | null; name: string | null; erased: number }
    | undefined;

beforeAll(async () => {
  // The platform first starts an hour back, so its member key was valid well before the
  // two-minute-old code a test shows it; then its clock is the real one.
  let platformSkewMs = -3_600_000;
  platform = await startTestPlatform({ now: () => Date.now() + platformSkewMs });
  platformSkewMs = 0;
  await platform.admin.putProducts(sampleCatalog());
  const a = await platform.admin.createStore('会员店 A');
  const b = await platform.admin.createStore('会员店 B');
  proxy = await startFaultProxy(() => platform.url, { seed: 3, faultRate: 0 });
  tillA = await startPairedTill(proxy.url, a.pairingCode);
  tillB = await startPairedTill(platform.url, b.pairingCode);
  // The member keys and policy come down with the first pull.
  await waitFor(
    () => tillA.core.environment.db.prepare('SELECT count(*) FROM member_keys').pluck().get() === 1,
    15_000,
    'member keys on till A',
  );
}, 60_000);

afterAll(async () => {
  for (const till of [tillA, tillB]) await till?.core.close();
  await proxy?.close();
  await platform?.close();
});

let enrolled: MemberCard;

describe('enrolment at the counter', () => {
  it('sends a code to the phone and makes the member when the customer reads it out', async () => {
    const enrolmentId = uuidv7();
    const started = expectOk<{ enrolmentId: string; maskedPhone: string }>(
      await tillA.call('members.enrolStart', { enrolmentId, phone: PHONE, name: '王女士', consent: true }),
    );
    expect(started).toMatchObject({ enrolmentId, maskedPhone: '139****1234' });
    const [message] = (await messages()).filter((m) => m.id === enrolmentId);
    expect(message.phone).toBe('13900001234');
    const code = /\d{6}/.exec(message.text)?.[0] ?? '';
    // A wrong code says how many tries are left; the right one makes the member.
    const wrong = refused(
      await tillA.call('members.enrolConfirm', { enrolmentId, code: code === '000000' ? '111111' : '000000' }),
    );
    expect(wrong.code).toBe('member_enrolment_code_wrong');
    expect(wrong.message).toContain('4 tries left');
    enrolled = expectOk<MemberCard>(await tillA.call('members.enrolConfirm', { enrolmentId, code }));
    expect(enrolled).toMatchObject({ maskedPhone: '139****1234', name: '王女士', checkedOnline: true });
    expect(enrolled.tier?.name.en).toBe('Member');
    // The number never reaches the till in the clear; the message is gone once used.
    expect(cacheRow(tillA, enrolled.id)?.phone_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(tillA.core.environment.db.prepare('SELECT * FROM members').all())).not.toContain(
      '13900001234',
    );
    expect((await messages()).some((m) => m.id === enrolmentId)).toBe(false);
    expect(await member(enrolled.id)).toMatchObject({ createdVia: 'counter', consent: true, stores: 1 });
    // The same number cannot enrol twice.
    const again = refused(
      await tillA.call('members.enrolStart', { enrolmentId: uuidv7(), phone: PHONE, consent: false }),
    );
    expect(again.code).toBe('member_exists');
  });

  it('refuses a number that is no mobile number before asking anyone, in the reader’s language', async () => {
    const bad = await tillA.core.call({
      method: 'members.enrolStart',
      input: { enrolmentId: uuidv7(), phone: '12812345678', consent: false },
      sessionToken: tillA.tokens.cashier,
      locale: 'zh-CN',
    });
    expect(refused(bad).message).toContain('不是大陆手机号');
  });
});

describe('finding the member', () => {
  it('by phone at another store: the platform finds them and that store now keeps them', async () => {
    const card = expectOk<MemberCard>(await tillB.call('members.lookup', { phone: '+86 13900001234' }));
    expect(card).toMatchObject({ id: enrolled.id, checkedOnline: true });
    expect(card.hint).toContain('new member');
    expect(cacheRow(tillB, enrolled.id)?.masked_phone).toBe('139****1234');
    expect((await member(enrolled.id)).stores).toBe(2);
    const unknown = refused(await tillB.call('members.lookup', { phone: '13700000000' }));
    expect(unknown.code).toBe('member_unknown');
  });

  it('by a scanned member code; the same showing at a second till is refused', async () => {
    const code = await freshCode(enrolled.id);
    expect(expectOk<MemberCard>(await tillB.call('members.identify', { code }))).toMatchObject({ id: enrolled.id });
    // Scanned again at the same till: fine. At another till: a copy.
    expect(expectOk<MemberCard>(await tillB.call('members.identify', { code })).id).toBe(enrolled.id);
    expect(refused(await tillA.call('members.identify', { code })).code).toBe('member_code_replayed');
  });

  it('refuses a code shown two minutes ago (a screenshot), online and offline alike', async () => {
    const stale = await freshCode(enrolled.id, 120);
    const online = refused(await tillA.call('members.identify', { code: stale }));
    expect(online.code).toBe('member_code_expired');
    expect(online.message).toContain('refresh the code');
    proxy.setRefusing(true);
    try {
      expect(refused(await tillA.call('members.identify', { code: stale })).code).toBe('member_code_expired');
    } finally {
      proxy.setRefusing(false);
    }
  });
});

describe('a sale to the member', () => {
  it('links the member to the order, prints them masked, and credits growth once on the platform', async () => {
    const water = await productBySku((r) => tillA.call(r.method, r.input), tillA.tokens.cashier, 'PLT-0001');
    const id = uuidv7();
    const input = {
      id,
      cart: { lines: [lineFor(water, { kind: 'count', count: 3 })], memberId: enrolled.id },
      tenders: [{ method: 'card', amount: water.price * 3, reference: 'M1' }],
    };
    const { order } = expectOk<{ order: OrderDetail }>(await tillA.call('orders.commit', input));
    expect(order.member).toMatchObject({ id: enrolled.id, maskedPhone: '139****1234', tier: { en: 'Member' } });
    const { html } = expectOk<{ html: string }>(await tillA.call('orders.receipt', { id }));
    expect(html).toContain('139****1234');
    // Pay pressed again: the same order, no second link.
    expect(expectOk<{ replayed: boolean }>(await tillA.call('orders.commit', input)).replayed).toBe(true);
    await waitFor(async () => (await member(enrolled.id)).orders === 1, 20_000, 'sale on the platform');
    const credited = await member(enrolled.id);
    expect(credited.growth).toBe(Math.floor((water.price * 3) / 100) + 10);
    expect(credited.lastVisitAt).toBe(order.paidAt);
    // The growth comes back down to the till that made the sale.
    await waitFor(
      () =>
        cacheRow(tillA, enrolled.id) !== undefined &&
        (tillA.core.environment.db
          .prepare('SELECT growth FROM members WHERE id = ?')
          .pluck()
          .get(enrolled.id) as number) === credited.growth,
      20_000,
      'growth on till A',
    );
  });

  it('refuses a member the till never identified', async () => {
    const water = await productBySku((r) => tillA.call(r.method, r.input), tillA.tokens.cashier, 'PLT-0001');
    const answer = await tillA.call('orders.commit', {
      id: uuidv7(),
      cart: { lines: [lineFor(water)], memberId: uuidv7() },
      tenders: [{ method: 'card', amount: water.price, reference: 'M2' }],
    });
    expect(refused(answer).code).toBe('member_not_identified');
  });
});

describe('offline, with the platform out of reach', () => {
  it('identifies by phone from the cache and by a genuine code; enrolment says it needs the platform', async () => {
    const code = await freshCode(enrolled.id);
    proxy.setRefusing(true);
    try {
      const byPhone = expectOk<MemberCard>(await tillA.call('members.lookup', { phone: '13900001234' }));
      expect(byPhone).toMatchObject({ id: enrolled.id, checkedOnline: false, maskedPhone: '139****1234' });
      const byCode = expectOk<MemberCard>(await tillA.call('members.identify', { code }));
      expect(byCode).toMatchObject({ id: enrolled.id, checkedOnline: false });
      const forged = `${code.slice(0, -4)}${code.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
      expect(['member_code_bad_signature', 'member_code_damaged']).toContain(
        refused(await tillA.call('members.identify', { code: forged })).code,
      );
      expect(refused(await tillA.call('members.lookup', { phone: '13700000000' })).code).toBe('member_unknown_offline');
      const enrol = refused(
        await tillA.call('members.enrolStart', { enrolmentId: uuidv7(), phone: '13600000000', consent: true }),
      );
      expect(enrol.code).toBe('member_enrol_offline');
    } finally {
      proxy.setRefusing(false);
    }
  });
});

describe('erasure on request', () => {
  it('removes the personal fields on the platform and on every till that saw the member', async () => {
    const erased = await platform.admin.request<{ member: MemberAdminView }>(
      'POST',
      `/v1/admin/members/${enrolled.id}/erase`,
    );
    expect(erased.member).toMatchObject({ maskedPhone: null, name: null, consent: false, erased: true, orders: 1 });
    for (const till of [tillA, tillB]) {
      await waitFor(() => cacheRow(till, enrolled.id)?.erased === 1, 20_000, 'erasure on the till');
      expect(cacheRow(till, enrolled.id)).toMatchObject({ masked_phone: null, phone_hash: null, name: null });
    }
    expect(refused(await tillA.call('members.lookup', { phone: PHONE })).code).toBe('member_unknown');
    // The sale stays, anonymised: its receipt no longer shows the number.
    const orders = tillA.core.environment.db.prepare('SELECT order_id FROM order_members').pluck().all() as string[];
    const { html } = expectOk<{ html: string }>(await tillA.call('orders.receipt', { id: orders[0] }));
    expect(html).not.toContain('139****1234');
    // Nothing personal left in the platform's member audit either.
    const code = refused(
      await tillB.call('members.identify', { code: await freshCode(enrolled.id).catch(() => 'MC1:X') }),
    );
    expect(['member_erased', 'member_code_damaged']).toContain(code.code);
  });
});

describe('a device the platform does not know', () => {
  it('is refused before anything is looked up', async () => {
    const { key } = generateDeviceKey();
    const body = JSON.stringify({ phone: '13900001234' });
    const headers = signRequest({ deviceId: uuidv7(), key, method: 'POST', pathAndQuery: '/v1/members/lookup', body });
    const answer = await fetch(`${platform.url}/v1/members/lookup`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('device_unknown');
  });
});
