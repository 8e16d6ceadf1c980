import { useCallback } from 'react';
import { ApiError } from '../../shared/client';
import type { ScannedVoucher } from '../../shared/contract/vouchers';
import { api } from '../api/api-client';
import { useErrorText } from '../app/use-error-text';

export type VoucherCheck =
  | { kind: 'ok'; voucher: ScannedVoucher }
  /** The core's message is already in the cashier's language (expired on …, other store, …). */
  | { kind: 'refused'; code: string; message: string };

/** Asks the core whether a scanned code is a voucher usable here: online first, else on this till alone. */
export function useVoucherCheck(): (code: string) => Promise<VoucherCheck> {
  const errorText = useErrorText();
  return useCallback(
    async (code: string) => {
      try {
        return { kind: 'ok', voucher: await api.call('vouchers.check', { code }) };
      } catch (error) {
        return {
          kind: 'refused',
          code: error instanceof ApiError ? error.code : 'unexpected',
          message: errorText(error),
        };
      }
    },
    [errorText],
  );
}
