import type { Database } from 'better-sqlite3';
import type { AppEvent, MethodName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Locale } from '../../shared/locale';
import type { Permission } from '../../shared/roles';
import type { SecretFile } from './secret-file';
import type { GrantStore } from './staff/approval-grants';
import type { Session, SessionStore } from './staff/sessions';
import type { OnlineAnswers } from './sync/platform-first';
import type { SyncRuntime } from './sync/sync-runtime';

export type Actor = { id: string; name: string };

export type CoreEnvironment = {
  db: Database;
  deviceSecret: Buffer;
  auditKey: Buffer;
  deviceId: string;
  resourcesDir: string;
  sessions: SessionStore;
  /** Managers' approvals of single calls, bound to the sessions above. */
  grants: GrantStore;
  clock: () => number;
  /** Shared with the background sync; a till that never pairs keeps one that is always offline. */
  sync: SyncRuntime;
  /** The franchise owner's platform session (head office): sealed or 0600, never in the database. */
  ownerSession: SecretFile;
};

/** What a handler sees of the call it serves. */
export type HandlerContext = CoreEnvironment & {
  now: number;
  locale: Locale;
  session: Session | null;
  /** Who approved this call; a handler that takes a manager's PIN itself (a grant) names them here. */
  approver: Actor | null;
  /**
   * The platform's answers gathered before this dispatch, by domain (`sync/platform-first.ts`), for
   * the methods the contract marks `platformFirst`; a domain's empty answer means decide offline.
   */
  online: OnlineAnswers;
  /** What the audit entry says about this change; the method and actors are filled in for you. */
  describe(subject: string, detail: unknown, actor?: Actor): void;
  /** Runs in a transaction of its own when the call is refused (the lock-out counter). */
  onRefused(work: () => void): void;
  emit(event: AppEvent): void;
  /**
   * For rules that depend on the data (a large discount, a cash variance): returns null when the
   * signed-in person may do it, the approving manager when their grant for this exact call came
   * with it, and otherwise refuses with `approval_required` so the screen can ask for one.
   */
  approve(permission: Permission): Actor | null;
};

export type Handler<M extends MethodName> = (ctx: HandlerContext, input: ParsedInputOf<M>) => OutputOf<M>;

export type Handlers = { [M in MethodName]: Handler<M> };

/** The signed-in staff member, for handlers whose access rule already guarantees one. */
export function requireSession(ctx: HandlerContext): Session {
  if (!ctx.session) throw new Error('handler reached without a session; check its access rule');
  return ctx.session;
}
