import { useCallback } from 'react';
import { ApiError } from '../../shared/client';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import type { Permission } from '../../shared/roles';
import { api } from '../api/api-client';
import { useAskApproval } from '../components/approval-provider';

/**
 * Runs a call; when the core answers `approval_required`, asks a manager for their PIN, which buys
 * a grant for this exact call, and sends the same call again with it. `summary` tells the manager
 * what this one is. Rejects with ApprovalCancelled when nobody approves.
 */
export function useApprovedCall() {
  const ask = useAskApproval();
  return useCallback(
    async <M extends MethodName>(method: M, input: InputOf<M>, summary?: string): Promise<OutputOf<M>> => {
      try {
        return await api.call(method, input);
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'approval_required') throw error;
        const { permission } = error.details as { permission: Permission };
        return ask({ reason: error.message, permission, method, input, summary }, (approval) =>
          api.call(method, input, { approval }),
        );
      }
    },
    [ask],
  );
}
