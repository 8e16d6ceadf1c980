import { fromHex, hex, SIGNATURE_BYTES } from '../vouchers/signed-envelope';
import { feedbackLimits } from './feedback-limits';

/**
 * The order reference a receipt's QR carries to the platform's rating page (docs/protocol.md, 8):
 *
 *   bytes  = version 1 (1 byte) ‖ device id (16 bytes) ‖ order id (16 bytes) ‖ Ed25519 signature (64)
 *   signed = "COUNTER-FB-1" ‖ the first 33 bytes, by the till's device key
 *   text   = the decimal digits of the number 0x01 ‖ bytes (234 digits)
 *
 * The till signs with the key it signs its requests with, so a receipt printed offline is good, and
 * the platform checks it against the public key it holds for that device. The tag keeps a reference
 * and a request signature from ever standing for one another. Digits, not base64url: a QR codes
 * digits at 3⅓ bits each, so the receipt's QR is version 8 (49 modules) instead of 9.
 */
export const FEEDBACK_PATH = '/f/';
const VERSION = 1;
const TAG = Uint8Array.from('COUNTER-FB-1', (char) => char.charCodeAt(0));
const ID_BYTES = 16;
const CLAIM_BYTES = 1 + 2 * ID_BYTES;
const REF_BYTES = CLAIM_BYTES + SIGNATURE_BYTES;

export type FeedbackClaim = { deviceId: string; orderId: string };
export type FeedbackRef = FeedbackClaim & { signed: Uint8Array; signature: Uint8Array };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The bytes the till signs for a reference; throws on ids that are not UUIDs (a bug, not input). */
export function feedbackSigned(claim: FeedbackClaim): Uint8Array {
  for (const id of [claim.deviceId, claim.orderId]) if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  const bytes = new Uint8Array(TAG.length + CLAIM_BYTES);
  bytes.set(TAG);
  bytes[TAG.length] = VERSION;
  bytes.set(fromHex(claim.deviceId.replaceAll('-', '')), TAG.length + 1);
  bytes.set(fromHex(claim.orderId.replaceAll('-', '')), TAG.length + 1 + ID_BYTES);
  return bytes;
}

export function encodeFeedbackRef(claim: FeedbackClaim, signature: Uint8Array): string {
  if (signature.length !== SIGNATURE_BYTES) throw new Error('an Ed25519 signature is 64 bytes');
  const signed = feedbackSigned(claim);
  return BigInt(`0x01${hex(signed.slice(TAG.length))}${hex(signature)}`).toString(10);
}

/**
 * The claim and signature in a reference, or null for anything that is not one (the signature is
 * the caller's to check). Bounded before any arithmetic: a long string is refused by its length.
 */
export function decodeFeedbackRef(text: string): FeedbackRef | null {
  if (text.length === 0 || text.length > feedbackLimits.referenceText || !/^[1-9][0-9]*$/.test(text)) return null;
  // The leading 0x01 keeps the bytes' own leading zeros; as a number it is the digit 1.
  const digits = BigInt(text).toString(16);
  if (digits.length !== 1 + 2 * REF_BYTES || digits[0] !== '1') return null;
  const bytes = fromHex(digits.slice(1));
  if (bytes[0] !== VERSION) return null;
  const deviceId = uuidText(hex(bytes.slice(1, 1 + ID_BYTES)));
  const orderId = uuidText(hex(bytes.slice(1 + ID_BYTES, CLAIM_BYTES)));
  // The same number with another spelling (leading zeros) is refused by the digit pattern above.
  return { deviceId, orderId, signed: feedbackSigned({ deviceId, orderId }), signature: bytes.slice(CLAIM_BYTES) };
}

/**
 * The link the receipt's QR opens: the platform's address the till paired with (an origin: the sync
 * does not support a path prefix either), and the reference.
 */
export function feedbackUrl(platformBase: string, ref: string): string {
  return `${platformBase.replace(/\/+$/, '')}${FEEDBACK_PATH}${ref}`;
}

/** When a UUIDv7 was minted (epoch ms): an order id's is the moment its sale began. */
export function uuidv7Time(id: string): number | null {
  if (!UUID.test(id) || id[14] !== '7') return null;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

function uuidText(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
