import { approvalLockText, retryWhenText, triesText } from '../../../shared/approvals/approval-messages';
import { contract, isMethodName } from '../../../shared/contract';
import { AppError, actionText } from '../../../shared/errors';
import type { Permission } from '../../../shared/roles';
import { canApprove } from '../../../shared/roles';
import { type HandlerContext, type Handlers, requireSession } from '../handler-context';
import { parseInput } from '../validation';
import { grantLifetimeMs, inputDigest } from './approval-grants';
import { auditPinFailure, judgePin } from './pin-check';
import {
  clearPinFailures,
  currentLock,
  nextLock,
  readPinGuard,
  recordPinFailure,
  triesLeftAfterThis,
} from './pin-guards';
import type { Session } from './sessions';
import type { StaffRow } from './staff-records';

/**
 * The manager's PIN for one call. Wrong ones count against the person who asked (their guard on
 * asking for approvals), so a cashier cannot lock a manager out of their own sign-in by guessing,
 * and gets paused from asking instead, for longer each round.
 */
function checkApprover(
  ctx: HandlerContext,
  session: Session,
  input: { staffId: string; pin: string; permission: Permission },
): StaffRow {
  const guard = readPinGuard(ctx.db, session.staffId, 'approval');
  const lock = currentLock(guard, ctx.now);
  if (lock) {
    throw new AppError(
      'approvals_paused',
      { name: session.name, when: retryWhenText(lock) },
      { held: lock.kind === 'held' },
    );
  }
  if (input.staffId === session.staffId) throw new AppError('self_approval');
  const verdict = judgePin(ctx.db, ctx.deviceSecret, input.staffId, input.pin, ctx.now);
  // The approver's own lock-out, or someone not on the list: nothing was guessed, nothing counts.
  if (!verdict.ok && !verdict.counts) throw verdict.error;
  // A right PIN of someone who may not approve is refused like a wrong one, so it tells nothing.
  if (verdict.ok && canApprove(verdict.staff.role, input.permission)) {
    clearPinFailures(ctx.db, session.staffId, 'approval');
    clearPinFailures(ctx.db, verdict.staff.id, 'sign_in');
    return verdict.staff;
  }
  const asker = { id: session.staffId, name: session.name };
  ctx.onRefused(() => {
    recordPinFailure(ctx.db, session.staffId, 'approval', ctx.now);
    auditPinFailure(ctx, input.staffId, ctx.now, 'approval', asker, { staffId: session.staffId, kind: 'approval' });
  });
  const left = triesLeftAfterThis(guard, ctx.now);
  const next = nextLock(guard, ctx.now);
  if (left <= 0) {
    throw new AppError(
      'approvals_paused',
      { name: session.name, when: retryWhenText(next) },
      { held: next.kind === 'held' },
    );
  }
  throw new AppError('approval_invalid', {
    action: actionText(input.permission),
    left: triesText(left),
    lock: approvalLockText(session.name, next),
  });
}

export const approvalHandlers = {
  'approvals.grant': (ctx, input) => {
    const session = requireSession(ctx);
    if (!isMethodName(input.method)) throw new AppError('unknown_method', { method: input.method });
    const access = contract[input.method].access;
    if (access === 'public' || access === 'signedIn' || input.method === 'approvals.grant') {
      throw new AppError('approval_not_needed');
    }
    // Parsed as the call itself will be, so the digest is of what the core will act on.
    const parsed = parseInput(contract[input.method].input, input.input ?? {}, ctx.locale);
    const approver = checkApprover(ctx, session, input);
    const grant = ctx.grants.issue(
      {
        method: input.method,
        digest: inputDigest(input.method, parsed),
        sessionToken: session.token,
        approverId: approver.id,
        permission: input.permission,
        expiresAt: ctx.now + grantLifetimeMs,
      },
      ctx.now,
    );
    ctx.approver = { id: approver.id, name: approver.name };
    ctx.describe(`staff:${approver.id}`, { event: 'approved', method: input.method, permission: input.permission });
    return { grant: grant.id, expiresAt: grant.expiresAt, approverName: approver.name };
  },
} satisfies Partial<Handlers>;
