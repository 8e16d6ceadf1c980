import { createHmac, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { applyPulledPage } from '../../electron/core/sync/pull-apply';
import { uuidv7 } from '../../shared/ids';
import { encodeMemberCode, type MemberCodeClaims, memberCodeBytes } from '../../shared/members/member-code';
import type { MemberWire } from '../../shared/members/member-wire';
import { type MobilePhone, maskPhone } from '../../shared/members/phone';

/**
 * The member streams as a pull from a platform would leave them, with a member-code key and a
 * phone lookup key of the test's own, for suites that identify members without a platform (the
 * role walk, the fuzz). The real platform path is covered by tests/integration/members.test.ts.
 */
export type MemberSigner = {
  kid: number;
  brand: number;
  lookupKey: Buffer;
  code(memberId: string, claims?: Partial<MemberCodeClaims>): string;
  wire(phone: MobilePhone, extra?: Partial<MemberWire>): MemberWire;
  install(db: Database, auditKey: Buffer, members: MemberWire[]): void;
};

export function memberSigner(kid = 1, brand = 1): MemberSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = String(publicKey.export({ format: 'jwk' }).x);
  const lookupKey = randomBytes(32);
  let version = 0;
  const page = (changes: { id: string; data: unknown }[]) => ({
    changes: changes.map((c) => ({ ...c, version: String(++version) })),
    nextCursor: String(version),
    hasMore: false,
  });
  return {
    kid,
    brand,
    lookupKey,
    code(memberId, partial) {
      const issuedAt = Math.floor(Date.now() / 1000);
      const claims: MemberCodeClaims = {
        kid,
        memberId: memberId as MemberCodeClaims['memberId'],
        brand,
        issuedAt,
        expires: issuedAt + 60,
        nonce: randomBytes(8).toString('hex'),
        ...partial,
      };
      const signed = memberCodeBytes(claims);
      return encodeMemberCode(signed, new Uint8Array(sign(null, signed, privateKey)));
    },
    wire(phone, extra) {
      return {
        id: uuidv7() as MemberWire['id'],
        maskedPhone: maskPhone(phone),
        phoneHash: createHmac('sha256', lookupKey).update(phone).digest('hex'),
        name: null,
        tier: { id: 1, nameZh: '普通会员', nameEn: 'Member' },
        growth: 0,
        points: 0,
        firstVisitAt: null,
        lastVisitAt: null,
        consent: false,
        erased: false,
        valueSegment: null,
        ...extra,
      };
    },
    install(db, auditKey, members) {
      const now = Date.now();
      const key = { kid, publicKey: raw, validFrom: Math.floor(now / 1000) - 86_400, validTo: 4_102_444_800 };
      applyPulledPage(db, auditKey, 'member_keys', page([{ id: String(kid), data: key }]), now);
      const policy = { brand, lookupKey: lookupKey.toString('base64url') };
      applyPulledPage(db, auditKey, 'member_policy', page([{ id: 'store', data: policy }]), now);
      applyPulledPage(db, auditKey, 'members', page(members.map((m) => ({ id: m.id, data: m }))), now);
    },
  };
}
