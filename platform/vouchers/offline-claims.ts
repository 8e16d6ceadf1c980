import type { RiskLimits } from '../../shared/vouchers/campaign';
import { voucherFlags } from '../../shared/vouchers/cp1';
import {
  decideOffline,
  faceValueOf,
  type OfflineLimit,
  offlineLimitText,
} from '../../shared/vouchers/offline-decision';
import { PULL_NOTE_EVERY_MS } from '../data/device-pulls';
import type { Queryable } from '../db/sql';
import { moneyWords } from '../sync/claim-words';
import { CLOCK_SKEW_MS, type ClaimWindow } from '../sync/claimed-time';
import type { ApplyRefusal } from '../sync/platform-domain';
import type { Judged } from './judge';
import type { Device } from './redemptions';

/**
 * The platform notes a pull when it arrives and at most once a minute, while a till counts its pull
 * from when the answer came (a long poll holds up to a minute): together with the clock skew, how
 * much older the platform's idea of the last pull may be than the till's.
 */
const PULL_AGE_ALLOWANCE_MS = CLOCK_SKEW_MS + PULL_NOTE_EVERY_MS + 60_000;

export type OfflineClaim = { amount: number; decidedAt: number; redemptionId: string };

type Exposure = { count: number; value: number };

/**
 * An offline redemption judged again by the store's risk limits, as far as the platform can know
 * what the till knew when it decided (PROTOCOL.md, Offline). Every count is the least the till
 * must have seen: a redemption counts as unconfirmed at the decision only if it reached the
 * platform later than that by more than the clock skew, so an honest till is never refused for
 * what it could not know. The store's total is the exception: the platform sees every till of the
 * store, which is what that limit is for.
 */
export async function offlineClaimRefusal(
  tx: Queryable,
  device: Device & { currency: string },
  judged: Judged,
  claim: OfflineClaim,
  window: ClaimWindow,
  limits: RiskLimits,
): Promise<ApplyRefusal | null> {
  const { claims, campaign } = judged;
  const since = claim.decidedAt - limits.maxSincePullSeconds * 1000 - PULL_AGE_ALLOWANCE_MS;
  const mine = await exposure(tx, 'device_id', device.deviceId, claim, since);
  const decision = decideOffline({
    limits,
    campaignOfflineAllowed: campaign.rules.offlineAllowed,
    voucherOfflineAllowed: (claims.flags & voucherFlags.offlineAllowed) !== 0,
    amount: claim.amount,
    faceValue: faceValueOf(claims.type, claims.value, campaign.rules.cap, claim.amount),
    printed: claims.nonce === null,
    consecutive: await consecutive(tx, device.deviceId, claim, since),
    unconfirmed: mine.value,
    // Unknown for a till paired before pulls were noted: its pull age is not judged.
    lastPullAt: window.lastPullAt === null ? claim.decidedAt : window.lastPullAt + PULL_AGE_ALLOWANCE_MS,
    now: claim.decidedAt,
    clockDoubted: false,
  });
  if (!decision.ok && decision.code === 'voucher_offline_not_allowed') {
    return { code: 'offline_redemption_not_allowed', params: { campaign: campaign.name } };
  }
  if (!decision.ok) return limitRefusal(decision.limit, limits, device.currency);
  const store = await exposure(tx, 'store_id', device.storeId, claim, since);
  if (store.value + claim.amount > limits.storeOfflineTotal) {
    return limitRefusal('store_total', limits, device.currency);
  }
  return null;
}

function limitRefusal(limit: OfflineLimit, limits: RiskLimits, currency: string): ApplyRefusal {
  const text = offlineLimitText(limit, limits, (amount) => {
    const words = moneyWords(amount, currency);
    return { en: words.en, 'zh-CN': words.zh };
  });
  return { code: 'offline_redemption_refused', params: { limit: { en: text.en, zh: text['zh-CN'] } } };
}

/** Offline redemptions decided before this one that the till could not yet have had confirmed. */
async function exposure(
  tx: Queryable,
  column: 'device_id' | 'store_id',
  id: string,
  claim: OfflineClaim,
  since: number,
): Promise<Exposure> {
  const [row] = await tx.query<{ count: number; value: number | null }>(
    `SELECT count(*)::int AS count, sum(amount)::bigint AS value FROM redemptions
     WHERE ${column} = $1 AND mode = 'offline' AND decided_at >= $2 AND decided_at <= $3
       AND created_at > $3 + $4::bigint AND state IN ('CAPTURED', 'CONFLICT_LOST') AND id <> $5`,
    [id, since, claim.decidedAt, CLOCK_SKEW_MS, claim.redemptionId],
  );
  return { count: row.count, value: row.value ?? 0 };
}

/**
 * Offline redemptions in a row on the device before this one: since the newest one the till could
 * already have had answered (an online redemption, or an offline one that reached the platform by
 * then), those still unconfirmed at the decision.
 */
async function consecutive(tx: Queryable, deviceId: string, claim: OfflineClaim, since: number): Promise<number> {
  const [row] = await tx.query<{ count: number }>(
    `WITH answered AS (
       SELECT coalesce(max(decided_at), 0) AS at FROM redemptions
       WHERE device_id = $1 AND decided_at >= $2 AND decided_at <= $3 AND id <> $5
         AND (mode = 'online' OR created_at <= $3 + $4::bigint)
     )
     SELECT count(*)::int AS count FROM redemptions, answered
     WHERE device_id = $1 AND mode = 'offline' AND decided_at > answered.at AND decided_at >= $2
       AND decided_at <= $3 AND created_at > $3 + $4::bigint AND state IN ('CAPTURED', 'CONFLICT_LOST')
       AND id <> $5`,
    [deviceId, since, claim.decidedAt, CLOCK_SKEW_MS, claim.redemptionId],
  );
  return row.count;
}
