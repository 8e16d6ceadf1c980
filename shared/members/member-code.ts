import { Encoder } from 'cbor-x';
import { MemberId } from '../ids';
import { trimScan } from '../vouchers/cp1';
import {
  bytesOf,
  cborArray,
  type Envelope,
  fromHex,
  hex,
  isUint,
  keyCovers,
  openEnvelope,
  type SigningKey,
  sameBytes,
  sealEnvelope,
  type VerifySignature,
} from '../vouchers/signed-envelope';
import { memberCeilings } from './member-limits';

/**
 * The member QR the customer's app shows (docs/members.md): "MC1:" + Base45(CBOR array ‖ Ed25519
 * signature), the envelope of the `CP1` voucher. The platform signs a fresh one each time the app
 * shows it, living a minute, so a screenshot is worth nothing later; the till verifies it offline
 * with the platform's member key.
 */
export const MC1_PREFIX = 'MC1:';
export const MEMBER_ID_BYTES = 16;
export const NONCE_BYTES = 8;
/** What the platform signs by default; the ceiling bounds what a till believes. */
export const MEMBER_CODE_LIFETIME_SECONDS = 60;
/**
 * How far the till's clock may be from the platform's: a till syncs its clock loosely, and a code
 * refused for a few seconds of drift is a customer sent back to their phone for nothing.
 */
export const MEMBER_CODE_CLOCK_SKEW_SECONDS = 30;

export type MemberCodeClaims = {
  kid: number;
  memberId: MemberId;
  /**
   * The brand's number on the platform: membership is per brand (DOMAIN.md), so a code is good at
   * every store of its brand and at no other brand's. No store scope: a member is not a store's.
   */
  brand: number;
  /** Unix seconds, the platform's clock. */
  issuedAt: number;
  expires: number;
  /** Hex; each showing is its own, so the platform and the till can tell two showings apart. */
  nonce: string;
};

export type DecodedMemberCode = Envelope & { claims: MemberCodeClaims };

export type MemberCodeRefusal =
  | 'not_a_member_code'
  | 'damaged'
  | 'unknown_key'
  | 'bad_signature'
  | 'not_yet_valid'
  | 'expired'
  | 'other_brand'
  | 'retired_key';

/**
 * A member-code key as the tills hold it: a signing key that can also be retired. From `retiredAt`
 * (unix seconds; null while in use) no code naming it is believed, whatever it claims: a rotation
 * leaves the previous key good for an overlap window and then retires it.
 */
export type MemberSigningKey = SigningKey & { retiredAt: number | null };

export type MemberCodeVerdict =
  | { ok: true; claims: MemberCodeClaims }
  | { ok: false; reason: MemberCodeRefusal; claims?: MemberCodeClaims };

export type MemberCodeContext = {
  /** The platform's member signing keys, by kid. */
  keys: ReadonlyMap<number, MemberSigningKey>;
  /** Unix seconds on this till's clock. */
  now: number;
  /** This till's brand number on the platform. */
  brand: number;
  verify: VerifySignature;
};

// Byte strings plain, without CP1's typed-array tag: four bytes fewer on a phone screen's QR.
const cbor = new Encoder({ tagUint8Array: false });

/** The bytes the platform signs, in this field order; the version first, so a later form can differ. */
export function memberCodeBytes(claims: MemberCodeClaims): Uint8Array {
  const fields = [
    1,
    claims.kid,
    fromHex(claims.memberId.replaceAll('-', '')),
    claims.brand,
    claims.issuedAt,
    claims.expires,
    fromHex(claims.nonce),
  ];
  return new Uint8Array(cbor.encode(fields));
}

export function encodeMemberCode(signed: Uint8Array, signature: Uint8Array): string {
  return sealEnvelope(MC1_PREFIX, signed, signature);
}

/** Whether a scan is meant as a member code, so the checkout's one scan field can route it. */
export function looksLikeMemberCode(scanned: string): boolean {
  return trimScan(scanned).toUpperCase().startsWith(MC1_PREFIX);
}

/** Reads a scanned text; never throws: anything but a well-formed `MC1` envelope is refused with its reason. */
export function decodeMemberCode(
  scanned: string,
): { ok: true; code: DecodedMemberCode } | { ok: false; reason: 'not_a_member_code' | 'damaged' } {
  if (scanned.length > memberCeilings.memberCodeText) return { ok: false, reason: 'damaged' };
  const text = trimScan(scanned).toUpperCase();
  if (!text.startsWith(MC1_PREFIX)) return { ok: false, reason: 'not_a_member_code' };
  const envelope = openEnvelope(text, MC1_PREFIX);
  const claims = envelope && claimsOf(envelope.signed);
  if (!envelope || !claims) return { ok: false, reason: 'damaged' };
  return { ok: true, code: { ...envelope, claims } };
}

/**
 * The till's offline verdict, in the order that gives the most useful reason: the envelope, the key,
 * the signature (nothing unsigned is believed, not even its times), the key's retirement (a genuine
 * code of a retired key: the customer refreshes it), then the times and the brand.
 */
export function judgeMemberCode(scanned: string, context: MemberCodeContext): MemberCodeVerdict {
  const decoded = decodeMemberCode(scanned);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  const { claims, signed, signature } = decoded.code;
  const key = context.keys.get(claims.kid);
  if (!key) return { ok: false, reason: 'unknown_key', claims };
  if (!context.verify(key.publicKey, signed, signature)) return { ok: false, reason: 'bad_signature', claims };
  if (key.retiredAt !== null && context.now >= key.retiredAt) return { ok: false, reason: 'retired_key', claims };
  if (!keyCovers(key, claims.issuedAt)) return { ok: false, reason: 'unknown_key', claims };
  if (context.now + MEMBER_CODE_CLOCK_SKEW_SECONDS < claims.issuedAt) {
    return { ok: false, reason: 'not_yet_valid', claims };
  }
  if (context.now - MEMBER_CODE_CLOCK_SKEW_SECONDS >= claims.expires) return { ok: false, reason: 'expired', claims };
  if (claims.brand !== context.brand) return { ok: false, reason: 'other_brand', claims };
  return { ok: true, claims };
}

function claimsOf(signed: Uint8Array): MemberCodeClaims | null {
  const fields = cborArray(signed);
  if (fields?.length !== 7) return null;
  const [version, kid, id, brand, issuedAt, expires, nonce] = fields;
  const idBytes = bytesOf(id, MEMBER_ID_BYTES);
  const nonceBytes = bytesOf(nonce, NONCE_BYTES);
  if (version !== 1 || !idBytes || !nonceBytes || ![kid, brand, issuedAt, expires].every((n) => isUint(n))) {
    return null;
  }
  const lifetime = (expires as number) - (issuedAt as number);
  // The platform signs nothing that lives longer: such a code is not one of its own.
  if (lifetime <= 0 || lifetime > memberCeilings.memberCodeLifetimeSeconds) return null;
  const memberId = MemberId.safeParse(uuidText(hex(idBytes)));
  if (!memberId.success) return null;
  const claims: MemberCodeClaims = {
    kid: kid as number,
    memberId: memberId.data,
    brand: brand as number,
    issuedAt: issuedAt as number,
    expires: expires as number,
    nonce: hex(nonceBytes),
  };
  return sameBytes(memberCodeBytes(claims), signed) ? claims : null;
}

function uuidText(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
