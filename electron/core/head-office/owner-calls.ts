import type { HeadOfficeMethod, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/locale';
import { type PlatformClient, PlatformRefusal } from '../../../shared/platform-api/client';
import { appendAudit } from '../audit/audit-chain';
import type { Actor, CoreEnvironment } from '../handler-context';
import { asked, ownerClient } from './owner-platform';
import { type KeptOwnerSession, readOwnerSession } from './owner-session';

/** A head-office call once checked: its parsed input, who on this till (none on a console), when, in which language. */
export type Checked<M extends HeadOfficeMethod> = {
  input: ParsedInputOf<M>;
  actor: Actor | null;
  now: number;
  locale: Locale;
};

/** The platform asked with the kept owner session; one the platform no longer knows is forgotten here. */
export async function asOwner<T>(
  env: CoreEnvironment,
  call: Checked<HeadOfficeMethod>,
  work: (client: PlatformClient, kept: KeptOwnerSession) => Promise<T>,
): Promise<T> {
  const kept = readOwnerSession(env.ownerSession, call.now);
  if (!kept) throw new AppError('owner_not_signed_in');
  const client = ownerClient(kept.platformUrl, kept.token, call.locale);
  return asked(kept.platformUrl, () =>
    work(client, kept).catch((error: unknown) => {
      // Revoked or ended on the platform: a token that opens nothing any more is not kept.
      if (error instanceof PlatformRefusal && error.status === 401) {
        env.ownerSession.forget();
        auditOwner(env, call, 'owner.signOut', kept, { endedOnPlatform: true, reason: 'session_invalid' });
      }
      throw error;
    }),
  );
}

/** What the owner did through this install, in its audit chain; never the token or the password. */
export function auditOwner(
  env: CoreEnvironment,
  call: Checked<HeadOfficeMethod>,
  action: HeadOfficeMethod,
  kept: KeptOwnerSession,
  extra: Record<string, unknown>,
): void {
  env.db.transaction(() => {
    appendAudit(env.db, env.auditKey, {
      at: call.now,
      action,
      staffId: call.actor?.id ?? null,
      staffName: call.actor?.name ?? null,
      approverId: null,
      approverName: null,
      subject: kept.owner.login,
      detail: {
        platformUrl: kept.platformUrl,
        ownerId: kept.owner.ownerId,
        organisation: kept.organisation.name,
        ...extra,
      },
    });
  })();
}
