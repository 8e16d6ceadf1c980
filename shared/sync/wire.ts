import { z } from 'zod';
import { MutationType } from './mutations';
import { pullStreams } from './sync-domains';

export { CatalogItem } from './catalog-sync';
export { OnlineOrderState, OnlineOrderWire } from './online-order-sync';
export { StockLevel } from './stock-sync';

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

/** The streams a till pulls, each declared with its change shape by its domain (`sync-domains.ts`). */
export type PullStream = keyof typeof pullStreams;
export const PullStream = z.enum(Object.keys(pullStreams) as [PullStream, ...PullStream[]]);
/** What a change of stream `S` carries as `data`. */
export type StreamItem<S extends PullStream> = z.infer<(typeof pullStreams)[S]['item']>;

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

export const Change = z.object({ id: z.string(), version: z.string(), data: z.unknown() });

export const PullResponse = z.object({
  changes: z.array(Change),
  nextCursor: z.string(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/**
 * Long poll: answers as soon as a stream of this store moves past the given cursors, or after
 * `timeout` s. Only the streams named are watched (none named: every stream from 0), so a till
 * older than a stream is never woken by it, nor sent a name it cannot read.
 */
const StreamCursor = z
  .string()
  .regex(/^\d{1,19}$/)
  .optional();

const streamCursors = Object.fromEntries(PullStream.options.map((stream) => [stream, StreamCursor])) as Record<
  PullStream,
  typeof StreamCursor
>;
export const WaitQuery = z.object({
  ...streamCursors,
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
