import type { MutationType } from '../../shared/sync/mutations';
import { joinDomains } from '../../shared/sync/sync-domain';
import type { PullStream } from '../../shared/sync/wire';
import { catalogDomain } from './catalog-sync';
import { feedbackDomain } from './feedback-sync';
import { memberDomain } from './member-sync';
import { onlineOrderDomain } from './online-order-sync';
import type { PlatformMutation, PlatformStream } from './platform-domain';
import { pointsDomain } from './points-sync';
import { saleDomain } from './sale-sync';
import { stockDomain } from './stock-sync';
import { tierDomain } from './tier-sync';
import { tillActivityDomain } from './till-activity-sync';
import { transferDomain } from './transfer-sync';
import { voucherDomain } from './voucher-sync';

/**
 * The platform's side of every synced domain (`shared/sync/sync-domains.ts` is the wire's side),
 * once: the query that serves each stream and the applier of each record type a till pushes.
 */
// In this order, a long poll names the streams that moved as it always has.
const platformDomains = [
  saleDomain,
  onlineOrderDomain,
  stockDomain,
  catalogDomain,
  voucherDomain,
  memberDomain,
  feedbackDomain,
  tierDomain,
  pointsDomain,
  tillActivityDomain,
  transferDomain,
];

/** Every stream of the wire is served here, or the type check fails. */
export const platformStreams: { [S in PullStream]: PlatformStream<S> } = joinDomains(platformDomains, 'streams');
/** Every record type of the wire is applied here, or the type check fails. */
export const platformMutations: { [T in MutationType]: PlatformMutation<T> } = joinDomains(
  platformDomains,
  'mutations',
);
