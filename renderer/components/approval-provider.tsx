import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';
import type { Approval, MethodName } from '../../shared/contract';
import type { Permission } from '../../shared/roles';
import { ApprovalDialog } from './approval-dialog';

/** Rejected with when the person closes the approval dialog without approving. */
export class ApprovalCancelled extends Error {
  constructor() {
    super('approval cancelled');
    this.name = 'ApprovalCancelled';
  }
}

/** What the manager approves: the core's words for it, and the exact call a grant is asked for. */
export type ApprovalRequest = {
  reason: string;
  permission: Permission;
  method: MethodName;
  input: unknown;
  /** The screen's own line on what this one is (an amount, an order number), when it has one. */
  summary?: string;
};

export type AskApproval = <T>(request: ApprovalRequest, attempt: (approval: Approval) => Promise<T>) => Promise<T>;

type Pending = {
  request: ApprovalRequest;
  attempt(approval: Approval): Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
};

const ApprovalContext = createContext<AskApproval | null>(null);

export function ApprovalProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);

  const ask = useCallback<AskApproval>(
    (request, attempt) =>
      new Promise((resolve, reject) => {
        setPending({ request, attempt, resolve: resolve as (value: unknown) => void, reject });
      }),
    [],
  );

  const settle = (finish: (p: Pending) => void) => {
    if (!pending) return;
    setPending(null);
    finish(pending);
  };

  return (
    <ApprovalContext.Provider value={ask}>
      {children}
      {pending ? (
        <ApprovalDialog
          request={pending.request}
          attempt={pending.attempt}
          onDone={(value) => settle((p) => p.resolve(value))}
          onFailed={(error) => settle((p) => p.reject(error))}
          onCancel={() => settle((p) => p.reject(new ApprovalCancelled()))}
        />
      ) : null}
    </ApprovalContext.Provider>
  );
}

export function useAskApproval(): AskApproval {
  const ask = useContext(ApprovalContext);
  if (!ask) throw new Error('useAskApproval outside ApprovalProvider');
  return ask;
}
