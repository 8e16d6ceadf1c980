import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import type { Envelope } from '../../shared/contract';
import type { MemberCard } from '../../shared/contract/members';
import { MC1_PREFIX } from '../../shared/members/member-code';
import type { MemberWire } from '../../shared/members/member-wire';
import { type MobilePhone, parseMobilePhone } from '../../shared/members/phone';
import type { Caller } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { type MemberSigner, memberSigner } from '../support/member-signer';
import { hostileString, seededRandom } from '../support/random';
import { tempDir } from '../support/temp-dir';

/**
 * The phone lookup and the member-code path through the core methods (docs/members.md), on a real
 * SQLite file, the cache filled as a pull leaves it: 10,000 inputs each, mutated from genuine
 * numbers and codes and from hostile strings. None may throw past the envelope (an `internal`
 * refusal), and none may find a member but the one the number or the genuine code was.
 */
let core: CounterCore;
let token: string;
let signer: MemberSigner;
const members: MemberWire[] = [];
const phoneOwner = new Map<string, string>();

const call = (method: string, input: unknown): Envelope<unknown> =>
  core.dispatch({ method, input, sessionToken: token, locale: 'en' });

beforeAll(async () => {
  core = openCounterCore({ dataDir: tempDir() });
  const caller: Caller = (request) => core.call(request);
  const people = await createDemo(caller);
  token = await signIn(caller, people.cashier);
  signer = memberSigner(3, 7);
  for (let i = 0; i < 40; i++) {
    const phone = `13${String(800_000_000 + i * 7_919).padStart(9, '0')}` as MobilePhone;
    const member = signer.wire(phone);
    members.push(member);
    phoneOwner.set(phone, member.id);
  }
  signer.install(core.environment.db, core.environment.auditKey, members);
});

afterAll(() => core?.close());

const digits = '0123456789';
const phonePieces = [' ', '-', '+86', '0086', '86', '１', '３', '８', '\u3000', '(', ')', '.', 'a', '\u0000', '+', '1'];

function mutatedPhone(random: ReturnType<typeof seededRandom>): string {
  const roll = random.next();
  if (roll < 0.15) return hostileString(random);
  if (roll < 0.2) return digits[random.int(10)].repeat(random.int(40));
  let text: string = random.pick([...phoneOwner.keys()]);
  const edits = random.int(4);
  for (let e = 0; e < edits; e++) {
    const at = random.int(text.length + 1);
    const kind = random.int(3);
    const piece = random.next() < 0.6 ? digits[random.int(10)] : random.pick(phonePieces);
    if (kind === 0) text = text.slice(0, at) + piece + text.slice(at);
    else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1);
    else text = text.slice(0, at) + piece + text.slice(at + 1);
  }
  return text;
}

describe('members.lookup offline, fuzzed', () => {
  it('10,000 numbers: never an internal error, never another member', () => {
    const random = seededRandom(15_015);
    let found = 0;
    for (let i = 0; i < 10_000; i++) {
      const phone = mutatedPhone(random);
      const answer = call('members.lookup', { phone });
      const parsed = parseMobilePhone(phone);
      if (answer.ok) {
        found += 1;
        expect(parsed.ok && phoneOwner.get(parsed.phone), JSON.stringify(phone)).toBe((answer.value as MemberCard).id);
      } else {
        expect(answer.error.code, JSON.stringify(phone)).not.toBe('internal');
        if (parsed.ok) expect(phoneOwner.has(parsed.phone)).toBe(false);
        else if (phone.length <= 32) expect(answer.error.code).toBe(`member_${parsed.reason}`);
      }
    }
    expect(found).toBeGreaterThan(100);
  }, 120_000);
});

describe('members.identify offline, fuzzed', () => {
  it('10,000 codes: never an internal error, never a member the genuine code did not name', () => {
    const random = seededRandom(15_016);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
    const stranger = memberSigner(3, 7);
    let found = 0;
    for (let i = 0; i < 10_000; i++) {
      const member = random.pick(members);
      const genuine = signer.code(member.id);
      const roll = random.next();
      let code = genuine;
      if (roll < 0.05) code = genuine.toLowerCase();
      else if (roll < 0.1) code = `  ${genuine}\n`;
      else if (roll < 0.15) code = stranger.code(member.id);
      else if (roll < 0.2) code = signer.code(member.id, { brand: 8 });
      else if (roll < 0.25) {
        const issuedAt = Math.floor(Date.now() / 1000) - 600;
        code = signer.code(member.id, { issuedAt, expires: issuedAt + 60 });
      } else if (roll < 0.7) {
        const chars = [...genuine];
        for (let e = 0; e < 1 + random.int(4); e++) {
          chars[MC1_PREFIX.length + random.int(chars.length - MC1_PREFIX.length)] = alphabet[random.int(45)];
        }
        code = chars.join('');
      } else if (roll < 0.8) code = genuine.slice(0, random.int(genuine.length));
      else if (roll < 0.9) code = MC1_PREFIX + hostileString(random);
      else code = hostileString(random);
      const answer = call('members.identify', { code });
      if (answer.ok) {
        found += 1;
        expect((answer.value as MemberCard).id).toBe(member.id);
        expect(code.trim().toUpperCase()).toBe(genuine);
      } else {
        expect(answer.error.code, JSON.stringify(code.slice(0, 40))).not.toBe('internal');
      }
    }
    expect(found).toBeGreaterThan(400);
  }, 120_000);
});
