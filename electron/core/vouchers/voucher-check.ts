import type { StoreInfo } from '../../../shared/contract/store';
import type { ScannedVoucher } from '../../../shared/contract/vouchers';
import { AppError } from '../../../shared/errors';
import type { VoucherStatus } from '../../../shared/vouchers/redemption-wire';
import type { HandlerContext } from '../handler-context';
import type { VoucherStatusAnswer } from './online-answers';
import { platformRefusalError } from './platform-refusal';
import { refuseUsedHere } from './redemption-write';
import { isVoucherIdText, type JudgedVoucher, judgeScan } from './voucher-judge';
import { momentText } from './voucher-text';

/**
 * What the cashier scanned or typed, as a CP1 code: the 24-hex id printed under the QR is looked
 * up on the platform (online only), anything else is the code itself.
 */
function resolveCode(ctx: HandlerContext, store: StoreInfo, code: string): string {
  if (!isVoucherIdText(code)) return code;
  const answer = ctx.online.vouchers.statuses.get(code.trim().toLowerCase());
  if (!answer) throw new AppError('voucher_short_code_offline');
  if (answer.kind === 'refused') throw platformRefusalError(answer, store.timeZone);
  return answer.status.code;
}

/**
 * The full judgement of a scan: local checks (keys, signature, dates, store, deny list, campaign),
 * this till's own earlier use, then the platform's word on where the voucher stands, if it answered.
 */
export function judgeFully(
  ctx: HandlerContext,
  store: StoreInfo,
  scanned: string,
): { voucher: JudgedVoucher; status: VoucherStatus | null } {
  const code = resolveCode(ctx, store, scanned);
  const voucher = judgeScan(
    {
      db: ctx.db,
      now: ctx.now,
      timeZone: store.timeZone,
      platformAnswered: (claims) =>
        ctx.online.vouchers.statuses.has(claims.voucherId) || ctx.online.vouchers.redemptions.size > 0,
    },
    code,
  );
  refuseUsedHere(ctx, store, voucher);
  const answer: VoucherStatusAnswer | undefined = ctx.online.vouchers.statuses.get(voucher.claims.voucherId);
  if (answer?.kind === 'refused') throw platformRefusalError(answer, store.timeZone);
  if (answer) refuseByState(answer.status, store);
  return { voucher, status: answer?.status ?? null };
}

function refuseByState(status: VoucherStatus, store: StoreInfo): void {
  switch (status.state) {
    case 'ISSUED':
    case 'ACTIVE':
      return;
    case 'HELD':
      throw new AppError('voucher_held');
    case 'REDEEMED':
    case 'SETTLED':
      throw new AppError('voucher_already_redeemed', {
        store: status.redeemed?.storeName ?? '?',
        at: status.redeemed ? momentText(status.redeemed.at, store.timeZone) : '?',
      });
    case 'EXPIRED':
      throw new AppError('voucher_expired', { at: momentText(status.expires * 1000, store.timeZone) });
    case 'BLOCKED':
      throw new AppError('voucher_blocked');
    case 'REVOKED':
      throw new AppError('voucher_revoked');
    case 'DISPUTED':
      throw new AppError('voucher_disputed');
    default: {
      const unreachable: never = status.state;
      throw new Error(`unknown voucher state ${String(unreachable)}`);
    }
  }
}

export function toScannedVoucher(voucher: JudgedVoucher, checkedOnline: boolean): ScannedVoucher {
  return {
    voucherId: voucher.claims.voucherId,
    code: voucher.code,
    value: voucher.claims.value,
    expires: voucher.claims.expires,
    presentation: !voucher.printed,
    campaign: voucher.campaign,
    checkedOnline,
  };
}
