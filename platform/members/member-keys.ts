import { randomBytes } from 'node:crypto';
import type { MemberId } from '../../shared/ids';
import {
  encodeMemberCode,
  MEMBER_CODE_LIFETIME_SECONDS,
  memberCodeBytes,
  NONCE_BYTES,
} from '../../shared/members/member-code';
import type { MemberKeyWire } from '../../shared/members/member-wire';
import type { Queryable, Sql } from '../db/sql';
import type { Kek } from '../vouchers/key-sealing';
import { sealPrivateKey } from '../vouchers/key-sealing';
import { type KeyRow, newKeyPair, OPEN_VALID_TO, openKeyRow, seconds, signBytes } from '../vouchers/keys';
import { ensureMemberSettings, readMemberSettings } from './member-settings';
import { reserveMemberVersions } from './member-versions';

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

export async function listMemberKeys(db: Queryable): Promise<MemberKeyWire[]> {
  const rows = await db.query<Omit<KeyRow, 'private_key_sealed'>>(
    'SELECT kid, public_key, valid_from, valid_to FROM member_keys ORDER BY kid',
  );
  return rows.map((row) => ({
    kid: row.kid,
    publicKey: row.public_key,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  }));
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
