import { randomBytes } from 'node:crypto';
import type { MemberId } from '../../shared/ids';
import {
  encodeMemberCode,
  MEMBER_CODE_LIFETIME_SECONDS,
  memberCodeBytes,
  NONCE_BYTES,
} from '../../shared/members/member-code';
import { memberCeilings } from '../../shared/members/member-limits';
import type { MemberKeyWire } from '../../shared/members/member-wire';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import type { Kek } from '../vouchers/key-sealing';
import { sealPrivateKey } from '../vouchers/key-sealing';
import { type KeyRow, newKeyPair, OPEN_VALID_TO, openKeyRow, seconds, signBytes } from '../vouchers/keys';
import { ensureMemberSettings, readMemberSettings } from './member-settings';
import { reserveMemberVersions } from './member-versions';

/** How long the previous key stays good after a rotation: 10 minutes unless told, at most a week. */
export const memberKeyOverlap = { defaultSeconds: 600, maxSeconds: memberCeilings.memberKeyOverlapSeconds };

/**
 * The member-code signing keys (docs/members.md): Ed25519 like the voucher keys, the private half
 * sealed with the same KEK under its own purpose, so a voucher key never opens as a member key.
 */
async function insertMemberKey(tx: Queryable, kek: Kek, kid: number, nowMs: number): Promise<void> {
  const pair = newKeyPair();
  const version = await reserveMemberVersions(tx, 1);
  await tx.query(
    `INSERT INTO member_keys (kid, private_key_sealed, public_key, valid_from, valid_to, created_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      kid,
      sealPrivateKey(kek, kid, pair.privateKey, 'member'),
      pair.publicKey,
      seconds(nowMs),
      OPEN_VALID_TO,
      nowMs,
      version,
    ],
  );
}

/**
 * The first start writes the brand's member settings and member key 1; every key there is must
 * open with the KEK given, or the platform refuses to start (as with the voucher keys).
 */
export async function ensureMemberSetup(sql: Sql, kek: Kek, nowMs: number): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT version FROM member_counter WHERE id = 1 FOR UPDATE');
    await ensureMemberSettings(tx);
    const rows = await tx.query<KeyRow>('SELECT * FROM member_keys ORDER BY kid');
    if (rows.length === 0) await insertMemberKey(tx, kek, 1, nowMs);
    for (const row of rows) openKeyRow(row, kek, 'member');
  });
}

type PublicKeyRow = Omit<KeyRow, 'private_key_sealed'> & { retired_at: number | null };

export const toMemberKeyWire = (row: PublicKeyRow): MemberKeyWire => ({
  kid: row.kid,
  publicKey: row.public_key,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  retiredAt: row.retired_at,
});

export async function listMemberKeys(db: Queryable): Promise<MemberKeyWire[]> {
  const rows = await db.query<PublicKeyRow>(
    'SELECT kid, public_key, valid_from, valid_to, retired_at FROM member_keys ORDER BY kid',
  );
  return rows.map(toMemberKeyWire);
}

export type MemberKeyRotation = {
  kid: number;
  /** The key that signed until now: good until `previousRetiresAt` (unix seconds), then retired. */
  previous: number | null;
  previousRetiresAt: number | null;
  /** Older keys still believed until now, retired at once: only the current and the previous key are. */
  retired: number[];
};

async function retireKey(tx: Queryable, kid: number, nowSeconds: number, retiresAt: number): Promise<void> {
  const version = await reserveMemberVersions(tx, 1);
  await tx.query(
    'UPDATE member_keys SET valid_to = LEAST(valid_to, $2), retired_at = $3, version = $4 WHERE kid = $1',
    [kid, nowSeconds, retiresAt, version],
  );
}

/**
 * A new member-code key signs from now on (docs/members.md, "Rotating the member-code key"). The
 * previous one signs nothing more and stays good for `overlapSeconds` — codes already on customers'
 * screens, tills that pull late — then retires; any older key still believed retires now. Every
 * change is a new version of the `member_keys` stream, so the tills take the new public key and the
 * retirements on their next pull. An overlap of 0 retires the previous key at once (a leaked key).
 */
export async function rotateMemberKey(
  sql: Sql,
  kek: Kek,
  nowMs: number,
  overlapSeconds: number,
): Promise<MemberKeyRotation> {
  if (!Number.isSafeInteger(overlapSeconds) || overlapSeconds < 0 || overlapSeconds > memberKeyOverlap.maxSeconds) {
    throw new ApiError(400, 'member_key_overlap', { max: memberKeyOverlap.maxSeconds, value: String(overlapSeconds) });
  }
  const now = seconds(nowMs);
  return sql.transaction(async (tx) => {
    await tx.query('SELECT version FROM member_counter WHERE id = 1 FOR UPDATE');
    const [current] = await tx.query<{ kid: number }>('SELECT kid FROM member_keys ORDER BY kid DESC LIMIT 1');
    const older = current
      ? await tx.query<{ kid: number }>(
          'SELECT kid FROM member_keys WHERE kid < $1 AND (retired_at IS NULL OR retired_at > $2) ORDER BY kid',
          [current.kid, now],
        )
      : [];
    for (const key of older) await retireKey(tx, key.kid, now, now);
    if (current) await retireKey(tx, current.kid, now, now + overlapSeconds);
    const kid = (current?.kid ?? 0) + 1;
    await insertMemberKey(tx, kek, kid, nowMs);
    return {
      kid,
      previous: current?.kid ?? null,
      previousRetiresAt: current ? now + overlapSeconds : null,
      retired: older.map((key) => key.kid),
    };
  });
}

/**
 * A fresh member code, as the customer's app would show it: signed by the newest key, living a
 * minute from the platform's clock, with its own nonce.
 */
export async function signMemberCode(
  db: Queryable,
  kek: Kek,
  memberId: MemberId,
  nowMs: number,
): Promise<{ code: string; expires: number }> {
  // The newest key, which a rotation made: the previous one signs nothing after it.
  const [row] = await db.query<KeyRow>('SELECT * FROM member_keys ORDER BY kid DESC LIMIT 1');
  if (!row) throw new Error('the platform has no member signing key');
  const settings = await readMemberSettings(db);
  const issuedAt = seconds(nowMs);
  const claims = {
    kid: row.kid,
    memberId,
    brand: settings.brand,
    issuedAt,
    expires: issuedAt + MEMBER_CODE_LIFETIME_SECONDS,
    nonce: randomBytes(NONCE_BYTES).toString('hex'),
  };
  const signed = memberCodeBytes(claims);
  const signature = signBytes(
    { kid: row.kid, validFrom: row.valid_from, privateKey: openKeyRow(row, kek, 'member') },
    signed,
  );
  return { code: encodeMemberCode(signed, signature), expires: claims.expires * 1000 };
}
