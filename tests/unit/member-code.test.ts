import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../shared/errors';
import type { MemberId } from '../../shared/ids';
import {
  decodeMemberCode,
  encodeMemberCode,
  judgeMemberCode,
  looksLikeMemberCode,
  MC1_PREFIX,
  type MemberCodeClaims,
  type MemberCodeRefusal,
  type MemberSigningKey,
  memberCodeBytes,
} from '../../shared/members/member-code';
import { looksLikeVoucher } from '../../shared/vouchers/cp1';
import { seededRandom } from '../support/random';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const publicKeyText = String(publicKey.export({ format: 'jwk' }).x);

const claims: MemberCodeClaims = {
  kid: 2,
  memberId: '0192f3a4-5b6c-7d8e-9fa0-b1c2d3e4f506' as MemberId,
  brand: 7,
  issuedAt: 1_796_000_000,
  expires: 1_796_000_060,
  nonce: '00ff10ee20dd30cc',
};

function issue(c: MemberCodeClaims = claims, key = privateKey): string {
  const signed = memberCodeBytes(c);
  return encodeMemberCode(signed, new Uint8Array(sign(null, signed, key)));
}

const key2 = { kid: 2, publicKey: publicKeyText, validFrom: 1_790_000_000, validTo: 1_800_000_000, retiredAt: null };
/** Key 2 after a rotation: it signed nothing after 1_796_000_005 and retires at `retiredAt`. */
const rotated = (retiredAt: number) => ({
  keys: new Map([[2, { ...key2, validTo: 1_796_000_005, retiredAt }]]),
});

const context = {
  keys: new Map<number, MemberSigningKey>([[2, key2]]),
  now: 1_796_000_010,
  brand: 7,
  verify: (key: string, signed: Uint8Array, signature: Uint8Array) =>
    verify(null, signed, { key: { kty: 'OKP', crv: 'Ed25519', x: key }, format: 'jwk' }, signature),
};

const verdict = (scanned: string, changes: Partial<typeof context> = {}) => {
  const judged = judgeMemberCode(scanned, { ...context, ...changes });
  return judged.ok ? 'ok' : judged.reason;
};

describe('the MC1 member code', () => {
  it('round-trips, fits a version-7 QR code at level M, and is told apart from a voucher', () => {
    const code = issue();
    expect(code.startsWith(MC1_PREFIX)).toBe(true);
    // A version-7 QR code at level M holds 178 alphanumeric characters, as the CP1 voucher does.
    expect(code.length).toBeLessThanOrEqual(178);
    expect(decodeMemberCode(code)).toMatchObject({ ok: true, code: { claims } });
    expect(decodeMemberCode(`${code.toLowerCase()}\r\n`)).toMatchObject({ ok: true, code: { claims } });
    expect(looksLikeMemberCode(code)).toBe(true);
    expect(looksLikeVoucher(code)).toBe(false);
    expect(looksLikeMemberCode('CP1:ABC')).toBe(false);
    expect(verdict(code)).toBe('ok');
  });

  it('gives each refusal its own reason, with a message in both languages', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const cases: [string, MemberCodeRefusal | 'ok', Partial<typeof context>?][] = [
      ['6921168478354', 'not_a_member_code'],
      [issue().replace(MC1_PREFIX, 'CP1:'), 'not_a_member_code'],
      [issue().slice(0, 50), 'damaged'],
      [`${MC1_PREFIX}BB8`, 'damaged'],
      [issue({ ...claims, expires: claims.issuedAt + 301 }), 'damaged'],
      [issue({ ...claims, expires: claims.issuedAt }), 'damaged'],
      [issue({ ...claims, kid: 9 }), 'unknown_key'],
      [issue(claims, other), 'bad_signature'],
      [issue({ ...claims, issuedAt: 1_800_000_001, expires: 1_800_000_061 }), 'unknown_key', { now: 1_800_000_010 }],
      [issue(), 'not_yet_valid', { now: claims.issuedAt - 31 }],
      [issue(), 'ok', { now: claims.issuedAt - 30 }],
      [issue(), 'ok', { now: claims.expires + 29 }],
      [issue(), 'expired', { now: claims.expires + 30 }],
      [issue(), 'other_brand', { brand: 8 }],
      // Rotated: the previous key's codes are good through the overlap, refused by name once it retires.
      [issue(), 'ok', rotated(claims.issuedAt + 11)],
      [issue(), 'retired_key', rotated(claims.issuedAt + 10)],
      [issue({ ...claims, kid: 2 }, other), 'bad_signature', rotated(claims.issuedAt)],
      [issue({ ...claims, issuedAt: 1_796_000_006, expires: 1_796_000_066 }), 'unknown_key', rotated(1_796_000_600)],
    ];
    for (const [scanned, why, changes] of cases) {
      expect(verdict(scanned, changes), `${why} ${scanned.slice(0, 20)}`).toBe(why);
      if (why === 'ok') continue;
      expect(errorMessage(`member_code_${why}`, {}, 'en')).toMatch(/^[A-Z].+\.$/);
      expect(errorMessage(`member_code_${why}`, {}, 'zh-CN')).toMatch(/。$/);
    }
  });

  it('never throws and never accepts a changed code: 10,000 random and mutated texts', () => {
    const random = seededRandom(20_270_115);
    const original = issue();
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
    let decodedButRefused = 0;
    for (let i = 0; i < 10_000; i++) {
      let candidate: string;
      const roll = random.next();
      if (roll < 0.6) {
        const chars = [...original];
        const edits = 1 + random.int(4);
        for (let e = 0; e < edits; e++) {
          const at = MC1_PREFIX.length + random.int(chars.length - MC1_PREFIX.length);
          chars[at] = alphabet[random.int(alphabet.length)];
        }
        candidate = chars.join('');
      } else if (roll < 0.75) {
        candidate = original.slice(0, MC1_PREFIX.length + random.int(original.length));
      } else if (roll < 0.85) {
        const at = MC1_PREFIX.length + random.int(original.length - MC1_PREFIX.length);
        candidate = original.slice(0, at) + alphabet[random.int(45)] + original.slice(at);
      } else {
        candidate = MC1_PREFIX + Array.from({ length: random.int(500) }, () => alphabet[random.int(45)]).join('');
      }
      if (candidate === original) continue;
      const decoded = decodeMemberCode(candidate);
      const judged = judgeMemberCode(candidate, context);
      expect(judged.ok).toBe(false);
      if (decoded.ok) decodedButRefused += 1;
    }
    // Some mutations leave a well-formed envelope: only the signature stops those.
    expect(decodedButRefused).toBeGreaterThan(0);
  });
});
