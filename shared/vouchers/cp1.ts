import { encode } from 'cbor-x';
import { decodeBase45 } from './base45';
import {
  bytesOf,
  cborArray,
  fromHex,
  hex,
  isUint,
  SIGNATURE_BYTES,
  sameBytes,
  sealEnvelope,
  splitSigned,
} from './signed-envelope';

/**
 * The `CP1` voucher payload of PROTOCOL.md: "CP1:" + Base45(CBOR array ‖ Ed25519 signature over
 * the CBOR bytes). This module only reads and writes the envelope; whether the signature holds is
 * decided where the keys are (the core and the platform).
 */
export const CP1_PREFIX = 'CP1:';
export { SIGNATURE_BYTES };
export const VOUCHER_ID_BYTES = 12;

export const voucherTypes = ['cash_off', 'percent_off', 'threshold_off', 'free_item', 'group_buy'] as const;
export type VoucherType = (typeof voucherTypes)[number];

/** Bits of `flags`. */
export const voucherFlags = { offlineAllowed: 1, presentationToken: 2 } as const;

export type VoucherClaims = {
  kid: number;
  /** 12 random bytes, hex in the rest of the system. */
  voucherId: string;
  campaignId: number;
  type: VoucherType;
  /** Minor units, or basis points for percent_off. */
  value: number;
  notBefore: number;
  expires: number;
  /** 0 for every store of the franchise, otherwise the store's number on the platform. */
  storeScope: number;
  flags: number;
  /** Present on short-lived presentation tokens, so each showing is its own. */
  nonce: string | null;
};

export type DecodedVoucher = { claims: VoucherClaims; signed: Uint8Array; signature: Uint8Array };

/** Why a scanned text is no voucher at all, before any key is looked at. */
export type EnvelopeRefusal = 'not_a_voucher' | 'damaged';

/** The bytes the platform signs: the CBOR array, in PROTOCOL.md's field order. */
export function voucherBytes(claims: VoucherClaims): Uint8Array {
  const fields: unknown[] = [
    1,
    claims.kid,
    fromHex(claims.voucherId),
    claims.campaignId,
    voucherTypes.indexOf(claims.type),
    claims.value,
    claims.notBefore,
    claims.expires,
    claims.storeScope,
    claims.flags,
  ];
  if (claims.nonce !== null) fields.push(fromHex(claims.nonce));
  return new Uint8Array(encode(fields));
}

export function encodeVoucher(signed: Uint8Array, signature: Uint8Array): string {
  return sealEnvelope(CP1_PREFIX, signed, signature);
}

/**
 * Scanners end a scan with Enter or Tab; spaces are Base45 digits and stay. Base45 has no lower
 * case, so a wedge scanner typing with caps lock on is read by upper-casing.
 */
export function trimScan(scanned: string): string {
  return scanned.replace(/^[\r\n\t]+|[\r\n\t]+$/g, '');
}

/**
 * Whether a scan is meant as a voucher rather than a product barcode, so one scan field serves
 * both: the CP1 prefix, or the decimal form (far longer than any product code).
 */
export function looksLikeVoucher(scanned: string): boolean {
  const text = trimScan(scanned).toUpperCase();
  return text.startsWith(CP1_PREFIX) || /^9\d{20,}$/.test(text);
}

/**
 * Reads a scanned text: the QR form (`CP1:` + Base45) or the decimal form a keyboard-wedge
 * scanner may send (`9` + digits). Never throws: anything else is refused with a reason.
 */
export function decodeVoucher(
  scanned: string,
): { ok: true; voucher: DecodedVoucher } | { ok: false; reason: EnvelopeRefusal } {
  const text = trimScan(scanned).toUpperCase();
  const bytes = text.startsWith(CP1_PREFIX)
    ? decodeBase45(text.slice(CP1_PREFIX.length))
    : /^9\d{20,400}$/.test(text)
      ? bytesFromDecimal(text.slice(1))
      : undefined;
  if (bytes === undefined) return { ok: false, reason: 'not_a_voucher' };
  const envelope = bytes && splitSigned(bytes);
  const claims = envelope && claimsOf(envelope.signed);
  if (!envelope || !claims) return { ok: false, reason: 'damaged' };
  return { ok: true, voucher: { claims, ...envelope } };
}

function claimsOf(signed: Uint8Array): VoucherClaims | null {
  const fields = cborArray(signed);
  if (!fields || (fields.length !== 10 && fields.length !== 11)) return null;
  const [version, kid, id, campaignId, type, value, notBefore, expires, storeScope, flags, nonce] = fields;
  const voucherId = bytesOf(id, VOUCHER_ID_BYTES);
  const typeName = isUint(type, voucherTypes.length - 1) ? voucherTypes[type] : null;
  const nonceBytes = fields.length === 11 ? bytesOf(nonce) : null;
  const numbers = [kid, campaignId, value, notBefore, expires, storeScope, flags];
  if (version !== 1 || !voucherId || !typeName || !numbers.every((n) => isUint(n))) return null;
  if (fields.length === 11 && (!nonceBytes || nonceBytes.length === 0 || nonceBytes.length > 32)) return null;
  const claims: VoucherClaims = {
    kid: kid as number,
    voucherId: hex(voucherId),
    campaignId: campaignId as number,
    type: typeName,
    value: value as number,
    notBefore: notBefore as number,
    expires: expires as number,
    storeScope: storeScope as number,
    flags: flags as number,
    nonce: nonceBytes ? hex(nonceBytes) : null,
  };
  return sameBytes(voucherBytes(claims), signed) ? claims : null;
}

/** The decimal form: the bytes as one big number, after a leading 1 byte that keeps leading zeros. */
export function decimalForm(signed: Uint8Array, signature: Uint8Array): string {
  let n = 1n;
  for (const byte of [...signed, ...signature]) n = (n << 8n) | BigInt(byte);
  return `9${n.toString(10)}`;
}

function bytesFromDecimal(digits: string): Uint8Array | null {
  let n = BigInt(digits);
  const out: number[] = [];
  while (n > 1n) {
    out.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  return n === 1n ? Uint8Array.from(out) : null;
}
