import { beforeAll, describe, expect, it } from 'vitest';
import { type Granted, requestGrant } from '../support/approvals';
import { expectOk, type Harness, openHarness, type Transport } from '../support/callers';
import { createDemo, type DemoPerson, signIn } from '../support/demo-session';

describe.each<Transport>(['in-process', 'http'])('the contract over %s', (transport) => {
  let h: Harness;
  let people: Record<'owner' | 'manager' | 'cashier', DemoPerson>;
  let now = Date.parse('2026-11-23T10:00:00Z');

  beforeAll(async () => {
    h = await openHarness(transport, { clock: () => now });
    people = await createDemo(h.call);
  });

  it('answers an unknown method with unknown_method', async () => {
    const result = await h.call({ method: 'orders.deleteEverything', input: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('explains invalid input in the caller’s language, field by field', async () => {
    const zh = await h.call({
      method: 'store.create',
      input: { name: '', timeZone: 'Asia/Shanghai' },
      locale: 'zh-CN',
    });
    expect(zh).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (zh.ok) return;
    expect(zh.error.message).toBe('名称不能为空；缺少店主。');
    const en = await h.call({ method: 'staff.signIn', input: { staffId: 'nope', pin: '12' }, locale: 'en' });
    expect(en.ok ? '' : en.error.message).toBe('Staff member is not in the right form. PIN must be 4 to 8 digits.');
    const pin = await h.call({ method: 'staff.unlock', input: { pin: '12' }, locale: 'zh-CN' });
    expect(pin.ok ? '' : pin.error.message).toBe('PIN 应为 4 到 8 位数字。');
  });

  it('refuses a second store on a set-up terminal', async () => {
    const result = await h.call({
      method: 'store.create',
      input: { name: 'Again', timeZone: 'Asia/Shanghai', owner: { name: 'X', pin: '1234' } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'already_set_up' } });
  });

  it('counts wrong PINs, says how many tries are left, and locks the person out', async () => {
    const staffId = people.manager.id;
    const wrong = () => h.call({ method: 'staff.signIn', input: { staffId, pin: '0000' }, locale: 'en' });
    const first = await wrong();
    expect(first.ok ? '' : first.error.message).toBe('Wrong PIN. 4 tries left before a 5-minute lock-out.');
    for (let i = 0; i < 3; i++) await wrong();
    const fifth = await wrong();
    expect(fifth).toMatchObject({ ok: false, error: { code: 'locked_out' } });
    const right = await h.call({ method: 'staff.signIn', input: { staffId, pin: people.manager.pin } });
    expect(right).toMatchObject({ ok: false, error: { code: 'locked_out' } });
    now += 5 * 60_000 + 1;
    expect((await h.call({ method: 'staff.signIn', input: { staffId, pin: people.manager.pin } })).ok).toBe(true);
  });

  it('locks a session: only unlock with the same PIN lets work go on', async () => {
    const token = await signIn(h.call, people.cashier);
    expectOk(await h.call({ method: 'staff.lock', input: {}, sessionToken: token }));
    const blocked = await h.call({ method: 'catalog.searchProducts', input: { query: 'cola' }, sessionToken: token });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'session_locked' } });
    const wrong = await h.call({ method: 'staff.unlock', input: { pin: '9999' }, sessionToken: token });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    expectOk(await h.call({ method: 'staff.unlock', input: { pin: people.cashier.pin }, sessionToken: token }));
    expect((await h.call({ method: 'catalog.searchProducts', input: {}, sessionToken: token })).ok).toBe(true);
  });

  it('takes a manager’s PIN for one action only, and never a cashier’s or a wrong one', async () => {
    const token = await signIn(h.call, people.cashier);
    const request = { method: 'drawer.noSale', input: { reason: 'customer needs change' }, sessionToken: token };
    const wrongPin = await requestGrant(h.call, request, people.owner, 'drawer.noSale', '0001');
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'approval_invalid' } });
    const byCashier = await requestGrant(h.call, request, people.cashier, 'drawer.noSale');
    expect(byCashier).toMatchObject({ ok: false, error: { code: 'self_approval' } });
    const { grant } = expectOk<Granted>(await requestGrant(h.call, request, people.owner, 'drawer.noSale'));
    const approved = expectOk<{ approvedBy: string }>(await h.call({ ...request, approval: { grant } }));
    expect(approved.approvedBy).toBe(people.owner.name);
    const replay = await h.call({ ...request, approval: { grant } });
    expect(replay).toMatchObject({ ok: false, error: { code: 'approval_grant_used' } });
    const again = await h.call(request);
    expect(again).toMatchObject({ ok: false, error: { code: 'approval_required' } });
  });

  it('signs out: the token no longer works', async () => {
    const token = await signIn(h.call, people.cashier);
    expectOk(await h.call({ method: 'staff.signOut', input: {}, sessionToken: token }));
    const after = await h.call({ method: 'staff.me', input: {}, sessionToken: token });
    expect(after).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('takes effect at once when the owner deactivates someone who is signed in', async () => {
    const owner = await signIn(h.call, people.owner);
    const created = expectOk<{ id: string }>(
      await h.call({
        method: 'staff.create',
        input: { name: '临时工', role: 'cashier', pin: '7777' },
        sessionToken: owner,
      }),
    );
    const temp = await signIn(h.call, { ...people.cashier, id: created.id, pin: '7777' });
    expectOk(await h.call({ method: 'staff.update', input: { id: created.id, active: false }, sessionToken: owner }));
    expect(await h.call({ method: 'staff.me', input: {}, sessionToken: temp })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    const again = await h.call({ method: 'staff.signIn', input: { staffId: created.id, pin: '7777' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'staff_inactive' } });
  });

  it('forgets a sign-in left idle longer than a shift', async () => {
    const token = await signIn(h.call, people.cashier);
    now += 11 * 60 * 60_000;
    expect((await h.call({ method: 'staff.me', input: {}, sessionToken: token })).ok).toBe(true);
    now += 12 * 60 * 60_000 + 1;
    const stale = await h.call({ method: 'staff.me', input: {}, sessionToken: token });
    expect(stale).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('never lets the last owner be demoted', async () => {
    const owner = await signIn(h.call, people.owner);
    const result = await h.call({
      method: 'staff.update',
      input: { id: people.owner.id, role: 'manager' },
      sessionToken: owner,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'last_owner' } });
    const me = expectOk<{ staff: { role: string } }>(
      await h.call({ method: 'staff.me', input: {}, sessionToken: owner }),
    );
    expect(me.staff.role).toBe('owner');
  });
});
