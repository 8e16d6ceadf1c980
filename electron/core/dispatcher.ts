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
import { decideAccess, type Permission } from '../../shared/roles';
import { appendAudit } from './audit/audit-chain';
import type { Actor, CoreEnvironment, HandlerContext, Handlers } from './handler-context';
import { type ApprovalGrant, checkGrant, inputDigest } from './staff/approval-grants';
import type { Session } from './staff/sessions';
import { readStore } from './store/store-records';
import { noAnswers, type OnlineAnswers } from './sync/platform-first';
import { parseInput } from './validation';

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
  const approvals = approvalsFor(env, method, input, session, request, now);
  const approver = authorize(spec.access, session, approvals.approve);

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
      ctx.approver = approvals.approve(permission);
      return ctx.approver;
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
            approverId: ctx.approver?.id ?? null,
            approverName: ctx.approver?.name ?? null,
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
  // Nothing else runs between the commit above and this line, so the grant is used exactly once.
  approvals.consume();
  for (const event of events) emit(event);
  return value;
}

function authorize(
  access: Contract[MethodName]['access'],
  session: Session | null,
  approve: (permission: Permission) => Actor,
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
      return approve(access);
    default: {
      const unreachable: never = decision;
      throw new Error(`unknown access decision ${String(unreachable)}`);
    }
  }
}

/**
 * A manager's approval comes as a grant for this exact call (see approval-grants). A refused call
 * leaves its grant unused: nothing was done, so the manager's yes still stands for that one action
 * until it expires, and the very same call retried (after opening a forgotten shift, say) needs no
 * second PIN.
 */
function approvalsFor(
  env: CoreEnvironment,
  method: MethodName,
  input: unknown,
  session: Session | null,
  request: CallRequest,
  now: number,
) {
  let used: ApprovalGrant | null = null;
  let digest: string | null = null;
  return {
    approve(permission: Permission): Actor {
      if (!session) throw new AppError('unauthenticated');
      if (!request.approval || typeof request.approval !== 'object') {
        throw new AppError('approval_required', { action: actionText(permission) }, { permission });
      }
      digest ??= inputDigest(method, input);
      const { grant, approver } = checkGrant(env, request.approval, permission, { method, digest, session, now });
      used = grant;
      return approver;
    },
    consume() {
      if (used) env.grants.markUsed(used.id, now);
    },
  };
}

/** For amounts in a refusal; before set-up the store's currency is the default one. */
function storeCurrency(env: CoreEnvironment): string {
  return readStore(env.db, env.clock())?.currency ?? 'CNY';
}

export function toErrorShape(error: unknown, locale: Locale) {
  if (error instanceof AppError) {
    return { code: error.code, message: errorMessage(error.code, error.params, locale), details: error.details };
  }
  const ref = randomUUID().slice(0, 8);
  console.error(`[counter] internal error ${ref}:`, error);
  return { code: 'internal' as const, message: errorMessage('internal', { ref }, locale) };
}
