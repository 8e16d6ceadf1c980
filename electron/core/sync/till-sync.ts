import type { Database } from 'better-sqlite3';
import type { MutationType } from '../../../shared/sync/mutations';
import { joinDomains } from '../../../shared/sync/sync-domain';
import type { PullStream } from '../../../shared/sync/wire';
import { tillActivityTill } from '../carts/till-activity';
import { catalogTill } from '../catalog/catalog-sync';
import { feedbackTill } from '../feedback/feedback-sync';
import { memberTill } from '../members/member-sync';
import { pointsTill } from '../members/points-sync';
import { tierTill } from '../members/tier-sync';
import { onlineOrderTill } from '../online/online-order-sync';
import { saleTill } from '../orders/sale-sync';
import { stockTill } from '../stock/stock-sync';
import { transferTill } from '../transfers/transfer-sync';
import { voucherTill } from '../vouchers/voucher-sync';
import type { TillMutation, TillStream } from './till-domain';

/**
 * The till's side of every synced domain (`shared/sync/sync-domains.ts` is the wire's side), once.
 * Streams are pulled in this order, each to its end: the voucher streams first, so a fresh till
 * can judge vouchers and member codes as soon as it knows them, before a catalog of thousands has
 * come down.
 */
const tillDomains = [
  voucherTill,
  memberTill,
  tierTill,
  pointsTill,
  catalogTill,
  stockTill,
  onlineOrderTill,
  saleTill,
  feedbackTill,
  tillActivityTill,
  transferTill,
];

/** Every stream of the wire has its applier here, or the type check fails. */
export const tillStreams: { [S in PullStream]: TillStream<S> } = joinDomains(tillDomains, 'streams');
/** Every record type of the wire has its payload (and, if it needs one, its settlement) here. */
export const tillMutations: { [T in MutationType]: TillMutation } = joinDomains(tillDomains, 'mutations');
export const tillPayloadSql = joinDomains(tillDomains, 'payloadSql');

/** In pulling order. */
export const pulledStreams = Object.keys(tillStreams) as PullStream[];

/** What no till keeps once unpaired from its platform (the voucher keys, deny list and policy). */
export function forgetPlatformData(db: Database): void {
  for (const stream of pulledStreams) tillStreams[stream].forget?.(db);
}
