import { z } from 'zod';
import { LOSS_SIGNALS } from '../reports/loss-signals';
import { ById } from './admin-stores';
import { route } from './define';

const NoParams = z.object({});
const NoInput = z.object({});
const Count = z.number().int();

/** The longest span the franchise sales take, as the store's own reports (three years). */
export const FRANCHISE_SPAN_MAX_DAYS = 1_096;
export const OWNER_PASSWORD_MIN = 10;
export const OWNER_PASSWORD_MAX = 200;

export const OwnerSession = z.object({
  token: z.string(),
  expiresAt: Count,
  owner: z.object({ ownerId: z.string(), login: z.string(), name: z.string() }),
  organisation: z.object({ organisationId: z.string(), name: z.string() }),
});
export type OwnerSession = z.infer<typeof OwnerSession>;

export const FranchiseStore = z.object({
  storeId: z.string(),
  name: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  /** Tills paired and not revoked. */
  devices: Count,
  /** The last time one of its tills was in touch (a pull, noted at most once a minute); null: never. */
  lastSyncAt: Count.nullable(),
});
export type FranchiseStore = z.infer<typeof FranchiseStore>;

/** The reports' sales figures (docs/reports.md) over what the platform holds; no margins (costs stay on the till). */
export const FranchiseFigures = z.object({
  orders: Count,
  items: Count,
  gross: Count,
  discount: Count,
  net: Count,
  tax: Count,
  refunded: Count,
  netAfterRefunds: Count,
  averageTicket: Count,
});
export type FranchiseFigures = z.infer<typeof FranchiseFigures>;

export const AuditLine = z.object({
  id: Count,
  actorKind: z.enum(['operator', 'owner', 'device', 'public']),
  actorId: z.string().nullable(),
  storeId: z.string().nullable(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
  at: Count,
});
export type AuditLine = z.infer<typeof AuditLine>;

export const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

// What an owner types is checked by the handler, which words what is wrong (a day not on the
// calendar, a span backwards or too long, a login or code that cannot exist) rather than a
// validator; the body cap (16 KB) and the URL bound what arrives.
const SpanQuery = z.object({ from: z.string(), to: z.string() });

const StoreFigures = FranchiseFigures.extend({ storeId: z.string(), name: z.string(), currency: z.string() });

const SaleChannelName = z.enum(['in_store', 'online_delivery', 'online_pickup', 'group_buy']);

/** A store's (or one channel's) figures over the span, and over the compared span when one is asked. */
const Compared = z.object({ current: FranchiseFigures, compared: FranchiseFigures.nullable() });

export const LossSignalLine = z.object({
  key: z.enum(LOSS_SIGNALS),
  count: Count,
  amount: Count.nullable(),
  rateBp: Count.nullable(),
  medianBp: Count.nullable(),
  flagged: z.boolean(),
});

export const StoreComparison = Compared.extend({
  storeId: z.string(),
  name: z.string(),
  currency: z.string(),
  channels: z.array(Compared.extend({ channel: SaleChannelName })),
  /** Loss-prevention signals over the span, each against the franchise median. */
  signals: z.array(LossSignalLine),
});
export type StoreComparison = z.infer<typeof StoreComparison>;

export const FranchiseComparison = z.object({
  from: z.string(),
  to: z.string(),
  compared: z.object({ from: z.string(), to: z.string() }).nullable(),
  stores: z.array(StoreComparison),
});
export type FranchiseComparison = z.infer<typeof FranchiseComparison>;

/**
 * What an owner calls with their own session: only ever about the stores of their organisation.
 * Sign-in and redeeming an invitation are public; they hand out the session.
 */
export const franchiseRoutes = {
  'owner.invitations.redeem': route({
    method: 'POST',
    path: '/v1/owner/invitations/redeem',
    params: NoParams,
    input: z.object({ code: z.string(), password: z.string() }),
    output: OwnerSession,
    access: 'public',
    mutates: true,
  }),
  'owner.signIn': route({
    method: 'POST',
    path: '/v1/owner/sessions',
    params: NoParams,
    input: z.object({ login: z.string(), password: z.string() }),
    output: OwnerSession,
    access: 'public',
    mutates: true,
    status: 201,
  }),
  'owner.signOut': route({
    method: 'POST',
    path: '/v1/owner/sessions/end',
    params: NoParams,
    input: NoInput,
    output: z.object({ signedOut: z.literal(true) }),
    access: 'owner',
    mutates: true,
  }),
  'owner.me': route({
    method: 'GET',
    path: '/v1/owner/me',
    params: NoParams,
    input: NoInput,
    output: OwnerSession.omit({ token: true }),
    access: 'owner',
    mutates: false,
  }),
  'franchise.audit': route({
    method: 'GET',
    path: '/v1/franchise/audit',
    params: NoParams,
    input: AuditQuery,
    output: z.object({ entries: z.array(AuditLine) }),
    access: 'owner',
    mutates: false,
  }),
  'franchise.stores': route({
    method: 'GET',
    path: '/v1/franchise/stores',
    params: NoParams,
    input: NoInput,
    output: z.object({ stores: z.array(FranchiseStore) }),
    access: 'owner',
    mutates: false,
  }),
  'franchise.sales': route({
    method: 'GET',
    path: '/v1/franchise/sales',
    params: NoParams,
    input: SpanQuery,
    output: z.object({ from: z.string(), to: z.string(), stores: z.array(StoreFigures) }),
    access: 'owner',
    mutates: false,
  }),
  /**
   * Every store by channel over a span, beside the span it is compared with (computed by the
   * caller with the reports' periods), and each store's loss-prevention signals against the median.
   */
  'franchise.compare': route({
    method: 'GET',
    path: '/v1/franchise/compare',
    params: NoParams,
    input: SpanQuery.extend({ compareFrom: z.string().optional(), compareTo: z.string().optional() }),
    output: FranchiseComparison,
    access: 'owner',
    mutates: false,
  }),
  'franchise.storeSales': route({
    method: 'GET',
    path: '/v1/franchise/stores/:id/sales',
    params: ById,
    input: SpanQuery,
    output: z.object({
      storeId: z.string(),
      name: z.string(),
      currency: z.string(),
      from: z.string(),
      to: z.string(),
      days: z.array(FranchiseFigures.extend({ day: z.string() })),
      total: FranchiseFigures,
    }),
    access: 'owner',
    mutates: false,
  }),
};
