import { randomUUID } from 'node:crypto';
import {
  type AppEvent,
  type CallRequest,
  type Contract,
  contract,
  type Envelope,
  isMethodName,
  type MethodName,
} from '../../shared/contract';
import { AppError, actionText, errorMessage, roleText } from '../../shared/errors';
import { type Locale, pickLocale } from '../../shared/locale';
import { canApprove, decideAccess, type Permission } from '../../shared/roles';
import { appendAudit } from './audit/audit-chain';
import type { Actor, CoreEnvironment, HandlerContext, Handlers } from './handler-context';
import { auditPinFailure, clearPinFailures, judgePin, recordPinFailure } from './staff/pin-check';
import type { Session } from './staff/sessions';
import { readStore } from './store/store-records';
import { parseInput } from './validation';
import { noAnswers, type OnlineAnswers } from './vouchers/online-answers';

/** `online` comes only from the core's own online step, never from what a transport carried. */
export type Dispatch = (request: CallRequest, online?: OnlineAnswers) => Envelope<unknown>;

/**
 * The one road into the core, for IPC and HTTP alike: validate → authorize → run (one transaction
 * and one audit entry when it mutates) → check the output → envelope.
 */
export function createDispatcher(env: CoreEnvironment, handlers: Handlers, emit: (e: AppEvent) => void): Dispatch {
  return (request, online = noAnswers) => {
    const locale = pickLocale(request.locale);
    try {
      if (typeof request.method !== 'string' || !isMethodName(request.method)) {
        throw new AppError('unknown_method', { method: String(request.method).slice(0, 80) });
      }
      return { ok: true, value: run(env, handlers, emit, request.method, request, locale, online) };
    } catch (error) {
      return { ok: false, error: toErrorShape(error, locale) };
    }
  };
}

function run(
  env: CoreEnvironment,
  handlers: Handlers,
  emit: (e: AppEvent) => void,
  method: MethodName,
  request: CallRequest,
  locale: Locale,
  online: OnlineAnswers,
): unknown {
  const spec: Contract[MethodName] = contract[method];
  const input = parseInput(spec.input, request.input ?? {}, locale, () => storeCurrency(env));

  const now = env.clock();
  // Public calls (the status poll) neither need a session nor keep one alive.
  const session = spec.access === 'public' ? null : env.sessions.get(request.sessionToken, now);
  let approver = authorize(env, spec.access, session, request, now);

  const events: AppEvent[] = [];
  const refusals: (() => void)[] = [];
  let audit: { subject: string | null; detail: unknown; actor: Actor | null } = {
    subject: null,
    detail: null,
    actor: session ? { id: session.staffId, name: session.name } : null,
  };
  const ctx: HandlerContext = {
    ...env,
    now,
    locale,
    session,
    approver,
    online,
    describe: (subject, detail, actor) => {
      audit = { subject, detail, actor: actor ?? audit.actor };
    },
    onRefused: (work) => refusals.push(work),
    emit: (event) => events.push(event),
    approve: (permission) => {
      if (!session) throw new AppError('unauthenticated');
      if (decideAccess(session.role, permission) === 'allow') return null;
      if (!request.approval) {
        throw new AppError('approval_required', { action: actionText(permission) }, { permission });
      }
      // Inside the handler's transaction: a wrong PIN is counted after the rollback, not undone by it.
      approver = checkApproval(env, permission, session, request.approval, now, (work) => refusals.push(work));
      ctx.approver = approver;
      return approver;
    },
  };
  const handler = handlers[method] as (c: HandlerContext, i: unknown) => unknown;

  let value: unknown;
  try {
    // The output is checked before commit: a change is never saved behind an error the user retries.
    value = spec.mutates
      ? env.db.transaction(() => {
          const result = spec.output.parse(handler(ctx, input));
          appendAudit(env.db, env.auditKey, {
            at: now,
            action: method,
            staffId: audit.actor?.id ?? null,
            staffName: audit.actor?.name ?? null,
            approverId: approver?.id ?? null,
            approverName: approver?.name ?? null,
            subject: audit.subject,
            detail: audit.detail,
          });
          return result;
        })()
      : spec.output.parse(handler(ctx, input));
  } catch (error) {
    if (refusals.length > 0) {
      env.db.transaction(() => {
        for (const work of refusals) work();
      })();
    }
    throw error;
  }
  for (const event of events) emit(event);
  return value;
}

function authorize(
  env: CoreEnvironment,
  access: Contract[MethodName]['access'],
  session: Session | null,
  request: CallRequest,
  now: number,
): Actor | null {
  if (access === 'public') return null;
  if (!session) throw new AppError('unauthenticated');
  if (access === 'signedIn') return null;
  if (session.locked) throw new AppError('session_locked');
  const decision = decideAccess(session.role, access);
  switch (decision) {
    case 'allow':
      return null;
    case 'deny':
      throw new AppError(
        'forbidden',
        { role: roleText(session.role), action: actionText(access) },
        { permission: access },
      );
    case 'needs_approval':
      if (!request.approval) {
        throw new AppError('approval_required', { action: actionText(access) }, { permission: access });
      }
      return checkApproval(env, access, session, request.approval, now, (work) => env.db.transaction(work)());
    default: {
      const unreachable: never = decision;
      throw new Error(`unknown access decision ${String(unreachable)}`);
    }
  }
}

/** A manager's PIN authorizes this one call; wrong PINs count towards the approver's lock-out. */
function checkApproval(
  env: CoreEnvironment,
  permission: Permission,
  session: Session,
  approval: { staffId: string; pin: string },
  now: number,
  recordFailure: (work: () => void) => void,
): Actor {
  if (typeof approval.staffId !== 'string' || typeof approval.pin !== 'string' || !/^\d{4,8}$/.test(approval.pin)) {
    throw new AppError('approval_invalid', { action: actionText(permission) });
  }
  if (approval.staffId === session.staffId) throw new AppError('self_approval');
  const verdict = judgePin(env.db, env.deviceSecret, approval.staffId, approval.pin, now);
  if (!verdict.ok) {
    if (verdict.counts) {
      recordFailure(() => {
        recordPinFailure(env.db, approval.staffId, now);
        auditPinFailure(env, approval.staffId, now, 'approval', { id: session.staffId, name: session.name });
      });
    }
    if (verdict.error.code === 'locked_out') throw verdict.error;
    throw new AppError('approval_invalid', { action: actionText(permission) });
  }
  if (!canApprove(verdict.staff.role, permission)) {
    throw new AppError('approval_invalid', { action: actionText(permission) });
  }
  clearPinFailures(env.db, verdict.staff.id);
  return { id: verdict.staff.id, name: verdict.staff.name };
}

/** For amounts in a refusal; before set-up the store's currency is the default one. */
function storeCurrency(env: CoreEnvironment): string {
  return readStore(env.db, env.clock())?.currency ?? 'CNY';
}

function toErrorShape(error: unknown, locale: Locale) {
  if (error instanceof AppError) {
    return { code: error.code, message: errorMessage(error.code, error.params, locale), details: error.details };
  }
  const ref = randomUUID().slice(0, 8);
  console.error(`[counter] internal error ${ref}:`, error);
  return { code: 'internal' as const, message: errorMessage('internal', { ref }, locale) };
}
