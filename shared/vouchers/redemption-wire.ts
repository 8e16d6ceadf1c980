import { z } from 'zod';
import { Campaign, CampaignRules, VoucherType } from './campaign';
import { trimScan } from './cp1';

/**
 * The platform's voucher and redemption API as both ends see it (PROTOCOL.md, Redemption and
 * Platform HTTP API). Redemption calls are signed by the device like sync calls; campaign and
 * voucher issuing are the operator's (admin token).
 */

export const VoucherIdHex = z.string().regex(/^[0-9a-f]{24}$/);

/** What a scanner can deliver: CP1 text, its decimal wedge form, or a short group-buy code. */
export const ScannedCode = z.string().max(2_000).transform(trimScan).pipe(z.string().min(1, 'empty code'));

export const RedemptionMode = z.enum(['hold', 'capture']);
export type RedemptionMode = z.infer<typeof RedemptionMode>;

/** `POST /v1/redemptions`, header `Idempotency-Key` = `id`: the same key with another body is refused. */
export const RedemptionRequest = z.object({
  id: z.uuid(),
  deviceId: z.uuid(),
  code: ScannedCode,
  /** The till's order the voucher discounts or pays (the order id is the cart's id). */
  orderId: z.uuid(),
  /** Face value this redemption takes off or pays, minor units. */
  amount: z.number().int().min(0),
  mode: RedemptionMode,
  /** The sale's member, for a campaign's member rules; absent: the sale has none (or an older till). */
  memberId: z.uuid().optional(),
});
export type RedemptionRequest = z.infer<typeof RedemptionRequest>;

export const CaptureRequest = z.object({ orderId: z.uuid(), amount: z.number().int().min(0) });
export const ReverseRequest = z.object({ reason: z.string().trim().min(1).max(200) });

export const PlatformRedemptionState = z.enum(['HELD', 'CAPTURED', 'REVERSED', 'RELEASED', 'CONFLICT_LOST']);
export type PlatformRedemptionState = z.infer<typeof PlatformRedemptionState>;

export const RedemptionWire = z.object({
  id: z.uuid(),
  voucherId: VoucherIdHex,
  campaignId: z.number().int(),
  state: PlatformRedemptionState,
  storeId: z.uuid(),
  storeName: z.string(),
  deviceId: z.uuid(),
  orderId: z.uuid(),
  amount: z.number().int(),
  /** Unix ms on the platform's clock. */
  createdAt: z.number().int(),
  capturedAt: z.number().int().nullable(),
  /** A hold not captured by then lets the voucher go again. */
  holdExpiresAt: z.number().int().nullable(),
});
export type RedemptionWire = z.infer<typeof RedemptionWire>;

export const RedemptionResponse = z.object({ redemption: RedemptionWire, replayed: z.boolean() });
export type RedemptionResponse = z.infer<typeof RedemptionResponse>;

export const VoucherState = z.enum([
  'ISSUED',
  'ACTIVE',
  'HELD',
  'REDEEMED',
  'SETTLED',
  'EXPIRED',
  'BLOCKED',
  'REVOKED',
  'DISPUTED',
]);
export type VoucherState = z.infer<typeof VoucherState>;

/** `GET /v1/vouchers/{id}` (device-signed or admin): where the voucher stands and, if used, where and when. */
export const VoucherStatus = z.object({
  id: VoucherIdHex,
  campaignId: z.number().int(),
  campaignName: z.string(),
  type: VoucherType,
  value: z.number().int(),
  state: VoucherState,
  notBefore: z.number().int(),
  expires: z.number().int(),
  issuedAt: z.number().int(),
  /** The long-lived printed form; presentation tokens are fetched separately. */
  code: z.string(),
  /** The redemption that used it: store name and unix ms. */
  redeemed: z.object({ storeName: z.string(), at: z.number().int(), redemptionId: z.uuid() }).nullable(),
});
export type VoucherStatus = z.infer<typeof VoucherStatus>;

/** `GET /v1/voucher-keys`: the public half of every signing key, with validity. */
export const VoucherKeyWire = z.object({
  kid: z.number().int().min(0),
  /** Raw Ed25519 public key, base64url. */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  validFrom: z.number().int(),
  validTo: z.number().int(),
});
export type VoucherKeyWire = z.infer<typeof VoucherKeyWire>;

/** Admin: `POST /v1/campaigns`. Store null: every store of the franchise. */
export const CampaignCreate = z.object({
  storeId: z.uuid().nullable(),
  name: z.string().trim().min(1).max(80),
  type: VoucherType,
  value: z.number().int().min(0),
  validFrom: z.number().int(),
  validTo: z.number().int(),
  rules: CampaignRules,
  /** group_buy only: what the store is paid per voucher, 0 up to `value`; absent, the full value. */
  settlementPrice: z.number().int().nullable().optional(),
});
export type CampaignCreate = z.infer<typeof CampaignCreate>;

export const CampaignCreated = z.object({ campaign: Campaign, storeId: z.uuid().nullable() });

/** Admin: `POST /v1/campaigns/{id}/vouchers`. `holder` is the customer the platform counts limits by. */
export const VoucherIssue = z.object({
  count: z.number().int().min(1).max(10_000),
  holder: z.string().trim().min(1).max(64).nullable().default(null),
});
export const IssuedVoucher = z.object({ id: VoucherIdHex, code: z.string(), expires: z.number().int() });
export type IssuedVoucher = z.infer<typeof IssuedVoucher>;
export const VouchersIssued = z.object({ vouchers: z.array(IssuedVoucher) });

/** Platform refusal codes of this API, beside the local verdict's reasons. */
export const redemptionRefusals = [
  'voucher_already_redeemed',
  'voucher_held',
  'voucher_blocked',
  'voucher_revoked',
  'voucher_disputed',
  'voucher_expired',
  'voucher_not_yet_valid',
  'voucher_other_store',
  'voucher_unknown_key',
  'voucher_bad_signature',
  'voucher_damaged',
  'voucher_not_a_voucher',
  'voucher_unknown',
  'token_superseded',
  'customer_limit',
  'idempotency_mismatch',
  'reversal_window_passed',
  'redemption_not_found',
  'redemption_conflict_lost',
] as const;
export type RedemptionRefusalCode = (typeof redemptionRefusals)[number];
