import { z } from 'zod';
import { Campaign, VoucherDenial, VoucherPolicy } from '../vouchers/campaign';
import { VoucherKeyWire } from '../vouchers/redemption-wire';
import { MutationType } from './mutations';
import { OnlineTerms } from './settlement-wire';

/**
 * The platform's sync API as both ends see it (PROTOCOL.md, Sync). The platform validates
 * requests with these schemas, the terminal validates answers with them, so a change to the wire
 * is a change in one place.
 */

export const PairRequest = z.object({
  code: z.string().trim().min(4).max(32),
  /** Ed25519 public key, raw 32 bytes, base64url. */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  deviceName: z.string().trim().min(1).max(80),
});
export type PairRequest = z.infer<typeof PairRequest>;

export const PairResponse = z.object({
  deviceId: z.uuid(),
  storeId: z.uuid(),
  storeName: z.string(),
  /** The till's prefix on order numbers, unique within its store (A, B, …). */
  deviceCode: z.string().regex(/^[A-Z0-9]{1,3}$/),
});
export type PairResponse = z.infer<typeof PairResponse>;

export const PUSH_BATCH_MAX = 500;

/**
 * The till closes a push batch before its body would pass this many bytes (UTF-8), so a backlog of
 * large orders goes as several pushes: 500 one-line sales are about 400 KB and still go as one.
 */
export const PUSH_BATCH_BYTES = 1024 * 1024;

/**
 * The platform refuses a push body larger than this with 413 before reading it. A batch stays
 * under PUSH_BATCH_BYTES except when its first mutation alone is larger: the largest order the
 * till's limits allow (500 lines, 120-character names, ten coupons on every line, every character
 * escaped in JSON) encodes to 3.6 MB, and it must still go through.
 */
export const PUSH_BODY_MAX_BYTES = 4 * 1024 * 1024;

export const PushMutation = z.object({
  seq: z.number().int().positive(),
  id: z.uuid(),
  type: MutationType,
  /** Checked against the type's schema per mutation, so one bad record is REJECTED, not the batch. */
  payload: z.unknown(),
  createdAt: z.number().int(),
});
export type PushMutation = z.infer<typeof PushMutation>;

export const AuditHead = z.object({ seq: z.number().int().min(0), hash: z.string().max(128) });
export type AuditHead = z.infer<typeof AuditHead>;

export const PushRequest = z.object({
  deviceId: z.uuid(),
  auditHead: AuditHead.nullable(),
  mutations: z.array(PushMutation).max(PUSH_BATCH_MAX),
});
export type PushRequest = z.infer<typeof PushRequest>;

/** What fills a message's placeholders, so the till can word it again in its reader's language. */
export const MessageParams = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.object({ en: z.string(), zh: z.string() })]),
);

const Refusal = { code: z.string(), message: z.string(), params: MessageParams.optional() };

export const MutationResult = z.discriminatedUnion('status', [
  z.object({ seq: z.number().int(), id: z.string(), status: z.literal('APPLIED') }),
  z.object({ seq: z.number().int(), id: z.string(), status: z.literal('DUPLICATE') }),
  z.object({ seq: z.number().int(), id: z.string(), status: z.literal('REJECTED'), ...Refusal }),
  z.object({ seq: z.number().int(), id: z.string(), status: z.literal('CONFLICT'), ...Refusal }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  /** Every seq up to here is stored on the platform with its result. */
  ackSeq: z.number().int().min(0),
  results: z.array(MutationResult),
  /** Set when the batch skipped ahead: send again from this seq. */
  expectedSeq: z.number().int().positive().nullable(),
  auditHead: AuditHead.nullable(),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullStream = z.enum([
  'catalog',
  'online_orders',
  'stock_levels',
  'voucher_keys',
  'campaigns',
  'voucher_denials',
  'voucher_policy',
]);
export type PullStream = z.infer<typeof PullStream>;

export const PULL_LIMIT_MAX = 1000;

export const PullQuery = z.object({
  stream: PullStream,
  /** Opaque to the terminal; '0' (or absent) means from the beginning, which is also the snapshot. */
  cursor: z
    .string()
    .regex(/^\d{1,19}$/)
    .default('0'),
  limit: z.coerce.number().int().min(1).max(PULL_LIMIT_MAX).default(500),
});

export const CatalogItem = z.object({
  sku: z.string(),
  barcodes: z.array(z.string()),
  plu: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  categoryZh: z.string(),
  categoryEn: z.string(),
  /** This store's price: the franchise price, or the store's override. */
  price: z.number().int().min(0),
  taxRateBp: z.number().int().min(0).max(10000),
  unit: z.enum(['each', 'kg']),
  active: z.boolean(),
  listedOnline: z.boolean(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

export const OnlineOrderState = z.enum(['placed', 'accepted', 'rejected', 'ready', 'handed_over', 'cancelled']);
export type OnlineOrderState = z.infer<typeof OnlineOrderState>;

export const OnlineOrderWire = z.object({
  id: z.uuid(),
  channel: z.enum(['online_delivery', 'online_pickup']),
  state: OnlineOrderState,
  /** What the customer shows or says at the counter; the pickup QR code holds `CPK1:` + this. */
  pickupCode: z.string().regex(/^\d{6}$/),
  customerName: z.string(),
  note: z.string(),
  placedAt: z.number().int(),
  total: z.number().int().min(0),
  lines: z.array(
    z.object({
      sku: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      /** Items, or grams for goods sold by weight (`unit` kg, priced per kg). */
      quantity: z.number().int().positive(),
      unitPrice: z.number().int().min(0),
      unit: z.enum(['each', 'kg']).default('each'),
    }),
  ),
  /** Settlement terms; a platform from before them sends none, which is no promotion, fee or commission. */
  terms: OnlineTerms.optional(),
});
export type OnlineOrderWire = z.infer<typeof OnlineOrderWire>;

export const StockLevel = z.object({ sku: z.string(), onHand: z.number().int(), soldOut: z.boolean() });
export type StockLevel = z.infer<typeof StockLevel>;

/** Change ids: SKU, online order id, SKU, kid, campaign number, voucher id, and 'store' for the one policy. */
export const streamItems = {
  catalog: CatalogItem,
  online_orders: OnlineOrderWire,
  stock_levels: StockLevel,
  voucher_keys: VoucherKeyWire,
  campaigns: Campaign,
  voucher_denials: VoucherDenial,
  voucher_policy: VoucherPolicy,
} as const;

export const Change = z.object({ id: z.string(), version: z.string(), data: z.unknown() });

export const PullResponse = z.object({
  changes: z.array(Change),
  nextCursor: z.string(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** Long poll: answers as soon as a stream of this store moves past the given cursors, or after `timeout` s. */
const StreamCursor = z
  .string()
  .regex(/^\d{1,19}$/)
  .default('0');

export const WaitQuery = z.object({
  online_orders: StreamCursor,
  stock_levels: StreamCursor,
  catalog: StreamCursor,
  voucher_keys: StreamCursor,
  campaigns: StreamCursor,
  voucher_denials: StreamCursor,
  voucher_policy: StreamCursor,
  timeout: z.coerce.number().int().min(0).max(60).default(25),
});
export const WaitResponse = z.object({ streams: z.array(PullStream) });

export const PlatformError = z.object({ error: z.object(Refusal) });

export const PICKUP_QR_PREFIX = 'CPK1:';

/** Request signing (PROTOCOL.md: method, path, timestamp, body digest), plus a nonce against replay. */
export const signatureHeaders = {
  device: 'x-counter-device',
  timestamp: 'x-counter-timestamp',
  nonce: 'x-counter-nonce',
  signature: 'x-counter-signature',
} as const;

/** How far a request's timestamp may be from the platform's clock. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

/** The exact bytes a device signs: `pathAndQuery` as sent, the body digest as lowercase hex SHA-256. */
export function signingString(parts: {
  method: string;
  pathAndQuery: string;
  timestamp: string;
  nonce: string;
  bodySha256Hex: string;
}): string {
  return [
    'COUNTER-SIG-1',
    parts.method.toUpperCase(),
    parts.pathAndQuery,
    parts.timestamp,
    parts.nonce,
    parts.bodySha256Hex,
  ].join('\n');
}
