import { CampaignRules } from '../../shared/vouchers/campaign';
import { decodeVoucher, type VoucherClaims, type VoucherType } from '../../shared/vouchers/cp1';
import { judgeDecoded } from '../../shared/vouchers/voucher-verdict';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';
import { listVoucherKeys, toVoucherKeyMap, verifyEd25519 } from './keys';
import { lockVoucher, type VoucherRow } from './vouchers';

export type Judged = {
  claims: VoucherClaims;
  voucher: VoucherRow;
  campaign: CampaignTerms & { id: number; name: string; active: boolean };
};

type CampaignTerms = { type: VoucherType; value: number; rules: CampaignRules };

/**
 * What one redemption may take off (or, for group buys, what the platform pays): the face value,
 * a percent-off voucher's cap; a free item's price is the till's catalog's, so it is not bounded here.
 */
export function checkAmount(campaign: CampaignTerms, amount: number): void {
  const most =
    campaign.type === 'percent_off' ? campaign.rules.cap : campaign.type === 'free_item' ? null : campaign.value;
  if (most !== null && amount > most) {
    throw new ApiError(400, 'request_invalid', {
      detail: `amount ${amount} is more than this voucher gives (${most})`,
    });
  }
}

/**
 * The platform's verdict on a scanned code for a store: the same checks as the till's
 * (`judgeDecoded`, against the platform's keys and `nowS`), then what only the platform knows:
 * the voucher's state, the campaign, the live presentation token. Locks the voucher row.
 * `nowS` is the platform clock for online calls, the till's decision time for offline pushes.
 */
export async function judgeAtStore(
  tx: Queryable,
  code: string,
  context: { storeNumber: number; nowS: number; checkToken: boolean; allowDisputed?: boolean },
): Promise<Judged> {
  const decoded = decodeVoucher(code);
  if (!decoded.ok) {
    throw new ApiError(400, decoded.reason === 'damaged' ? 'voucher_damaged' : 'voucher_not_a_voucher');
  }
  const keys = toVoucherKeyMap(await listVoucherKeys(tx));
  const verdict = judgeDecoded(decoded.voucher, {
    keys,
    denied: new Set(),
    now: context.nowS,
    store: context.storeNumber,
    verify: verifyEd25519,
  });
  const { claims } = decoded.voucher;
  if (!verdict.ok) {
    switch (verdict.reason) {
      case 'not_a_voucher':
        throw new ApiError(400, 'voucher_not_a_voucher');
      case 'damaged':
        throw new ApiError(400, 'voucher_damaged');
      case 'unknown_key':
        throw new ApiError(422, 'voucher_unknown_key');
      case 'bad_signature':
        throw new ApiError(422, 'voucher_bad_signature');
      case 'not_yet_valid':
        throw new ApiError(422, 'voucher_not_yet_valid', { from: claims.notBefore * 1000 });
      case 'expired':
        throw new ApiError(422, 'voucher_expired', { at: claims.expires * 1000 });
      case 'other_store':
        throw new ApiError(403, 'voucher_other_store');
      case 'revoked':
        throw new ApiError(410, 'voucher_revoked');
      default: {
        const never: never = verdict.reason;
        throw new Error(`unhandled verdict ${String(never)}`);
      }
    }
  }
  const voucher = await lockVoucher(tx, claims.voucherId);
  const [campaign] = await tx.query<{
    id: number;
    name: string;
    active: boolean;
    type: VoucherType;
    value: number;
    rules: unknown;
  }>('SELECT id, name, active, type, value, rules FROM campaigns WHERE id = $1', [voucher.campaign_id]);
  // Signed by our key yet naming another campaign than the one it was issued under: not ours.
  if (!campaign || campaign.id !== claims.campaignId) throw new ApiError(404, 'voucher_unknown');
  switch (voucher.state) {
    case 'BLOCKED':
      throw new ApiError(403, 'voucher_blocked');
    case 'REVOKED':
      throw new ApiError(410, 'voucher_revoked');
    case 'DISPUTED':
      // An offline sale already made on it is one more loss, which the caller records.
      if (!context.allowDisputed) throw new ApiError(409, 'voucher_disputed');
      break;
    case 'ACTIVE':
    case 'HELD':
    case 'REDEEMED':
    case 'SETTLED':
      break;
    default: {
      const never: never = voucher.state;
      throw new Error(`unhandled voucher state ${String(never)}`);
    }
  }
  if (!campaign.active) throw new ApiError(409, 'voucher_campaign_inactive', { campaign: campaign.name });
  if (context.checkToken && claims.nonce !== null && claims.nonce !== voucher.token_nonce) {
    throw new ApiError(409, 'token_superseded');
  }
  return { claims, voucher, campaign: { ...campaign, rules: CampaignRules.parse(campaign.rules) } };
}
