import { useCallback } from 'react';
import { ApiError } from '../../shared/client';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import { api } from '../api/api-client';
import { useAskApproval } from '../components/approval-provider';

/**
 * Runs a call; when the core answers `approval_required`, asks a manager for their PIN and retries
 * the same call with it. Rejects with ApprovalCancelled when nobody approves.
 */
export function useApprovedCall() {
  const ask = useAskApproval();
  return useCallback(
    async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
      try {
        return await api.call(method, input);
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'approval_required') throw error;
        return ask(error.message, (approval) => api.call(method, input, { approval }));
      }
    },
    [ask],
  );
}
