import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from '../../shared/vouchers/base45';
import {
  CP1_PREFIX,
  decimalForm,
  decodeVoucher,
  encodeVoucher,
  type VoucherClaims,
  voucherBytes,
  voucherFlags,
} from '../../shared/vouchers/cp1';
import { judgeVoucher } from '../../shared/vouchers/voucher-verdict';
import { seededRandom } from '../support/random';

const text = (s: string) => new TextEncoder().encode(s);
const { privateKey, publicKey } = generateKeyPairSync('ed25519');

const claims: VoucherClaims = {
  kid: 3,
  voucherId: '0123456789abcdef01234567',
  campaignId: 40_112,
  type: 'cash_off',
  value: 1_000,
  notBefore: 1_795_000_000,
  expires: 1_797_600_000,
  storeScope: 17,
  flags: voucherFlags.offlineAllowed,
  nonce: null,
};

function issue(c: VoucherClaims = claims): string {
  const signed = voucherBytes(c);
  return encodeVoucher(signed, new Uint8Array(sign(null, signed, privateKey)));
}

/** What the till will do with a decoded voucher: the signature must hold over exactly these bytes. */
function accepted(scanned: string): boolean {
  const decoded = decodeVoucher(scanned);
  return decoded.ok && verify(null, decoded.voucher.signed, publicKey, decoded.voucher.signature);
}

describe('Base45 (RFC 9285)', () => {
  it('matches the RFC examples both ways', () => {
    for (const [plain, encoded] of [
      ['AB', 'BB8'],
      ['Hello!!', '%69 VD92EX0'],
      ['base-45', 'UJCLQE7W581'],
      ['ietf!', 'QED8WEX0'],
    ]) {
      expect(encodeBase45(text(plain))).toBe(encoded);
      expect(decodeBase45(encoded)).toEqual(text(plain));
    }
  });

  it('refuses what is not Base45', () => {
    for (const bad of ['GGW', 'ZZZ', 'A', 'ab', 'BB8#']) expect(decodeBase45(bad)).toBeNull();
  });
});

describe('the CP1 voucher payload', () => {
  it('round-trips, fits a version-7 QR code at level M, and verifies', () => {
    const payload = issue();
    expect(payload.startsWith(CP1_PREFIX)).toBe(true);
    // A version-7 QR code at level M holds 178 alphanumeric characters; PROTOCOL.md says keep it there.
    expect(payload.length).toBeLessThanOrEqual(178);
    const decoded = decodeVoucher(payload);
    expect(decoded).toMatchObject({ ok: true, voucher: { claims } });
    expect(accepted(payload)).toBe(true);
    const withNonce = issue({ ...claims, nonce: 'a1b2c3d4e5f60708' });
    expect(decodeVoucher(withNonce)).toMatchObject({ ok: true, voucher: { claims: { nonce: 'a1b2c3d4e5f60708' } } });
  });

  it('reads the decimal form a keyboard-wedge scanner sends', () => {
    const signed = voucherBytes(claims);
    const signature = new Uint8Array(sign(null, signed, privateKey));
    const digits = decimalForm(signed, signature);
    expect(digits).toMatch(/^9\d+$/);
    expect(accepted(digits)).toBe(true);
  });

  it('tells no voucher from a damaged one', () => {
    for (const other of ['6921168478354', 'https://example.cn/', 'CPK1:123456', '', '   ']) {
      expect(decodeVoucher(other)).toEqual({ ok: false, reason: 'not_a_voucher' });
    }
    const payload = issue();
    expect(decodeVoucher(payload.slice(0, 40))).toEqual({ ok: false, reason: 'damaged' });
    expect(decodeVoucher(`${CP1_PREFIX}BB8`)).toEqual({ ok: false, reason: 'damaged' });
    expect(decodeVoucher(`${payload.slice(0, -1)}#`)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('never throws and never accepts a changed payload: 10,000 random and mutated texts', () => {
    const random = seededRandom(20_261_127);
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
          const at = CP1_PREFIX.length + random.int(chars.length - CP1_PREFIX.length);
          chars[at] = alphabet[random.int(alphabet.length)];
        }
        candidate = chars.join('');
      } else if (roll < 0.8) {
        candidate = original.slice(0, CP1_PREFIX.length + random.int(original.length));
      } else if (roll < 0.9) {
        candidate = CP1_PREFIX + Array.from({ length: random.int(200) }, () => alphabet[random.int(45)]).join('');
      } else {
        candidate = `9${Array.from({ length: 20 + random.int(300) }, () => random.int(10)).join('')}`;
      }
      if (candidate === original) continue;
      const decoded = decodeVoucher(candidate);
      expect(accepted(candidate)).toBe(false);
      if (decoded.ok) decodedButRefused += 1;
    }
    // Some mutations leave a well-formed envelope: only the signature stops those.
    expect(decodedButRefused).toBeGreaterThan(0);
  });
});

describe('the local verdict on a scanned voucher', () => {
  const publicKeyText = String(publicKey.export({ format: 'jwk' }).x);
  const keys = new Map([[3, { kid: 3, publicKey: publicKeyText, validFrom: 1_790_000_000, validTo: 1_800_000_000 }]]);
  const context = {
    keys,
    denied: new Set<string>(),
    now: 1_796_000_000,
    store: 17,
    verify: (key: string, signed: Uint8Array, signature: Uint8Array) =>
      verify(null, signed, { key: { kty: 'OKP', crv: 'Ed25519', x: key }, format: 'jwk' }, signature),
  };

  it('accepts a good voucher and gives each refusal its own reason', () => {
    expect(judgeVoucher(issue(), context)).toMatchObject({ ok: true, claims: { value: 1_000 } });
    const reason = (scanned: string, changes: Partial<typeof context> = {}) => {
      const verdict = judgeVoucher(scanned, { ...context, ...changes });
      return verdict.ok ? 'ok' : verdict.reason;
    };
    expect(reason('6921168478354')).toBe('not_a_voucher');
    expect(reason(issue().slice(0, 60))).toBe('damaged');
    expect(reason(issue({ ...claims, kid: 9 }))).toBe('unknown_key');
    const other = generateKeyPairSync('ed25519').privateKey;
    const forged = encodeVoucher(voucherBytes(claims), new Uint8Array(sign(null, voucherBytes(claims), other)));
    expect(reason(forged)).toBe('bad_signature');
    expect(reason(issue(), { now: claims.notBefore - 1 })).toBe('not_yet_valid');
    expect(reason(issue(), { now: claims.expires })).toBe('expired');
    expect(reason(issue(), { store: 18 })).toBe('other_store');
    expect(reason(issue({ ...claims, storeScope: 0 }), { store: 18 })).toBe('ok');
    expect(reason(issue(), { denied: new Set([claims.voucherId]) })).toBe('revoked');
    expect(reason(issue({ ...claims, notBefore: 1_800_000_001, expires: 1_900_000_000 }), { now: 1_850_000_000 })).toBe(
      'unknown_key',
    );
  });
});
