import { uuidv7 } from '../../shared/ids';
import { judgeMemberCode, MEMBER_CODE_CLOCK_SKEW_SECONDS } from '../../shared/members/member-code';
import type { MemberAdminView, MemberWire } from '../../shared/members/member-wire';
import { type MobilePhone, parseMobilePhone } from '../../shared/members/phone';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import type { SignedDevice } from '../server/device-auth';
import { seconds, verifyEd25519 } from '../vouchers/keys';
import { listMemberKeys } from './member-keys';
import {
  auditMember,
  lockPhone,
  MEMBER_COLUMNS,
  type MemberActor,
  type MemberRow,
  memberById,
  memberByPhone,
  toAdminView,
  toMemberWire,
} from './member-records';
import { readMemberSettings, tierOf } from './member-settings';
import { markSeen, republishMember } from './member-versions';

/** A typed number as the till reads it, or the same refusal the till gives. */
export function phoneOrRefuse(text: string): MobilePhone {
  const parsed = parseMobilePhone(text);
  if (!parsed.ok) throw new ApiError(400, `member_${parsed.reason}`);
  return parsed.phone;
}

const deviceActor = (device: SignedDevice): MemberActor => ({ kind: 'device', ...device });

/** The member is now seen at the device's store (its tills keep them for offline), and the till gets them. */
async function seenBy(
  tx: Queryable,
  device: SignedDevice,
  member: MemberRow,
  via: string,
  now: number,
): Promise<MemberWire> {
  await markSeen(tx, device.storeId, member.id, now);
  await auditMember(tx, {
    memberId: member.id,
    actor: deviceActor(device),
    action: 'member.seen',
    detail: { via },
    at: now,
  });
  return toMemberWire(member, await readMemberSettings(tx), device.storeId);
}

/** `POST /v1/members/lookup`: by number; an erased member has no number and is never found. */
export async function lookupMember(
  sql: Sql,
  device: SignedDevice,
  phoneText: string,
  now: number,
): Promise<MemberWire> {
  const phone = phoneOrRefuse(phoneText);
  return sql.transaction(async (tx) => {
    const member = await memberByPhone(tx, phone, true);
    if (!member) throw new ApiError(404, 'member_unknown');
    return seenBy(tx, device, member, 'lookup', now);
  });
}

/**
 * `POST /v1/members/identify`: the platform judges a scanned code as a till does offline, by its
 * own clock, and one showing is good at one till only: the same code from a second device is a
 * copy (`member_code_replayed`), while the till that scanned it may ask again.
 */
export async function identifyMember(sql: Sql, device: SignedDevice, code: string, now: number): Promise<MemberWire> {
  const [keys, settings] = await Promise.all([listMemberKeys(sql), readMemberSettings(sql)]);
  const verdict = judgeMemberCode(code, {
    keys: new Map(keys.map((key) => [key.kid, key])),
    now: seconds(now),
    brand: settings.brand,
    verify: verifyEd25519,
  });
  if (!verdict.ok)
    throw new ApiError(verdict.reason === 'not_a_member_code' ? 400 : 409, `member_code_${verdict.reason}`);
  const { claims } = verdict;
  return sql.transaction(async (tx) => {
    const member = await memberById(tx, claims.memberId, true);
    if (!member) throw new ApiError(404, 'member_unknown');
    if (member.erased_at !== null) throw new ApiError(409, 'member_erased');
    const keepUntil = (claims.expires + MEMBER_CODE_CLOCK_SKEW_SECONDS) * 1000;
    await tx.query(
      `INSERT INTO member_code_uses (nonce, member_id, device_id, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (nonce) DO NOTHING`,
      [`${claims.kid}:${claims.nonce}`, member.id, device.deviceId, keepUntil],
    );
    const [use] = await tx.query<{ device_id: string }>('SELECT device_id FROM member_code_uses WHERE nonce = $1', [
      `${claims.kid}:${claims.nonce}`,
    ]);
    if (use.device_id !== device.deviceId) throw new ApiError(409, 'member_code_replayed');
    return seenBy(tx, device, member, 'code', now);
  });
}

/** Codes that can no longer be believed anywhere need not be remembered. */
export async function pruneMemberCodeUses(sql: Sql, now: number): Promise<void> {
  await sql.query('DELETE FROM member_code_uses WHERE expires_at < $1', [now]);
}

/** Inserts a member with the first tier; the caller has checked the number is free (and holds it). */
export async function insertMember(
  tx: Queryable,
  member: {
    phone: MobilePhone;
    name: string | null;
    consent: boolean;
    via: MemberAdminView['createdVia'];
    storeId: string | null;
    /** The online order that makes the member: its channel is kept, and its time is their first visit. */
    onlineOrder?: { id: string; channel: NonNullable<MemberAdminView['createdChannel']> };
  },
  actor: MemberActor,
  now: number,
): Promise<MemberRow> {
  const settings = await readMemberSettings(tx);
  const id = uuidv7(now);
  const online = member.onlineOrder ?? null;
  await tx.query(
    `INSERT INTO members (id, phone, name, tier, consent, consent_at, created_via, created_store_id, created_at,
       created_channel, created_online_order_id, first_visit_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      id,
      member.phone,
      member.name,
      tierOf(settings, 0).id,
      member.consent,
      member.consent ? now : null,
      member.via,
      member.storeId,
      now,
      online?.channel ?? null,
      online?.id ?? null,
      online ? now : null,
    ],
  );
  await auditMember(tx, {
    memberId: id,
    actor,
    action: 'member.created',
    detail: {
      via: member.via,
      name: member.name !== null,
      consent: member.consent,
      ...(online ? { onlineOrderId: online.id, channel: online.channel } : {}),
    },
    at: now,
  });
  const row = await memberById(tx, id);
  if (!row) throw new Error('member vanished inside its own transaction');
  return row;
}

/** Admin: a member made on the platform (the operator, for a customer who asked there). */
export async function createMember(
  sql: Sql,
  input: { phone: string; name: string | null; consent: boolean },
  now: number,
): Promise<MemberAdminView> {
  const phone = phoneOrRefuse(input.phone);
  const id = await sql.transaction(async (tx) => {
    await lockPhone(tx, phone);
    if (await memberByPhone(tx, phone, true)) throw new ApiError(409, 'member_exists');
    const row = await insertMember(
      tx,
      { phone, name: input.name || null, consent: input.consent, via: 'platform', storeId: null },
      { kind: 'operator' },
      now,
    );
    return row.id;
  });
  return showMember(sql, id);
}

type ViewRow = MemberRow & { stores: number; orders: number };

const VIEW = `SELECT ${MEMBER_COLUMNS},
    (SELECT count(*)::int FROM store_members sm WHERE sm.member_id = m.id) AS stores,
    (SELECT count(*)::int FROM member_orders mo WHERE mo.member_id = m.id) AS orders
  FROM members m`;

export async function showMember(db: Queryable, id: string): Promise<MemberAdminView> {
  const [row] = (await memberById(db, id)) ? await db.query<ViewRow>(`${VIEW} WHERE m.id = $1`, [id]) : [];
  if (!row) throw new ApiError(404, 'member_unknown');
  return toAdminView(row, await readMemberSettings(db));
}

/** Admin: newest first, or the one member with a number. */
export async function listMembers(db: Queryable, query: { phone?: string; limit: number }): Promise<MemberAdminView[]> {
  const settings = await readMemberSettings(db);
  const rows = query.phone
    ? await db.query<ViewRow>(`${VIEW} WHERE m.phone = $1`, [phoneOrRefuse(query.phone)])
    : await db.query<ViewRow>(`${VIEW} ORDER BY m.id DESC LIMIT $1`, [query.limit]);
  return rows.map((row) => toAdminView(row, settings));
}

/**
 * Erasure on request (PIPL): the number, name and consent go, from the member, their pending
 * enrolments and unsent messages; the id, tier, growth and order links stay, anonymised. Every
 * store that has seen them is sent the erased member, so its tills forget them too. Erasing again
 * changes nothing.
 */
export async function eraseMember(sql: Sql, id: string, now: number): Promise<MemberAdminView> {
  await sql.transaction(async (tx) => {
    const member = await memberById(tx, id, true);
    if (!member) throw new ApiError(404, 'member_unknown');
    if (member.erased_at !== null) return;
    await tx.query('DELETE FROM member_messages WHERE phone = $1', [member.phone]);
    await tx.query('UPDATE member_enrolments SET phone = NULL, name = NULL WHERE phone = $1 OR member_id = $2', [
      member.phone,
      id,
    ]);
    await tx.query(
      'UPDATE members SET phone = NULL, name = NULL, consent = false, consent_at = NULL, erased_at = $2 WHERE id = $1',
      [id, now],
    );
    await republishMember(tx, id);
    await auditMember(tx, { memberId: id, actor: { kind: 'operator' }, action: 'member.erased', detail: {}, at: now });
  });
  return showMember(sql, id);
}
