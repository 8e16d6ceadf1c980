import { catalogSync } from './catalog-sync';
import { feedbackSync } from './feedback-sync';
import { memberSync } from './member-sync';
import { onlineOrderSync } from './online-order-sync';
import { pointsSync } from './points-sync';
import { saleSync } from './sale-sync';
import { stockSync } from './stock-sync';
import { joinDomains } from './sync-domain';
import { tierSync } from './tier-sync';
import { tillActivitySync } from './till-activity-sync';
import { transferSync } from './transfer-sync';
import { voucherSync } from './voucher-sync';

/**
 * Every domain the till and the platform sync, once. The wire's stream names, record types and the
 * screens' domain events are read from here; add a domain's module (see `sync-domain.ts`) to this
 * list and to the till's and the platform's lists, and TypeScript names whatever is still missing.
 */
// In this order, the wire's enums list the names as they always have (a refusal's detail shows them).
const syncDomains = [
  saleSync,
  catalogSync,
  onlineOrderSync,
  stockSync,
  voucherSync,
  memberSync,
  feedbackSync,
  tierSync,
  pointsSync,
  tillActivitySync,
  transferSync,
] as const;

/** Stream name → what a change carries and what the audit log calls it. */
export const pullStreams = joinDomains(syncDomains, 'streams');
/** Mutation type → payload schema; the outbox's `type` column holds these names. */
export const mutationPayloads = joinDomains(syncDomains, 'mutations');
/** Domain event → the method prefixes the screens read again when it is told. */
export const domainEvents = joinDomains(syncDomains, 'events');
export type DomainEventType = keyof typeof domainEvents;
