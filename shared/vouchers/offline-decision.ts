import type { Text } from '../errors';
import type { RiskLimits } from './campaign';
import type { VoucherType } from './cp1';

/** Which of PROTOCOL.md's offline limits stopped a redemption. */
export type OfflineLimit =
  | 'floor'
  | 'printed_floor'
  | 'consecutive'
  | 'device_total'
  | 'store_total'
  | 'pull_age'
  | 'clock';

/** What the till knows when the platform did not answer: the signed limits and its own exposure. */
export type OfflineFacts = {
  limits: RiskLimits;
  /** The campaign's rule and the voucher's signed flag: both must allow it. */
  campaignOfflineAllowed: boolean;
  voucherOfflineAllowed: boolean;
  /** What this redemption takes off or pays, minor units: the value at risk, counted in the totals. */
  amount: number;
  /**
   * The voucher's face value, which the floor is about (PROTOCOL.md: "¥50 face value"): a ¥100
   * voucher is not redeemable offline even on a ¥30 cart.
   */
  faceValue: number;
  /** A printed long-lived voucher, without a presentation nonce. */
  printed: boolean;
  /** Offline redemptions in a row on this till since the last one the platform answered. */
  consecutive: number;
  /** This till's offline redemptions the platform has not confirmed yet, minor units. */
  unconfirmed: number;
  /** Unix ms of the last successful pull; null when never. */
  lastPullAt: number | null;
  now: number;
  /** The platform refused this till's signed requests as stale: its clock is off, so are its dates. */
  clockDoubted: boolean;
};

export type OfflineDecision =
  | { ok: true; pastSoftLimit: boolean }
  | { ok: false; code: 'voucher_offline_not_allowed' }
  | { ok: false; code: 'voucher_offline_limit'; limit: OfflineLimit };

/**
 * The offline decision, modelled on card floor limits. Pure, so every boundary is tested exactly.
 * Each limit is inclusive: a redemption that lands exactly on a limit is allowed, one fen over is not.
 */
export function decideOffline(f: OfflineFacts): OfflineDecision {
  const l = f.limits;
  if (!f.campaignOfflineAllowed || !f.voucherOfflineAllowed) return { ok: false, code: 'voucher_offline_not_allowed' };
  // Offline, the till's clock alone judges a voucher's dates; one the platform says is wrong may let
  // an expired voucher through, so it decides nothing on its own.
  if (f.clockDoubted) return refuse('clock');
  // Without a recent pull the deny list may be stale: a voucher used elsewhere would look fresh.
  if (f.lastPullAt === null || f.now - f.lastPullAt > l.maxSincePullSeconds * 1000) return refuse('pull_age');
  if (f.printed ? f.faceValue > l.printedFloor : f.faceValue > l.floorPerRedemption) {
    return refuse(f.printed ? 'printed_floor' : 'floor');
  }
  if (f.consecutive >= l.hardConsecutive) return refuse('consecutive');
  if (f.unconfirmed + f.amount > l.deviceOfflineTotal) return refuse('device_total');
  // The store's total is shared by its tills; one till only knows its own share, so this is the
  // most it can check. The platform's conflict rules bound what the other tills add.
  if (f.unconfirmed + f.amount > l.storeOfflineTotal) return refuse('store_total');
  // Past the soft limit the online try has already happened (the step before this); allowed.
  return { ok: true, pastSoftLimit: f.consecutive + 1 > l.softConsecutive };
}

/**
 * What a voucher is worth on its face: its signed value for money off and prepaid vouchers; for
 * percent off, its cap (the most it can take), else what it takes here; for a free item, the item.
 */
export function faceValueOf(type: VoucherType, value: number, cap: number | null, amount: number): number {
  switch (type) {
    case 'cash_off':
    case 'threshold_off':
    case 'group_buy':
      return Math.max(value, amount);
    case 'percent_off':
      return cap ?? amount;
    case 'free_item':
      return amount;
    default: {
      const unreachable: never = type;
      throw new Error(`unknown voucher type ${String(unreachable)}`);
    }
  }
}

function refuse(limit: OfflineLimit): OfflineDecision {
  return { ok: false, code: 'voucher_offline_limit', limit };
}

/** The limit in words, in both languages, for the `voucher_offline_limit` message. */
export function offlineLimitText(limit: OfflineLimit, limits: RiskLimits, money: (amount: number) => Text): Text {
  switch (limit) {
    case 'floor':
      return both(
        `at most ${money(limits.floorPerRedemption).en} per offline redemption`,
        `单笔离线核销不超过 ${money(limits.floorPerRedemption)['zh-CN']}`,
      );
    case 'printed_floor':
      return both(
        `at most ${money(limits.printedFloor).en} for a printed voucher offline`,
        `纸质券离线核销单笔不超过 ${money(limits.printedFloor)['zh-CN']}`,
      );
    case 'consecutive':
      return both(
        `${limits.hardConsecutive} offline redemptions in a row on this till`,
        `本机连续离线核销已达 ${limits.hardConsecutive} 笔`,
      );
    case 'device_total':
      return both(
        `${money(limits.deviceOfflineTotal).en} not yet confirmed on this till`,
        `本机待确认离线核销合计 ${money(limits.deviceOfflineTotal)['zh-CN']}`,
      );
    case 'store_total':
      return both(
        `${money(limits.storeOfflineTotal).en} per store (this till counts only its own share)`,
        `门店离线核销合计 ${money(limits.storeOfflineTotal)['zh-CN']}（本机仅能计算本机部分）`,
      );
    case 'pull_age': {
      const hours = Math.round((limits.maxSincePullSeconds / 3600) * 10) / 10;
      return both(`no sync with the platform for over ${hours} h`, `超过 ${hours} 小时未与平台同步`);
    }
    case 'clock':
      return both(
        "the platform says this till's clock is wrong; set the date and time",
        '平台提示本机时钟不准，请校准日期和时间',
      );
    default: {
      const unreachable: never = limit;
      throw new Error(`unknown offline limit ${String(unreachable)}`);
    }
  }
}

function both(en: string, zh: string): Text {
  return { en, 'zh-CN': zh };
}
