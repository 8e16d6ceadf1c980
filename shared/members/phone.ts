import { z } from 'zod';
import { memberCeilings } from './member-limits';

/**
 * A mainland China mobile number as the platform stores it for lookup: 11 digits, 1 then 3–9 (the
 * mobile ranges; 10x–12x are service and IoT numbers no customer gives at a counter).
 */
export const MobilePhone = z
  .string()
  .regex(/^1[3-9]\d{9}$/)
  .brand<'MobilePhone'>();
export type MobilePhone = z.infer<typeof MobilePhone>;

/** Why a typed number is no mobile number; each has its message in member-messages.ts. */
export type PhoneRefusal = 'phone_empty' | 'phone_too_long' | 'phone_characters' | 'phone_length' | 'phone_not_mobile';

export type PhoneParse = { ok: true; phone: MobilePhone } | { ok: false; reason: PhoneRefusal };

/**
 * Reads a number as people type or paste it: spaces and dashes between groups (`138 1234 5678`,
 * `138-1234-5678`), a country prefix (`+86`, `86`, `0086`), full-width digits from a Chinese input
 * method. Anything else is refused with the reason, never guessed at. Never throws.
 */
export function parseMobilePhone(text: string): PhoneParse {
  if (text.length > memberCeilings.phoneText) return { ok: false, reason: 'phone_too_long' };
  // NFKC turns full-width digits, plus signs and spaces into their ASCII forms.
  const plain = text.normalize('NFKC').replace(/[\s-]+/g, '');
  if (plain === '') return { ok: false, reason: 'phone_empty' };
  const digits = withoutCountryCode(plain);
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'phone_characters' };
  if (digits.length !== 11) return { ok: false, reason: 'phone_length' };
  const parsed = MobilePhone.safeParse(digits);
  return parsed.success ? { ok: true, phone: parsed.data } : { ok: false, reason: 'phone_not_mobile' };
}

/**
 * `+86` and `0086` are always the country code; a bare `86` only before eleven more digits, as a
 * mainland mobile number itself never starts with 8.
 */
function withoutCountryCode(plain: string): string {
  const match = /^(?:\+86|0086)(\d+)$/.exec(plain) ?? /^86(\d{11})$/.exec(plain);
  return match ? match[1] : plain;
}

/** What screens and receipts show (DOMAIN.md): the network prefix and the last four, `138****5678`. */
export function maskPhone(phone: MobilePhone): string {
  return `${phone.slice(0, 3)}****${phone.slice(7)}`;
}
