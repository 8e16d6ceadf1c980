import { MemberId } from '../../shared/ids';
import type { MemberAdminView, MemberWire } from '../../shared/members/member-wire';
import { type MobilePhone, maskPhone } from '../../shared/members/phone';
import type { ValueSegment } from '../../shared/members/segments';
import type { Queryable } from '../db/sql';
import { type MemberSettings, phoneHash, storeLookupKey } from './member-settings';

/** A `members` row as read. */
export type MemberRow = {
  id: string;
  phone: string | null;
  name: string | null;
  growth: number;
  tier: number;
  points: number;
  first_visit_at: number | null;
  last_visit_at: number | null;
  consent: boolean;
  consent_at: number | null;
  created_via: MemberAdminView['createdVia'];
  /** The channel of the online order that made the member (migration 0017); null otherwise. */
  created_channel: MemberAdminView['createdChannel'];
  created_online_order_id: string | null;
  created_store_id: string | null;
  created_at: number;
  erased_at: number | null;
  /** From the last scoring run (`member_scores`); null until the member is scored. */
  value_segment: ValueSegment | null;
};

export const MEMBER_COLUMNS = `m.id, m.phone, m.name, m.growth, m.tier, m.points, m.first_visit_at, m.last_visit_at,
  m.consent, m.consent_at, m.created_via, m.created_channel, m.created_online_order_id,
  m.created_store_id, m.created_at, m.erased_at,
  (SELECT sc.value FROM member_scores sc WHERE sc.member_id = m.id) AS value_segment`;

function tierWire(settings: MemberSettings, tierId: number): MemberWire['tier'] {
  const tier = settings.ladder.find((t) => t.id === tierId) ?? settings.ladder[0];
  return { id: tier.id, nameZh: tier.nameZh, nameEn: tier.nameEn };
}

/** The member as one store's tills get it: masked, with the number hashed under that store's key. */
export function toMemberWire(row: MemberRow, settings: MemberSettings, storeId: string): MemberWire {
  const phone = row.phone as MobilePhone | null;
  return {
    id: MemberId.parse(row.id),
    maskedPhone: phone ? maskPhone(phone) : null,
    phoneHash: phone ? phoneHash(storeLookupKey(settings.lookupSecret, storeId), phone) : null,
    name: row.name,
    tier: tierWire(settings, row.tier),
    growth: row.growth,
    points: row.points,
    firstVisitAt: row.first_visit_at,
    lastVisitAt: row.last_visit_at,
    consent: row.consent,
    erased: row.erased_at !== null,
    valueSegment: row.value_segment,
  };
}

export function toAdminView(
  row: MemberRow & { stores: number; orders: number },
  settings: MemberSettings,
): MemberAdminView {
  const { phoneHash: _hash, ...wire } = toMemberWire(row, settings, row.id);
  return {
    ...wire,
    createdVia: row.created_via,
    createdChannel: row.created_channel,
    createdAt: row.created_at,
    consentAt: row.consent_at,
    erasedAt: row.erased_at,
    stores: row.stores,
    orders: row.orders,
  };
}

/** The member row, locked for the rest of the transaction when `lock` (store → member → counter). */
export async function memberById(db: Queryable, id: string, lock = false): Promise<MemberRow | null> {
  if (!MemberId.safeParse(id).success) return null;
  const [row] = await db.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM members m WHERE m.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}

/**
 * Holds a number for the rest of the transaction, whether or not a member has it yet: two requests
 * making a member with one number (an online order at two stores at once) take turns, and the
 * second finds the first's member instead of failing on the unique index.
 */
export async function lockPhone(tx: Queryable, phone: MobilePhone): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('member-phone:' || $1))", [phone]);
}

export async function memberByPhone(db: Queryable, phone: MobilePhone, lock = false): Promise<MemberRow | null> {
  const [row] = await db.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM members m WHERE m.phone = $1${lock ? ' FOR UPDATE' : ''}`,
    [phone],
  );
  return row ?? null;
}

/** Who changed a member: the operator, or a till (its device id). */
export type MemberActor = { kind: 'operator' } | { kind: 'device'; deviceId: string; storeId: string };

/**
 * One entry of the member's audit trail. `detail` never holds the number or the name (an erasure
 * must leave nothing personal behind): it names which fields changed and the figures that moved.
 */
export async function auditMember(
  tx: Queryable,
  entry: { memberId: string; actor: MemberActor; action: string; detail: Record<string, unknown>; at: number },
): Promise<void> {
  const actor = entry.actor.kind === 'operator' ? 'operator' : `device:${entry.actor.deviceId}`;
  const storeId = entry.actor.kind === 'device' ? entry.actor.storeId : null;
  await tx.query(
    'INSERT INTO member_audit (member_id, actor, store_id, action, detail, at) VALUES ($1, $2, $3, $4, $5, $6)',
    [entry.memberId, actor, storeId, entry.action, JSON.stringify(entry.detail), entry.at],
  );
}
