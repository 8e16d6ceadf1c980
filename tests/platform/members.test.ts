import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import type { MemberAdminView, MemberMessage, MemberWire } from '../../shared/members/member-wire';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { orderPaid } from './support/payloads';

/**
 * The member routes against a real platform over HTTP (docs/members.md, protocol 5.10): enrolment's
 * limits, refusals in both languages, one store's enrolment out of another's reach, a sale
 * crediting its member once, and the members stream carrying only what a store has seen.
 */
for (const backend of backends) {
  describe(`members on '${backend.name}'`, () => {
    let clock = Date.now();
    const get = usePlatform(backend, { now: () => clock });

    async function pairedTill(name: string): Promise<Till> {
      const store = await get().admin.createStore(name);
      return Till.pair(get().url, store.pairingCode);
    }
    const messages = () =>
      get()
        .admin.ok<{ messages: MemberMessage[] }>('GET', '/v1/admin/member-messages')
        .then((a) => a.messages);
    const codeFor = async (phone: string) =>
      /\d{6}/.exec((await messages()).find((m) => m.phone === phone)?.text ?? '')?.[0] ?? '';
    const start = (till: Till, phone: string, id = uuidv7()) =>
      till.signed('POST', '/v1/members/enrolments', { id, phone, name: null, consent: false });
    const confirm = (till: Till, id: string, code: string, headers: Record<string, string> = {}) =>
      till.signed('POST', `/v1/members/enrolments/${id}/confirm`, { code }, { headers });

    it('ends an enrolment after five wrong codes, and says so in Chinese to a Chinese till', async () => {
      clock = Date.now();
      const till = await pairedTill('会员限次店');
      const id = uuidv7();
      expect((await start(till, '13500000001', id)).status).toBe(200);
      const right = await codeFor('13500000001');
      const wrong = right === '000000' ? '111111' : '000000';
      for (let left = 4; left >= 1; left--) {
        const answer = await confirm(till, id, wrong, { 'accept-language': 'zh-CN' });
        expect(answer).toMatchObject({
          status: 400,
          body: { error: { code: 'member_enrolment_code_wrong', params: { left } } },
        });
        expect(JSON.stringify(answer.body)).toContain(`还可尝试 ${left} 次`);
      }
      expect((await confirm(till, id, wrong)).body).toMatchObject({ error: { code: 'member_enrolment_attempts' } });
      // Even the right code is too late now.
      expect((await confirm(till, id, right)).body).toMatchObject({ error: { code: 'member_enrolment_attempts' } });
    });

    it('lets a code lapse after ten minutes, and keeps one store’s enrolment from another store', async () => {
      clock = Date.now();
      const here = await pairedTill('会员过期店');
      const there = await pairedTill('别家店');
      const late = uuidv7();
      await start(here, '13500000002', late);
      const code = await codeFor('13500000002');
      expect((await confirm(there, late, code)).body).toMatchObject({ error: { code: 'member_enrolment_unknown' } });
      clock += 10 * 60_000 + 1;
      const expired = await here.signed('POST', `/v1/members/enrolments/${late}/confirm`, { code }, { now: clock });
      expect(expired.body).toMatchObject({ error: { code: 'member_enrolment_expired', params: { minutes: 10 } } });
      clock = Date.now();
    });

    it('credits a sale to its member once, refuses an unknown member, and streams members only where seen', async () => {
      clock = Date.now();
      const till = await pairedTill('会员销售店');
      const other = await pairedTill('未见会员店');
      const id = uuidv7();
      await start(till, '13500000003', id);
      const made = await confirm(till, id, await codeFor('13500000003'));
      const member = (made.body as { member: MemberWire }).member;
      expect(member).toMatchObject({ maskedPhone: '135****0003', erased: false });
      expect(JSON.stringify(made.body)).not.toContain('13500000003');

      const sale = orderPaid({ unitPrice: 12_345 });
      sale.order.memberId = member.id;
      const stranger = orderPaid();
      stranger.order.memberId = uuidv7();
      const first = await till.push([
        till.next('order.paid', sale, sale.order.id),
        till.next('order.paid', stranger, stranger.order.id),
      ]);
      expect(first.results.map((r) => r.status)).toEqual(['APPLIED', 'REJECTED']);
      expect(first.results[1]).toMatchObject({ code: 'member_unknown' });
      // The same sale again under a new seq (a restored till): nothing more is credited.
      const again = await till.push([till.next('order.paid', sale, sale.order.id)]);
      expect(again.results[0].status).toBe('DUPLICATE');
      const shown = await get().admin.ok<{ member: MemberAdminView }>('GET', `/v1/admin/members/${member.id}`);
      expect(shown.member).toMatchObject({ growth: 123 + 10, orders: 1, lastVisitAt: sale.order.paidAt });

      const streamed = await till.pullAll('members');
      expect(streamed.changes.map((c) => c.id)).toEqual([member.id]);
      expect((streamed.changes[0].data as MemberWire).growth).toBe(133);
      expect((await other.pullAll('members')).changes).toEqual([]);
      // The other store's hash of the same number differs: one store's cache says nothing at another.
      const found = await other.signed('POST', '/v1/members/lookup', { phone: '135 0000 0003' });
      expect((found.body as { member: MemberWire }).member.phoneHash).not.toBe(member.phoneHash);
      expect((await other.pullAll('members')).changes.map((c) => c.id)).toEqual([member.id]);
    });

    it('refuses what a till could not have typed, and never answers a phone number in the clear', async () => {
      const till = await pairedTill('会员输入店');
      const tooLong = await till.signed('POST', '/v1/members/lookup', { phone: '1'.repeat(33) });
      expect(tooLong.status).toBe(400);
      const letters = await till.signed(
        'POST',
        '/v1/members/lookup',
        { phone: '138abc45678' },
        { headers: { 'accept-language': 'zh-CN' } },
      );
      expect(letters.body).toMatchObject({ error: { code: 'member_phone_characters' } });
      expect(JSON.stringify(letters.body)).toContain('手机号只能包含数字');
      const notCode = await till.signed('POST', '/v1/members/identify', { code: 'CP1:ABC' });
      expect(notCode.body).toMatchObject({ error: { code: 'member_code_not_a_member_code' } });
      const unsigned = await fetch(`${get().url}/v1/members/lookup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '13500000003' }),
      });
      expect(unsigned.status).toBe(401);
    });
  });
}
