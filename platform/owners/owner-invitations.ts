import { createHash, randomInt } from 'node:crypto';
import { uuidv7 } from '../../shared/ids';
import { OWNER_PASSWORD_MAX, OWNER_PASSWORD_MIN } from '../../shared/platform-api/franchise';
import type { OwnerInvitation } from '../../shared/platform-api/organisations';
import { isUuid } from '../data/stores';
import type { Sql } from '../db/sql';
import { ApiError } from '../errors';
import { requireOrganisation } from './organisations';
import { type OpenedSession, openSession } from './owner-sessions';
import { hashPassword } from './passwords';
import { recordAudit } from './platform-audit';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

// No I, O, 0 or 1: the code is read out or typed from a message.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Twelve characters (60 bits) as `ABCD-EFGH-JKLM`. */
function newInvitationCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((start) => chars.slice(start, start + 4).join('')).join('-');
}

// What a person adds while typing it (spaces, dashes, lower case) is not part of the code.
function hashInvitationCode(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');
}

const operator = { kind: 'operator' } as const;

/** A new owner of the organisation, who sets their password by redeeming the code (one use, seven days). */
export async function inviteOwner(
  sql: Sql,
  organisationId: string,
  input: { login: string; name: string },
  now: number,
): Promise<OwnerInvitation> {
  return sql.transaction(async (tx) => {
    await requireOrganisation(tx, organisationId);
    const taken = await tx.query('SELECT 1 FROM owners WHERE login = $1', [input.login]);
    if (taken.length > 0) throw new ApiError(409, 'owner_login_taken', { login: input.login });
    const ownerId = uuidv7(now);
    await tx.query('INSERT INTO owners (id, organisation_id, login, name, invited_at) VALUES ($1, $2, $3, $4, $5)', [
      ownerId,
      organisationId,
      input.login,
      input.name,
      now,
    ]);
    const invitationCode = newInvitationCode();
    const expiresAt = now + INVITATION_TTL_MS;
    await tx.query(
      'INSERT INTO owner_invitations (code_hash, owner_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [hashInvitationCode(invitationCode), ownerId, now, expiresAt],
    );
    await recordAudit(tx, {
      actor: operator,
      action: 'owner.invited',
      organisationId,
      detail: { ownerId, login: input.login, name: input.name },
      at: now,
    });
    return { ownerId, login: input.login, name: input.name, organisationId, invitationCode, expiresAt };
  });
}

/** Sets the owner's password and signs them in; the code is spent, so a second redemption is refused. */
export async function redeemInvitation(
  sql: Sql,
  input: { code: string; password: string },
  now: number,
): Promise<OpenedSession> {
  const length = [...input.password].length;
  if (length < OWNER_PASSWORD_MIN || length > OWNER_PASSWORD_MAX) {
    throw new ApiError(400, 'owner_password_weak', { min: OWNER_PASSWORD_MIN, max: OWNER_PASSWORD_MAX });
  }
  // A code is 12 characters, 14 with its dashes; anything much longer was never issued.
  if (input.code.length > 64) throw new ApiError(400, 'owner_invitation_invalid');
  // Hashed before the transaction: it takes a while and needs no lock.
  const passwordHash = await hashPassword(input.password);
  return sql.transaction(async (tx) => {
    const spent = await tx.query<{ owner_id: string }>(
      `UPDATE owner_invitations i SET used_at = $2
       FROM owners o
       WHERE i.code_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2 AND o.id = i.owner_id AND o.revoked_at IS NULL
       RETURNING i.owner_id`,
      [hashInvitationCode(input.code), now],
    );
    if (spent.length === 0) throw new ApiError(400, 'owner_invitation_invalid');
    const ownerId = spent[0].owner_id;
    const [owner] = await tx.query<{ organisation_id: string }>(
      `UPDATE owners SET password_hash = $2, activated_at = COALESCE(activated_at, $3) WHERE id = $1
       RETURNING organisation_id`,
      [ownerId, passwordHash, now],
    );
    await recordAudit(tx, {
      actor: { kind: 'owner', ownerId },
      action: 'owner.invitation_redeemed',
      organisationId: owner.organisation_id,
      detail: {},
      at: now,
    });
    return openSession(tx, ownerId, now);
  });
}

/** The owner signs in no more; every session of theirs and any open invitation end now. */
export async function revokeOwner(sql: Sql, ownerId: string, now: number) {
  return sql.transaction(async (tx) => {
    const rows = isUuid(ownerId)
      ? await tx.query<{ organisation_id: string }>(
          'UPDATE owners SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING organisation_id',
          [ownerId, now],
        )
      : [];
    if (rows.length === 0) throw new ApiError(404, 'owner_unknown');
    const ended = await tx.query(
      'UPDATE owner_sessions SET ended_at = $2 WHERE owner_id = $1 AND ended_at IS NULL RETURNING token_hash',
      [ownerId, now],
    );
    await tx.query('UPDATE owner_invitations SET used_at = $2 WHERE owner_id = $1 AND used_at IS NULL', [ownerId, now]);
    await recordAudit(tx, {
      actor: operator,
      action: 'owner.revoked',
      organisationId: rows[0].organisation_id,
      detail: { ownerId, sessionsEnded: ended.length },
      at: now,
    });
    return { ownerId, revoked: true as const, sessionsEnded: ended.length };
  });
}
