import type { Database } from 'better-sqlite3';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { Campaign } from '../../../shared/vouchers/campaign';
import { type DecodedVoucher, decodeVoucher, type VoucherClaims, voucherFlags } from '../../../shared/vouchers/cp1';
import { judgeDecoded, type VoucherRefusal } from '../../../shared/vouchers/voucher-verdict';
import { verifyEd25519 } from './ed25519';
import { denialOf, readCampaign, readVoucherKeys, readVoucherPolicy } from './voucher-tables';
import { momentText } from './voucher-text';

/** A voucher this till judged genuine and usable here, with what pricing and the risk limits need. */
export type JudgedVoucher = {
  code: string;
  decoded: DecodedVoucher;
  claims: VoucherClaims;
  campaign: Campaign;
  /** A printed long-lived voucher (no presentation nonce): the stricter offline floor applies. */
  printed: boolean;
  /** The platform signed it as redeemable offline. */
  offlineAllowed: boolean;
  storeNumber: number;
};

export type JudgeEnv = {
  db: Database;
  now: number;
  timeZone: string;
  /**
   * The platform answered for this voucher in this call: its word on where the voucher stands
   * (used where and when, held, given back) is fresher than the pulled deny list, which is skipped.
   */
  platformAnswered?: (claims: VoucherClaims) => boolean;
};

/**
 * PROTOCOL.md's local checks on this till's keys, deny list and clock; each refusal is thrown as
 * its own AppError with params ready for the reader in either language. The till's clock judges
 * dates here; online, the platform judges them again on its own clock when it holds the voucher.
 */
export function judgeScan(env: JudgeEnv, code: string): JudgedVoucher {
  const decoded = decodeVoucher(code);
  if (!decoded.ok) {
    throw new AppError(decoded.reason === 'damaged' ? 'voucher_damaged' : 'voucher_not_a_voucher');
  }
  const keys = readVoucherKeys(env.db);
  const policy = readVoucherPolicy(env.db);
  if (keys.size === 0 || !policy) throw new AppError('voucher_no_keys');
  const { claims } = decoded.voucher;
  const denial = env.platformAnswered?.(claims) ? null : denialOf(env.db, claims.voucherId);
  const verdict = judgeDecoded(decoded.voucher, {
    keys,
    denied: new Set(denial ? [claims.voucherId] : []),
    now: Math.floor(env.now / 1000),
    store: policy.storeNumber,
    verify: verifyEd25519,
  });
  if (!verdict.ok) throw refusalError(verdict.reason, claims, denial, env.timeZone);
  const campaign = readCampaign(env.db, claims.campaignId);
  if (!campaign) throw new AppError('voucher_campaign_unknown');
  if (!campaign.active) throw new AppError('voucher_campaign_inactive', { campaign: campaign.name });
  return {
    code,
    decoded: decoded.voucher,
    claims,
    campaign,
    printed: claims.nonce === null,
    offlineAllowed: (claims.flags & voucherFlags.offlineAllowed) !== 0,
    storeNumber: policy.storeNumber,
  };
}

function refusalError(
  reason: VoucherRefusal,
  claims: VoucherClaims,
  denial: string | null,
  timeZone: string,
): AppError {
  switch (reason) {
    case 'not_a_voucher':
      return new AppError('voucher_not_a_voucher');
    case 'damaged':
      return new AppError('voucher_damaged');
    case 'unknown_key':
      return new AppError('voucher_unknown_key');
    case 'bad_signature':
      return new AppError('voucher_bad_signature');
    case 'not_yet_valid':
      return new AppError('voucher_not_yet_valid', { from: momentText(claims.notBefore * 1000, timeZone) });
    case 'expired':
      return new AppError('voucher_expired', { at: momentText(claims.expires * 1000, timeZone) });
    case 'other_store':
      return new AppError('voucher_other_store');
    case 'revoked': {
      const code: ErrorCode =
        denial === 'blocked' ? 'voucher_blocked' : denial === 'disputed' ? 'voucher_disputed' : 'voucher_revoked';
      return new AppError(code);
    }
    default: {
      const unreachable: never = reason;
      throw new Error(`unknown voucher refusal ${String(unreachable)}`);
    }
  }
}

/** The 24-hex voucher id printed under the QR, typed by hand: looked up on the platform. */
export function isVoucherIdText(code: string): boolean {
  return /^[0-9a-fA-F]{24}$/.test(code.trim());
}
