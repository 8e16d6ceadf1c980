import { createHash, randomBytes } from 'node:crypto';
import { durationText } from '../../../shared/approvals/approval-messages';
import { grantLifetimeMinutes } from '../../../shared/contract/approvals';
import { AppError, actionText } from '../../../shared/errors';
import type { StaffId } from '../../../shared/ids';
import { canApprove, type Permission } from '../../../shared/roles';
import type { Actor, CoreEnvironment } from '../handler-context';
import type { Session } from './sessions';
import { findStaff } from './staff-records';

export const grantLifetimeMs = grantLifetimeMinutes * 60_000;

/** A manager's yes to one exact call by one sign-in, good once and for a short while. */
export type ApprovalGrant = {
  id: string;
  method: string;
  /** The digest of the call's input as the core parsed it (defaults filled, unknown keys gone). */
  digest: string;
  /** Grants live as long as the sign-in that asked; the token never leaves memory. */
  sessionToken: string;
  approverId: StaffId;
  permission: Permission;
  expiresAt: number;
  usedAt: number | null;
};

/**
 * Grants live in memory, beside the sessions they are bound to: a restart ends every session, and a
 * grant is worthless without its session, so nothing is lost that could still be used. The core
 * dispatches one call at a time (better-sqlite3 is synchronous), so between the check and marking a
 * grant used no other call can run; it is marked only once its action has committed.
 */
export function createGrantStore() {
  const grants = new Map<string, ApprovalGrant>();
  return {
    issue(grant: Omit<ApprovalGrant, 'id' | 'usedAt'>, now: number): ApprovalGrant {
      // A used or expired grant is kept a while to say so precisely, then forgotten.
      for (const [id, old] of grants) if (old.expiresAt + grantLifetimeMs < now) grants.delete(id);
      const issued = { ...grant, id: randomBytes(18).toString('base64url'), usedAt: null };
      grants.set(issued.id, issued);
      return issued;
    },
    find(id: string): ApprovalGrant | undefined {
      return grants.get(id);
    },
    markUsed(id: string, now: number): void {
      const grant = grants.get(id);
      if (grant) grant.usedAt = now;
    },
  };
}

export type GrantStore = ReturnType<typeof createGrantStore>;

/** The same input gives the same digest whatever order its keys came in. */
export function inputDigest(method: string, input: unknown): string {
  return createHash('sha256').update(method).update('\n').update(canonicalJson(input)).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export type GrantedCall = { method: string; digest: string; session: Session; now: number };

/**
 * Whether the grant a call carries approves this call needing `permission`: issued to this sign-in,
 * not used, not expired, for this method and this exact input, by someone who may still approve it.
 */
export function checkGrant(
  env: Pick<CoreEnvironment, 'db' | 'grants'>,
  approval: unknown,
  permission: Permission,
  call: GrantedCall,
): { grant: ApprovalGrant; approver: Actor } {
  const id = (approval as { grant?: unknown }).grant;
  const grant = typeof id === 'string' ? env.grants.find(id) : undefined;
  if (!grant || grant.sessionToken !== call.session.token) throw new AppError('approval_grant_unknown');
  if (grant.usedAt !== null) throw new AppError('approval_grant_used');
  if (grant.expiresAt <= call.now) {
    throw new AppError('approval_grant_expired', { duration: durationText(grantLifetimeMinutes) });
  }
  if (grant.method !== call.method) {
    throw new AppError('approval_grant_other_action', { action: actionText(grant.permission) });
  }
  if (grant.digest !== call.digest) throw new AppError('approval_grant_changed');
  const approver = findStaff(env.db, grant.approverId);
  // Deactivated or given another role since approving: the approval goes with the rights.
  if (approver?.active !== 1 || !canApprove(approver.role, permission)) {
    throw new AppError('approval_grant_unknown');
  }
  return { grant, approver: { id: approver.id, name: approver.name } };
}
