import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { ScannedVoucher } from '../../../shared/contract/vouchers';
import { OrderId, uuidv7 } from '../../../shared/ids';
import { api } from '../../api/api-client';
import { invalidateMethods } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { useVoucherCheck } from '../../vouchers/use-voucher-check';

export type RedeemStep =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'refused'; message: string }
  | { kind: 'ready'; voucher: ScannedVoucher }
  | { kind: 'redeeming'; voucher: ScannedVoucher }
  /** The core refused or did not answer; Redeem again retries with the same ids. */
  | { kind: 'failed'; voucher: ScannedVoucher; message: string }
  | { kind: 'done'; order: OrderDetail; replayed: boolean };

type Attempt = { orderId: OrderId; redemptionId: string };

/**
 * 团购核销 without a cart: check the voucher, then redeem it into a `group_buy` order. The order and
 * redemption ids are minted once per voucher and reused by every retry, so a lost answer never
 * makes a second order or a second redemption.
 */
export function useRedeem() {
  const check = useVoucherCheck();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<RedeemStep>({ kind: 'idle' });
  const attempts = useRef(new Map<string, Attempt>());
  const busy = step.kind === 'checking' || step.kind === 'redeeming';

  const scan = async (code: string) => {
    if (busy) return;
    setStep({ kind: 'checking' });
    const answer = await check(code);
    setStep(answer.kind === 'ok' ? { kind: 'ready', voucher: answer.voucher } : answer);
  };

  const redeem = async () => {
    if (step.kind !== 'ready' && step.kind !== 'failed') return;
    const { voucher } = step;
    const attempt = attempts.current.get(voucher.voucherId) ?? {
      orderId: OrderId.parse(uuidv7()),
      redemptionId: uuidv7(),
    };
    attempts.current.set(voucher.voucherId, attempt);
    setStep({ kind: 'redeeming', voucher });
    try {
      const result = await api.call('vouchers.redeemGroupBuy', { ...attempt, code: voucher.code });
      void invalidateMethods(queryClient, ['orders.', 'vouchers.', 'reports.', 'shift.']);
      setStep({ kind: 'done', order: result.order, replayed: result.replayed });
    } catch (error) {
      setStep({ kind: 'failed', voucher, message: errorText(error) });
    }
  };

  return {
    step,
    busy,
    scan: (code: string) => void scan(code),
    redeem: () => void redeem(),
    reset: () => setStep({ kind: 'idle' }),
  };
}
