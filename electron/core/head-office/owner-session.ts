import { z } from 'zod';
import type { OwnerStatus } from '../../../shared/contract/head-office';
import { OwnerSession } from '../../../shared/platform-api/franchise';
import type { CoreEnvironment } from '../handler-context';
import type { SecretFile } from '../secret-file';
import { readStore } from '../store/store-records';

/** The owner's platform session as kept in its secret file: the token with where and whose it is. */
const KeptOwnerSession = OwnerSession.extend({ platformUrl: z.string() });
export type KeptOwnerSession = z.infer<typeof KeptOwnerSession>;

export const ownerSessionFile = 'owner-session.json';

/** The kept session, or null: none, expired, or unreadable (a damaged file counts as signed out). */
export function readOwnerSession(file: SecretFile, now: number): KeptOwnerSession | null {
  let parsed: unknown;
  try {
    // A keystore that no longer opens it (a changed keyring) signs the owner out, as a lost file would.
    const bytes = file.read();
    if (!bytes) return null;
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  const kept = KeptOwnerSession.safeParse(parsed);
  return kept.success && kept.data.expiresAt > now ? kept.data : null;
}

export function keepOwnerSession(file: SecretFile, session: KeptOwnerSession): void {
  file.write(Buffer.from(JSON.stringify(session), 'utf8'));
}

/** What `owner.status` answers; never the token. */
export function ownerStatus(env: CoreEnvironment, now: number): OwnerStatus {
  const headOffice = readStore(env.db, now) === null;
  const kept = readOwnerSession(env.ownerSession, now);
  if (!kept) return { signedIn: false, headOffice, platformUrl: env.sync.link?.baseUrl ?? null };
  return {
    signedIn: true,
    headOffice,
    platformUrl: kept.platformUrl,
    owner: { login: kept.owner.login, name: kept.owner.name },
    organisation: { name: kept.organisation.name },
    expiresAt: kept.expiresAt,
  };
}
