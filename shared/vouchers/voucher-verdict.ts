import type { DecodedVoucher, EnvelopeRefusal, VoucherClaims } from './cp1';
import { decodeVoucher } from './cp1';
import { keyCovers, type SigningKey, type VerifySignature } from './signed-envelope';

/** A platform voucher signing key as the signed key list delivers it. */
export type VoucherKey = SigningKey;

export type VoucherRefusal =
  | EnvelopeRefusal
  | 'unknown_key'
  | 'bad_signature'
  | 'not_yet_valid'
  | 'expired'
  | 'other_store'
  | 'revoked';

export type VoucherVerdict =
  | { ok: true; claims: VoucherClaims }
  | { ok: false; reason: VoucherRefusal; claims?: VoucherClaims };

export type VerdictContext = {
  keys: ReadonlyMap<number, VoucherKey>;
  /** Redeemed, blocked and revoked voucher ids from the deny list (hex). */
  denied: ReadonlySet<string>;
  /** Unix seconds on this till's clock. */
  now: number;
  /** This store's number on the platform; a voucher scoped 0 is good at every store. */
  store: number;
  verify: VerifySignature;
};

/**
 * PROTOCOL.md's local checks, in the order that gives the most useful reason: the envelope, the
 * key, the signature (nothing unsigned is believed, not even its dates), then dates, store and
 * deny list. Pure: the same scan, keys and clock give the same verdict on the till and the platform.
 */
export function judgeVoucher(scanned: string, context: VerdictContext): VoucherVerdict {
  const decoded = decodeVoucher(scanned);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  return judgeDecoded(decoded.voucher, context);
}

export function judgeDecoded({ claims, signed, signature }: DecodedVoucher, context: VerdictContext): VoucherVerdict {
  const key = context.keys.get(claims.kid);
  if (!key) return { ok: false, reason: 'unknown_key', claims };
  if (!context.verify(key.publicKey, signed, signature)) return { ok: false, reason: 'bad_signature', claims };
  // A key past its validity (retired and expired) vouches for nothing issued after it.
  if (!keyCovers(key, claims.notBefore)) return { ok: false, reason: 'unknown_key', claims };
  if (context.now < claims.notBefore) return { ok: false, reason: 'not_yet_valid', claims };
  if (context.now >= claims.expires) return { ok: false, reason: 'expired', claims };
  if (claims.storeScope !== 0 && claims.storeScope !== context.store)
    return { ok: false, reason: 'other_store', claims };
  if (context.denied.has(claims.voucherId)) return { ok: false, reason: 'revoked', claims };
  return { ok: true, claims };
}
