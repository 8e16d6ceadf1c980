import { createHash, randomBytes } from 'node:crypto';
import { OWNER_PASSWORD_MAX, type OwnerSession } from '../../shared/platform-api/franchise';
import { OWNER_LOGIN_MAX } from '../../shared/platform-api/organisations';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { verifyPassword } from './passwords';
import { recordAudit } from './platform-audit';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
/** Five sign-ins per login in fifteen minutes, right or wrong; a success starts the count again. */
export const SIGN_IN_ATTEMPTS = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

export type OpenedSession = OwnerSession;

/** The owner behind a live session: who they are and the one organisation whose stores they see. */
export type SessionOwner = {
  ownerId: string;
  login: string;
  name: string;
  organisationId: string;
  organisationName: string;
  sessionHash: string;
  expiresAt: number;
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type OwnerRow = { id: string; login: string; name: string; organisation_id: string; organisation_name: string };

const OWNER_COLUMNS = `o.id, o.login, o.name, o.organisation_id, g.name AS organisation_name`;

/** A new session token for the owner; only its hash is stored. */
export async function openSession(tx: Queryable, ownerId: string, now: number): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + SESSION_TTL_MS;
  await tx.query('INSERT INTO owner_sessions (token_hash, owner_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    hashToken(token),
    ownerId,
    now,
    expiresAt,
  ]);
  const [row] = await tx.query<OwnerRow>(
    `SELECT ${OWNER_COLUMNS} FROM owners o JOIN organisations g ON g.id = o.organisation_id WHERE o.id = $1`,
    [ownerId],
  );
  return {
    token,
    expiresAt,
    owner: { ownerId: row.id, login: row.login, name: row.name },
    organisation: { organisationId: row.organisation_id, name: row.organisation_name },
  };
}

/** Null unless the token is a live session of an owner who is not revoked. One indexed read. */
export async function sessionOwner(db: Queryable, token: string, now: number): Promise<SessionOwner | null> {
  const sessionHash = hashToken(token);
  const rows = await db.query<OwnerRow & { expires_at: number }>(
    `SELECT ${OWNER_COLUMNS}, s.expires_at
     FROM owner_sessions s JOIN owners o ON o.id = s.owner_id JOIN organisations g ON g.id = o.organisation_id
     WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > $2 AND o.revoked_at IS NULL`,
    [sessionHash, now],
  );
  if (rows.length === 0) return null;
  const row = rows[0];
  return {
    ownerId: row.id,
    login: row.login,
    name: row.name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    sessionHash,
    expiresAt: row.expires_at,
  };
}

/**
 * Counts this attempt against the login before the password is looked at, in one statement every
 * platform process shares; past the limit the attempt is refused whatever the password.
 */
async function countAttempt(sql: Sql, login: string, now: number): Promise<void> {
  const [row] = await sql.query<{ window_start: number; attempts: number }>(
    `INSERT INTO owner_sign_in_attempts (login, window_start, attempts) VALUES ($1, $2, 1)
     ON CONFLICT (login) DO UPDATE SET
       window_start = CASE WHEN owner_sign_in_attempts.window_start <= $2 - $3::bigint THEN $2
         ELSE owner_sign_in_attempts.window_start END,
       attempts = CASE WHEN owner_sign_in_attempts.window_start <= $2 - $3::bigint THEN 1
         ELSE owner_sign_in_attempts.attempts + 1 END
     RETURNING window_start, attempts`,
    [login, now, SIGN_IN_WINDOW_MS],
  );
  if (row.attempts > SIGN_IN_ATTEMPTS) {
    const minutes = Math.max(1, Math.ceil((row.window_start + SIGN_IN_WINDOW_MS - now) / 60_000));
    throw new ApiError(429, 'owner_sign_in_locked', { minutes });
  }
}

export async function signIn(
  sql: Sql,
  input: { login: string; password: string },
  now: number,
): Promise<OpenedSession> {
  const login = input.login.trim().toLowerCase();
  // No owner has such a login or password (docs/franchise.md): refused as any wrong one, uncounted.
  if (login.length > OWNER_LOGIN_MAX || [...input.password].length > OWNER_PASSWORD_MAX) {
    throw new ApiError(401, 'owner_sign_in_failed');
  }
  await countAttempt(sql, login, now);
  const [owner] = await sql.query<{ id: string; organisation_id: string; password_hash: string | null }>(
    'SELECT id, organisation_id, password_hash FROM owners WHERE login = $1 AND revoked_at IS NULL',
    [login],
  );
  const right = await verifyPassword(input.password, owner?.password_hash ?? null);
  if (!right) {
    // A refusal of a real owner is theirs to see; unknown logins leave nothing (anyone can type one).
    if (owner) {
      await recordAudit(sql, {
        actor: { kind: 'public' },
        action: 'owner.sign_in_refused',
        organisationId: owner.organisation_id,
        detail: { ownerId: owner.id },
        at: now,
      });
    }
    throw new ApiError(401, 'owner_sign_in_failed');
  }
  return sql.transaction(async (tx) => {
    await tx.query('DELETE FROM owner_sign_in_attempts WHERE login = $1', [login]);
    await recordAudit(tx, {
      actor: { kind: 'owner', ownerId: owner.id },
      action: 'owner.signed_in',
      organisationId: owner.organisation_id,
      detail: {},
      at: now,
    });
    return openSession(tx, owner.id, now);
  });
}

export async function signOut(sql: Sql, owner: SessionOwner, now: number): Promise<{ signedOut: true }> {
  return sql.transaction(async (tx) => {
    await tx.query('UPDATE owner_sessions SET ended_at = COALESCE(ended_at, $2) WHERE token_hash = $1', [
      owner.sessionHash,
      now,
    ]);
    await recordAudit(tx, {
      actor: { kind: 'owner', ownerId: owner.ownerId },
      action: 'owner.signed_out',
      organisationId: owner.organisationId,
      detail: {},
      at: now,
    });
    return { signedOut: true as const };
  });
}

/**
 * Attempt counts whose window has passed, and sessions past their expiry: neither can be used any
 * more, and logins anyone typed would otherwise pile up.
 */
export async function pruneOwnerSessions(db: Queryable, now: number): Promise<void> {
  await db.query('DELETE FROM owner_sign_in_attempts WHERE window_start <= $1', [now - SIGN_IN_WINDOW_MS]);
  await db.query('DELETE FROM owner_sessions WHERE expires_at <= $1', [now]);
}
