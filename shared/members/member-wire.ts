import { z } from 'zod';
import { MemberId } from '../ids';
import { VoucherKeyWire } from '../vouchers/redemption-wire';
import { memberCeilings } from './member-limits';
import { RecencyBands } from './segments';

/**
 * The member as the platform sends it to a till (docs/members.md, "On the till"): in the `members`
 * stream and in every answer of the member routes. Never the plain phone number: the masked form
 * for screens and receipts, and a keyed hash for finding the member by number offline (the key is
 * the store's own, from `member_policy`). An erased member comes with every personal field null.
 */
export const MemberWire = z.object({
  id: MemberId,
  maskedPhone: z
    .string()
    .regex(/^1\d{2}\*{4}\d{4}$/)
    .nullable(),
  /** HMAC-SHA256 of the 11-digit number under this store's lookup key, lowercase hex. */
  phoneHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  name: z.string().max(memberCeilings.memberName).nullable(),
  tier: z.object({
    id: z.number().int().min(1).max(999),
    nameZh: z.string().max(memberCeilings.tierName),
    nameEn: z.string().max(memberCeilings.tierName),
  }),
  growth: z.number().int().min(0).max(memberCeilings.growth),
  points: z.number().int().min(-memberCeilings.points).max(memberCeilings.points),
  /** Epoch ms on the platform; null before the first sale. */
  firstVisitAt: z.number().int().nullable(),
  lastVisitAt: z.number().int().nullable(),
  consent: z.boolean(),
  erased: z.boolean(),
  /** The value segment of the platform's last scoring run (docs/members.md, "Segments"); null until scored. */
  valueSegment: z.enum(['high', 'mid', 'low']).nullable().default(null),
});
export type MemberWire = z.infer<typeof MemberWire>;

/**
 * The member-code signing keys' public halves: the voucher keys' shape (unix seconds) and when the
 * key retires (`retiredAt`, unix seconds; null while in use; absent from platforms before rotation).
 */
export const MemberKeyWire = VoucherKeyWire.extend({ retiredAt: z.number().int().min(0).nullable().default(null) });
export type MemberKeyWire = z.infer<typeof MemberKeyWire>;

/**
 * What a store's tills need besides members and keys: the brand number a member code must carry,
 * and the store's phone lookup key (32 bytes, base64url).
 */
export const MemberPolicy = z.object({
  brand: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  lookupKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** The store's recency bands for the cashier's hint; null while the operator has not set its type. */
  recencyBands: RecencyBands.nullable().default(null),
});
export type MemberPolicy = z.infer<typeof MemberPolicy>;

const PhoneText = z.string().max(memberCeilings.phoneText);
const NameText = z.string().trim().max(memberCeilings.memberName);

/** `POST /v1/members/lookup` (a till): the number as typed; the platform reads it as the till does. */
export const MemberLookupRequest = z.object({ phone: PhoneText });
/** `POST /v1/members/identify` (a till): a scanned member code. */
export const MemberIdentifyRequest = z.object({ code: z.string().max(memberCeilings.memberCodeText) });
export const MemberAnswer = z.object({ member: MemberWire });
export type MemberAnswer = z.infer<typeof MemberAnswer>;

/**
 * `POST /v1/members/enrolments` (a till): the customer's number and their marketing consent; the
 * id is the till's, the idempotency key of the enrolment.
 */
export const EnrolmentRequest = z.object({
  id: z.uuid(),
  phone: PhoneText,
  name: NameText.nullable(),
  consent: z.boolean(),
});
export type EnrolmentRequest = z.infer<typeof EnrolmentRequest>;

export const EnrolmentStarted = z.object({
  enrolmentId: z.uuid(),
  maskedPhone: z.string(),
  /** Epoch ms on the platform: the code is good until then. */
  expiresAt: z.number().int(),
});
export type EnrolmentStarted = z.infer<typeof EnrolmentStarted>;

export const EnrolmentCode = z.string().regex(/^\d{6}$/);
export const EnrolmentConfirm = z.object({ code: EnrolmentCode });

/** Admin: `POST /v1/admin/members`. */
export const MemberCreate = z.object({
  phone: PhoneText,
  name: NameText.nullable().default(null),
  consent: z.boolean().default(false),
});

/** Admin: what the operator sees of a member (the number masked, as everywhere). */
export const MemberAdminView = MemberWire.omit({ phoneHash: true }).extend({
  createdVia: z.enum(['counter', 'platform', 'online_order']),
  /** The channel of the online order that made the member; null for the other ways in. */
  createdChannel: z.enum(['online_delivery', 'online_pickup']).nullable().default(null),
  createdAt: z.number().int(),
  consentAt: z.number().int().nullable(),
  erasedAt: z.number().int().nullable(),
  stores: z.number().int(),
  orders: z.number().int(),
});
export type MemberAdminView = z.infer<typeof MemberAdminView>;

/** Admin: a message the platform would send by SMS, for the operator to read out in a demo. */
export const MemberMessage = z.object({
  id: z.uuid(),
  phone: z.string(),
  text: z.string(),
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
});
export type MemberMessage = z.infer<typeof MemberMessage>;
