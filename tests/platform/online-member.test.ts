import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import type { MemberAdminView, MemberWire } from '../../shared/members/member-wire';
import { backends, usePlatform } from './support/backends';
import { product, Till } from './support/clients';

type Placed = { id: string; pickupCode: string; placedAt: number; member: { id: string; joined: boolean } | null };
type Refusal = { error: { code: string; message: string } };

/**
 * Members from online orders (docs/members.md, "Members from online orders") against a real
 * platform over HTTP: made once whatever the channel resends, linked by number within the brand,
 * refused in the reader's language, reaching the store's tills, and erased like any member.
 */
describe.each(backends)('members from online orders on $name', (backend) => {
  const get = usePlatform(backend);
  let storeA: string;
  let storeB: string;
  let tillA: Till;

  const place = (storeId: string, extra: Record<string, unknown>, language = 'en') =>
    get().admin.call(
      'POST',
      '/v1/online-orders',
      { storeId, channel: 'online_delivery', items: [{ sku: 'OM-1', quantity: 2 }], ...extra },
      { 'accept-language': language },
    );
  const placed = async (storeId: string, extra: Record<string, unknown>) => {
    const answer = await place(storeId, extra);
    if (answer.status !== 201) throw new Error(`order refused: ${JSON.stringify(answer.body)}`);
    return answer.body as Placed;
  };
  const membersWith = (phone: string) =>
    get()
      .admin.ok<{ members: MemberAdminView[] }>('GET', `/v1/admin/members?phone=${phone}`)
      .then((a) => a.members);
  const member = (id: string) =>
    get()
      .admin.ok<{ member: MemberAdminView }>('GET', `/v1/admin/members/${id}`)
      .then((a) => a.member);
  const onlineOrders = async (till: Till) => (await till.pullAll('online_orders')).changes.length;

  it('sets up two stores of the brand', async () => {
    const { admin, url } = get();
    await admin.products([product('OM-1', { price: 800 })]);
    const a = await admin.createStore('线上会员店 A');
    const b = await admin.createStore('线上会员店 B');
    storeA = a.storeId;
    storeB = b.storeId;
    tillA = await Till.pair(url, a.pairingCode);
  });

  it('makes a member from an order with the number and consent, once however often the order is sent', async () => {
    const id = uuidv7();
    const body = { id, customerPhone: '+86 138-0000-1111', marketingConsent: true, customerName: '周女士' };
    const first = await placed(storeA, body);
    expect(first.member?.joined).toBe(true);
    // Sent again (the channel lost the answer), and three more at once: one order, one member.
    const again = await Promise.all([placed(storeA, body), placed(storeA, body), placed(storeA, body)]);
    for (const answer of again) expect(answer).toEqual(first);
    const [made] = await membersWith('13800001111');
    expect(made).toMatchObject({
      id: first.member?.id,
      maskedPhone: '138****1111',
      name: null,
      createdVia: 'online_order',
      createdChannel: 'online_delivery',
      consent: true,
      firstVisitAt: first.placedAt,
      stores: 1,
    });
    expect(await membersWith('13800001111')).toHaveLength(1);
    // The store's tills get the member like any member seen there: masked, the number hashed.
    const pulled = (await tillA.pullAll('members')).changes.map((c) => c.data as MemberWire);
    expect(pulled.find((m) => m.id === made.id)).toMatchObject({ maskedPhone: '138****1111', erased: false });
    expect(JSON.stringify(pulled)).not.toContain('13800001111');
  });

  it('makes one member when two stores’ orders bring a new number at once, and links the rest', async () => {
    const orders = await Promise.all([
      placed(storeA, { id: uuidv7(), customerPhone: '13800002222', marketingConsent: true }),
      placed(storeB, { id: uuidv7(), customerPhone: '13800002222', marketingConsent: true }),
    ]);
    // A member now: a later order with the number needs no consent to be theirs.
    orders.push(await placed(storeB, { customerPhone: '138 0000 2222', marketingConsent: false }));
    const [made] = await membersWith('13800002222');
    expect(orders.map((o) => o.member?.id)).toEqual([made.id, made.id, made.id]);
    expect(orders.filter((o) => o.member?.joined)).toHaveLength(1);
    expect(made.stores).toBe(2);
  });

  it('links an existing member by number, and records consent the customer gave in the app', async () => {
    const { member: added } = await get().admin.ok<{ member: MemberAdminView }>('POST', '/v1/admin/members', {
      phone: '13800003333',
      name: '老顾客',
      consent: false,
    });
    const guest = await placed(storeA, { customerPhone: '13800003333' });
    expect(guest.member).toEqual({ id: added.id, joined: false });
    expect(await member(added.id)).toMatchObject({ consent: false, createdVia: 'platform', stores: 1 });
    await placed(storeB, { customerPhone: '13800003333', marketingConsent: true });
    expect(await member(added.id)).toMatchObject({ consent: true, name: '老顾客', stores: 2 });
    // An order without consent never takes consent away.
    await placed(storeB, { customerPhone: '13800003333' });
    expect((await member(added.id)).consent).toBe(true);
  });

  it('refuses a bad number, a new number without consent, two ways of naming a member and a changed resend, in both languages, storing nothing', async () => {
    const before = await onlineOrders(tillA);
    const cases: [Record<string, unknown>, string, string, string][] = [
      [
        { customerPhone: '12812345678', marketingConsent: true },
        'member_phone_not_mobile',
        'not a mainland',
        '不是大陆手机号',
      ],
      [{ customerPhone: '138-0000', marketingConsent: true }, 'member_phone_length', '11 digits', '11 位'],
      [{ customerPhone: '13800004444' }, 'member_consent_required', 'consent to marketing', '同意接收营销信息'],
      [
        { customerPhone: '13800001111', memberId: uuidv7(), marketingConsent: true },
        'online_order_member_twice',
        'not both',
        '不能同时使用',
      ],
    ];
    for (const [extra, code, en, zh] of cases) {
      const english = await place(storeA, extra);
      expect(english.status).toBe(400);
      expect((english.body as Refusal).error.code).toBe(code);
      expect((english.body as Refusal).error.message).toContain(en);
      expect((await place(storeA, extra, 'zh-CN')).body).toMatchObject({ error: { code } });
      expect(((await place(storeA, extra, 'zh-CN')).body as Refusal).error.message).toContain(zh);
    }
    const id = uuidv7();
    await placed(storeA, { id, customerPhone: '13800005555', marketingConsent: true });
    const otherItems = await place(storeA, {
      id,
      customerPhone: '13800005555',
      marketingConsent: true,
      items: [{ sku: 'OM-1', quantity: 3 }],
    });
    const otherPhone = await place(storeA, { id, customerPhone: '13800006666', marketingConsent: true }, 'zh-CN');
    for (const answer of [otherItems, otherPhone]) {
      expect(answer).toMatchObject({ status: 409, body: { error: { code: 'online_order_replay_mismatch' } } });
    }
    expect((otherPhone.body as Refusal).error.message).toContain('重复提交须与原订单完全一致');
    expect(await membersWith('13800004444')).toEqual([]);
    expect(await membersWith('13800006666')).toEqual([]);
    // Only the one good order reached the store.
    expect(await onlineOrders(tillA)).toBe(before + 1);
  });

  it('erases such a member like any other: personal fields gone everywhere, the order kept, a resend makes nobody', async () => {
    const id = uuidv7();
    const body = { id, customerPhone: '13800007777', marketingConsent: true };
    const order = await placed(storeA, body);
    const memberId = order.member?.id ?? '';
    const erased = await get().admin.ok<{ member: MemberAdminView }>('POST', `/v1/admin/members/${memberId}/erase`);
    expect(erased.member).toMatchObject({
      maskedPhone: null,
      name: null,
      consent: false,
      erased: true,
      createdVia: 'online_order',
      createdChannel: 'online_delivery',
    });
    expect(await membersWith('13800007777')).toEqual([]);
    const pulled = (await tillA.pullAll('members')).changes.map((c) => c.data as MemberWire);
    expect(pulled.filter((m) => m.id === memberId).at(-1)).toMatchObject({
      maskedPhone: null,
      phoneHash: null,
      erased: true,
    });
    // The channel resends the order: the same order and its (erased) member, no new member.
    expect(await placed(storeA, body)).toEqual(order);
    expect(await membersWith('13800007777')).toEqual([]);
    // A new order with the number and consent makes a new member: the customer joined again.
    const rejoined = await placed(storeA, { customerPhone: '13800007777', marketingConsent: true });
    expect(rejoined.member?.joined).toBe(true);
    expect(rejoined.member?.id).not.toBe(memberId);
  });
});
