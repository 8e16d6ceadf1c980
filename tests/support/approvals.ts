import type { CallRequest, Envelope } from '../../shared/contract';
import type { Permission } from '../../shared/roles';
import type { Caller } from './callers';

type Approver = { id: string; pin: string };
type Call = { method: string; input: unknown; sessionToken: string; locale?: string };
export type Granted = { grant: string; expiresAt: number; approverName: string };

/** The manager types their PIN for this exact call, as the approval dialog sends it. */
export function requestGrant(
  call: Caller,
  request: Call,
  approver: Approver,
  permission: Permission,
  pin = approver.pin,
): Promise<Envelope<Granted>> {
  return call({
    method: 'approvals.grant',
    input: { method: request.method, input: request.input, permission, staffId: approver.id, pin },
    sessionToken: request.sessionToken,
    locale: request.locale ?? 'en',
  }) as Promise<Envelope<Granted>>;
}

/**
 * As the screens call: when the core answers `approval_required`, the manager approves that exact
 * call and it goes again with the grant. Any other answer is returned as it came.
 */
export async function callApproved(call: Caller, request: Call, approver: Approver): Promise<Envelope<unknown>> {
  const first = await call(request as CallRequest);
  if (first.ok || first.error.code !== 'approval_required') return first;
  const { permission } = first.error.details as { permission: Permission };
  const granted = await requestGrant(call, request, approver, permission);
  if (!granted.ok) return granted;
  return call({ ...request, approval: { grant: granted.value.grant } });
}
