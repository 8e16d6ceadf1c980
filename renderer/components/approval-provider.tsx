import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';
import type { Approval } from '../../shared/contract';
import { ApprovalDialog } from './approval-dialog';

/** Rejected with when the person closes the approval dialog without approving. */
export class ApprovalCancelled extends Error {
  constructor() {
    super('approval cancelled');
    this.name = 'ApprovalCancelled';
  }
}

export type AskApproval = <T>(reason: string, attempt: (approval: Approval) => Promise<T>) => Promise<T>;

type Pending = {
  reason: string;
  attempt(approval: Approval): Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
};

const ApprovalContext = createContext<AskApproval | null>(null);

export function ApprovalProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);

  const ask = useCallback<AskApproval>(
    (reason, attempt) =>
      new Promise((resolve, reject) => {
        setPending({ reason, attempt, resolve: resolve as (value: unknown) => void, reject });
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
          reason={pending.reason}
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
