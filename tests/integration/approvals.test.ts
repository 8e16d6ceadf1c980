import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail } from '../../shared/contract/orders';
import type { Lockout } from '../../shared/contract/staff';
import { uuidv7 } from '../../shared/ids';
import { type Granted, requestGrant } from '../support/approvals';
import { expectOk, type Harness, openHarness, type Transport } from '../support/callers';
import { createDemo, type DemoPerson, signIn } from '../support/demo-session';
import { lineFor, openShift, payByCard, productBySku } from '../support/till';

const minute = 60_000;

describe.each<Transport>(['in-process', 'http'])('manager approvals and PIN lock-outs (%s)', (transport) => {
  let h: Harness;
  let people: Record<'owner' | 'manager' | 'cashier', DemoPerson>;
  let cashier: string;
  let owner: string;
  let water: Product;
  let order: OrderDetail;
  let now = Date.parse('2026-12-05T02:00:00Z');

  const refundInput = (quantity = 1, id = uuidv7()) => ({
    id,
    orderId: order.id,
    lines: [{ lineNo: 1, quantity }],
    to: 'original',
    reason: 'leaking bottle',
  });
  const refundCount = () => h.core.environment.db.prepare('SELECT count(*) FROM refunds').pluck().get() as number;
  const code = (envelope: { ok: boolean; error?: { code: string } }) => (envelope.ok ? 'ok' : envelope.error?.code);
  const message = (envelope: { ok: boolean; error?: { message: string } }) =>
    envelope.ok ? '' : envelope.error?.message;

  /** A new cashier of their own for each lock-out story, so one story's locks never leak into another. */
  async function newCashier(name: string): Promise<DemoPerson> {
    owner = await signIn(h.call, people.owner);
    const created = expectOk<{ id: string }>(
      await h.call({ method: 'staff.create', input: { name, role: 'cashier', pin: '2468' }, sessionToken: owner }),
    );
    return { id: created.id, name, role: 'cashier', pin: '2468' };
  }

  beforeAll(async () => {
    h = await openHarness(transport, { clock: () => now });
    people = await createDemo(h.call);
    cashier = await signIn(h.call, people.cashier);
    owner = await signIn(h.call, people.owner);
    water = await productBySku(h.call, cashier, 'DRK-0001');
    await openShift(h.call, cashier, 10_000);
    order = await payByCard(h.call, cashier, [lineFor(water, { kind: 'count', count: 6 })], water.price * 6);
  });

  it('approves exactly the one call the manager saw, once', async () => {
    const input = refundInput();
    const request = { method: 'orders.refund', input, sessionToken: cashier };
    expect(code(await h.call(request))).toBe('approval_required');
    const granted = expectOk<Granted>(await requestGrant(h.call, request, people.manager, 'refund'));
    expect(granted).toMatchObject({ approverName: people.manager.name, expiresAt: now + 2 * minute });
    const refunded = await h.call({ ...request, approval: { grant: granted.grant } });
    expect(refunded).toMatchObject({ ok: true, value: { refund: { approverName: people.manager.name } } });
    const before = refundCount();

    const replay = await h.call({ ...request, approval: { grant: granted.grant }, locale: 'en' });
    expect(code(replay)).toBe('approval_grant_used');
    expect(message(replay)).toBe(
      'This approval was already used: each approval is for one action. Ask the manager to approve again.',
    );
    const another = await h.call({ ...request, input: refundInput(), approval: { grant: granted.grant } });
    expect(code(another)).toBe('approval_grant_used');
    const zh = await h.call({ ...request, approval: { grant: granted.grant }, locale: 'zh-CN' });
    expect(message(zh)).toBe('该授权已经用过：每次授权只对应一次操作。请店长重新授权。');
    expect(refundCount()).toBe(before);
  });

  it('refuses the grant for changed details, and a refused call leaves it for the call it was for', async () => {
    const input = refundInput(1);
    const request = { method: 'orders.refund', input, sessionToken: cashier };
    const { grant } = expectOk<Granted>(await requestGrant(h.call, request, people.manager, 'refund'));
    const before = refundCount();
    const changed = await h.call({
      ...request,
      input: { ...input, lines: [{ lineNo: 1, quantity: 3 }] },
      approval: { grant },
      locale: 'en',
    });
    expect(code(changed)).toBe('approval_grant_changed');
    expect(message(changed)).toBe(
      'The details changed after the manager approved them. Ask the manager to approve what is on screen now.',
    );
    const zh = await h.call({
      ...request,
      input: { ...input, reason: '别的原因' },
      approval: { grant },
      locale: 'zh-CN',
    });
    expect(message(zh)).toBe('店长授权后内容有变动，请店长对当前内容重新授权。');
    expect(refundCount()).toBe(before);
    // The same input with its keys in another order is the same call.
    const reordered = { reason: input.reason, to: input.to, lines: input.lines, orderId: input.orderId, id: input.id };
    expect(code(await h.call({ ...request, input: reordered, approval: { grant } }))).toBe('ok');
    expect(refundCount()).toBe(before + 1);
  });

  it('refuses an expired grant, a grant for another action, and one another sign-in got', async () => {
    const request = { method: 'orders.refund', input: refundInput(), sessionToken: cashier };
    const late = expectOk<Granted>(await requestGrant(h.call, request, people.manager, 'refund'));
    now += 2 * minute;
    const expired = await h.call({ ...request, approval: { grant: late.grant }, locale: 'en' });
    expect(code(expired)).toBe('approval_grant_expired');
    expect(message(expired)).toBe('This approval has expired (it lasts 2 minutes). Ask the manager to approve again.');

    const drawer = { method: 'drawer.noSale', input: { reason: 'change for a note' }, sessionToken: cashier };
    const forDrawer = expectOk<Granted>(await requestGrant(h.call, drawer, people.manager, 'drawer.noSale'));
    const wrongMethod = await h.call({ ...request, approval: { grant: forDrawer.grant }, locale: 'en' });
    expect(code(wrongMethod)).toBe('approval_grant_other_action');
    expect(message(wrongMethod)).toBe(
      'This approval was given to open the cash drawer without a sale, not for this action. Ask the manager to approve this one.',
    );

    const elsewhere = await signIn(h.call, people.cashier);
    const stolen = await h.call({ ...drawer, sessionToken: elsewhere, approval: { grant: forDrawer.grant } });
    expect(code(stolen)).toBe('approval_grant_unknown');
    const made = await h.call({ ...drawer, approval: { grant: 'made-up' } });
    expect(code(made)).toBe('approval_grant_unknown');
    expect(code(await h.call({ ...drawer, approval: { grant: forDrawer.grant } }))).toBe('ok');
  });

  it('approves a rule that depends on the data (a large discount) the same way', async () => {
    const cart = {
      lines: [lineFor(water, { kind: 'count', count: 10 })],
      orderDiscount: { kind: 'percent', value: 5_000, reason: 'damaged box' },
    };
    const total = water.price * 5;
    const input = { id: uuidv7(), cart, tenders: [{ method: 'card', amount: total, reference: 'D-1' }] };
    const request = { method: 'orders.commit', input, sessionToken: cashier };
    const refused = await h.call(request);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'approval_required', details: { permission: 'discount.override' } },
    });
    const { grant } = expectOk<Granted>(await requestGrant(h.call, request, people.manager, 'discount.override'));
    const other = { ...input, id: uuidv7() };
    expect(code(await h.call({ ...request, input: other, approval: { grant } }))).toBe('approval_grant_changed');
    const paid = await h.call({ ...request, approval: { grant } });
    expect(paid).toMatchObject({ ok: true, value: { order: { total, approverName: people.manager.name } } });
    expect(code(await h.call({ ...request, input: { ...input, id: uuidv7() }, approval: { grant } }))).toBe(
      'approval_grant_used',
    );
  });

  it('counts a cashier’s wrong approving PINs against the cashier, never the manager’s own sign-in', async () => {
    const guesser = await newCashier('猜测者');
    const token = await signIn(h.call, guesser);
    const request = { method: 'drawer.noSale', input: { reason: 'guessing' }, sessionToken: token };
    const first = await requestGrant(h.call, request, people.manager, 'drawer.noSale', '0000');
    expect(code(first)).toBe('approval_invalid');
    expect(message(first)).toBe(
      'That PIN is wrong, or that person may not let others open the cash drawer without a sale. 4 tries left before approvals for 猜测者 pause for 5 minutes.',
    );
    for (const pin of ['0001', '0002']) await requestGrant(h.call, request, people.manager, 'drawer.noSale', pin);
    const zh = await requestGrant(h.call, { ...request, locale: 'zh-CN' }, people.manager, 'drawer.noSale', '0003');
    expect(message(zh)).toBe(
      '授权 PIN 错误，或该员工无权授权他人无交易开钱箱。还可再试 1 次，之后猜测者将有 5 分钟无法申请授权。',
    );
    const fifth = await requestGrant(h.call, request, people.manager, 'drawer.noSale', '0004');
    expect(code(fifth)).toBe('approvals_paused');
    expect(message(fifth)).toBe('Too many wrong approving PINs. 猜测者 can ask for approvals again in 5 minutes.');

    // The right PIN does not help the guesser now; the manager signs in and approves on their own till.
    const right = await requestGrant(h.call, request, people.manager, 'drawer.noSale');
    expect(code(right)).toBe('approvals_paused');
    expect(
      code(await h.call({ method: 'staff.signIn', input: { staffId: people.manager.id, pin: people.manager.pin } })),
    ).toBe('ok');
    expect(
      code(await requestGrant(h.call, { ...request, sessionToken: cashier }, people.manager, 'drawer.noSale')),
    ).toBe('ok');
    // Signing in again does not reset the count: it is the person's, not the session's.
    const again = await signIn(h.call, guesser);
    expect(code(await requestGrant(h.call, { ...request, sessionToken: again }, people.manager, 'drawer.noSale'))).toBe(
      'approvals_paused',
    );
    now += 5 * minute;
    expect(code(await requestGrant(h.call, request, people.manager, 'drawer.noSale'))).toBe('ok');
  });

  it('escalates sign-in lock-outs 5, 10, 20 minutes, then holds them until a manager unlocks', async () => {
    const person = await newCashier('手滑');
    const signInWith = (pin: string, locale = 'en') =>
      h.call({ method: 'staff.signIn', input: { staffId: person.id, pin }, locale });
    const wrongRound = async () => {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await signInWith('1357'));
      return answers;
    };
    const first = await wrongRound();
    expect(message(first[0])).toBe('Wrong PIN. 4 tries left before a 5-minute lock-out.');
    expect(message(first[3])).toBe('Wrong PIN. 1 try left before a 5-minute lock-out.');
    expect(message(first[4])).toBe('Too many wrong PINs. 手滑 can try again in 5 minutes.');
    expect(code(await signInWith(person.pin))).toBe('locked_out');

    now += 5 * minute;
    const second = await wrongRound();
    expect(message(second[0])).toBe('Wrong PIN. 4 tries left before a 10-minute lock-out.');
    expect(message(second[4])).toBe('Too many wrong PINs. 手滑 can try again in 10 minutes.');
    now += 9 * minute;
    expect(code(await signInWith(person.pin))).toBe('locked_out');
    now += minute;
    // A right PIN ends the round, not the escalation.
    expect(code(await signInWith(person.pin))).toBe('ok');
    const third = await wrongRound();
    expect(message(third[4])).toBe('Too many wrong PINs. 手滑 can try again in 20 minutes.');
    now += 20 * minute;
    const fourth = await wrongRound();
    expect(message(fourth[3])).toBe('Wrong PIN. 1 try left before a lock-out only a manager or owner can lift.');
    expect(message(await signInWith('1357', 'zh-CN'))).toBe('PIN 错误次数过多，手滑需经店长或店主解锁后才能再试。');
    expect(message(fourth[4])).toBe('Too many wrong PINs. 手滑 can try again once a manager or owner unlocks them.');
    now += 3 * 24 * 60 * minute;
    expect(code(await signInWith(person.pin))).toBe('locked_out');

    const manager = await signIn(h.call, people.manager);
    const listed = expectOk<{ lockouts: Lockout[] }>(
      await h.call({ method: 'staff.lockouts', input: {}, sessionToken: manager }),
    );
    expect(listed.lockouts).toContainEqual({
      staffId: person.id,
      name: '手滑',
      role: 'cashier',
      kind: 'sign_in',
      lockedUntil: null,
      held: true,
      rounds: 4,
    });
    const byCashier = await h.call({
      method: 'staff.clearLockout',
      input: { staffId: person.id, kind: 'sign_in' },
      sessionToken: await signIn(h.call, people.cashier),
    });
    expect(code(byCashier)).toBe('forbidden');
    const self = await h.call({
      method: 'staff.clearLockout',
      input: { staffId: people.manager.id, kind: 'sign_in' },
      sessionToken: manager,
    });
    expect(code(self)).toBe('unlock_self');
    const cleared = expectOk<{ lockouts: Lockout[] }>(
      await h.call({
        method: 'staff.clearLockout',
        input: { staffId: person.id, kind: 'sign_in' },
        sessionToken: manager,
      }),
    );
    expect(cleared.lockouts.filter((l) => l.staffId === person.id)).toEqual([]);
    expect(code(await signInWith(person.pin))).toBe('ok');
    // Unlocked starts over from the first, shortest round.
    expect(message(await signInWith('1357'))).toBe('Wrong PIN. 4 tries left before a 5-minute lock-out.');

    const { entries } = expectOk<{ entries: { action: string; staffName: string; subject: string }[] }>(
      await h.call({ method: 'audit.list', input: { limit: 20 }, sessionToken: await signIn(h.call, people.owner) }),
    );
    expect(entries.find((e) => e.action === 'staff.clearLockout')).toMatchObject({
      staffName: people.manager.name,
      subject: `staff:${person.id}`,
    });
  });

  it('forgives earlier rounds after a day without a lock-out', async () => {
    const person = await newCashier('偶尔输错');
    const signInWith = (pin: string) =>
      h.call({ method: 'staff.signIn', input: { staffId: person.id, pin }, locale: 'en' });
    for (let i = 0; i < 5; i++) await signInWith('1357');
    now += 5 * minute;
    const soon = await signInWith('1357');
    expect(message(soon)).toBe('Wrong PIN. 4 tries left before a 10-minute lock-out.');
    now += 24 * 60 * minute;
    expect(message(await signInWith('1357'))).toBe('Wrong PIN. 3 tries left before a 5-minute lock-out.');
  });
});
