import { createHmac } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { MemberSigningKey } from '../../../shared/members/member-code';
import type { MemberKeyWire, MemberPolicy, MemberWire } from '../../../shared/members/member-wire';
import type { MobilePhone } from '../../../shared/members/phone';
import { RecencyBands, type ValueSegment } from '../../../shared/members/segments';
import { namedStatements } from '../db/open-database';

/**
 * The members this store has seen, the member-code keys and the store's member policy, as the
 * platform sent them (migration 0012). Every write is an upsert by id, from a pulled page or from
 * the platform's answer at the counter; an erased member arrives with its personal fields null and
 * overwrites them here.
 */
const statements = namedStatements({
  // A number moves between members only through an erasure; the cache takes the newer word.
  releaseHash: 'UPDATE members SET phone_hash = NULL WHERE phone_hash = @phoneHash AND id <> @id',
  upsert: `INSERT INTO members (id, masked_phone, phone_hash, name, tier_id, tier_zh, tier_en, growth, points,
      first_visit_at, last_visit_at, consent, erased, value_segment, updated_at)
    VALUES (@id, @maskedPhone, @phoneHash, @name, @tierId, @tierZh, @tierEn, @growth, @points,
      @firstVisitAt, @lastVisitAt, @consent, @erased, @valueSegment, @now)
    ON CONFLICT (id) DO UPDATE SET masked_phone = excluded.masked_phone, phone_hash = excluded.phone_hash,
      name = excluded.name, tier_id = excluded.tier_id, tier_zh = excluded.tier_zh, tier_en = excluded.tier_en,
      growth = excluded.growth, points = excluded.points, first_visit_at = excluded.first_visit_at,
      last_visit_at = excluded.last_visit_at, consent = excluded.consent, erased = excluded.erased,
      value_segment = excluded.value_segment, updated_at = excluded.updated_at`,
  byId: 'SELECT * FROM members WHERE id = ?',
  insertKnownById: `INSERT INTO members (id, consent, erased, updated_at) VALUES (?, 0, 0, ?) ON CONFLICT (id) DO NOTHING`,
  byHash: 'SELECT * FROM members WHERE phone_hash = ?',
  upsertKey: `INSERT INTO member_keys (kid, public_key, valid_from, valid_to, retired_at)
    VALUES (@kid, @publicKey, @validFrom, @validTo, @retiredAt)
    ON CONFLICT (kid) DO UPDATE SET public_key = excluded.public_key, valid_from = excluded.valid_from,
      valid_to = excluded.valid_to, retired_at = excluded.retired_at`,
  keys: 'SELECT kid, public_key, valid_from, valid_to, retired_at FROM member_keys',
  upsertPolicy: `INSERT INTO member_policy (id, brand, lookup_key, recency_bands, updated_at)
    VALUES (1, @brand, @lookupKey, @recencyBands, @now)
    ON CONFLICT (id) DO UPDATE SET brand = excluded.brand, lookup_key = excluded.lookup_key,
      recency_bands = excluded.recency_bands, updated_at = excluded.updated_at`,
  policy: 'SELECT brand, lookup_key, recency_bands FROM member_policy WHERE id = 1',
  forgetMembers: 'DELETE FROM members',
  forgetKeys: 'DELETE FROM member_keys',
  forgetPolicy: 'DELETE FROM member_policy',
});

export type MemberRow = {
  id: string;
  masked_phone: string | null;
  phone_hash: string | null;
  name: string | null;
  tier_id: number | null;
  tier_zh: string | null;
  tier_en: string | null;
  growth: number | null;
  points: number | null;
  first_visit_at: number | null;
  last_visit_at: number | null;
  consent: number;
  erased: number;
  value_segment: ValueSegment | null;
};

export function cacheMember(db: Database, member: MemberWire, now: number): void {
  const q = statements(db);
  if (member.phoneHash) q.releaseHash.run({ phoneHash: member.phoneHash, id: member.id });
  q.upsert.run({
    id: member.id,
    maskedPhone: member.maskedPhone,
    phoneHash: member.phoneHash,
    name: member.name,
    tierId: member.tier.id,
    tierZh: member.tier.nameZh,
    tierEn: member.tier.nameEn,
    growth: member.growth,
    points: member.points,
    firstVisitAt: member.firstVisitAt,
    lastVisitAt: member.lastVisitAt,
    consent: member.consent ? 1 : 0,
    erased: member.erased ? 1 : 0,
    valueSegment: member.valueSegment,
    now,
  });
}

/** A member a genuine code named, kept by id until the platform sends the rest. */
export function cacheMemberById(db: Database, id: string, now: number): MemberRow {
  statements(db).insertKnownById.run(id, now);
  const row = cachedMember(db, id);
  if (!row) throw new Error('member vanished inside its own transaction');
  return row;
}

export function cachedMember(db: Database, id: string): MemberRow | null {
  return (statements(db).byId.get(id) as MemberRow | undefined) ?? null;
}

/** The member with this number among those cached, by its keyed hash; null without a policy yet. */
export function cachedMemberByPhone(db: Database, phone: MobilePhone): MemberRow | null {
  const policy = memberPolicy(db);
  if (!policy) return null;
  const hash = createHmac('sha256', Buffer.from(policy.lookupKey, 'base64url')).update(phone).digest('hex');
  return (statements(db).byHash.get(hash) as MemberRow | undefined) ?? null;
}

export function cacheMemberKey(db: Database, key: MemberKeyWire): void {
  statements(db).upsertKey.run(key);
}

type KeyRow = { kid: number; public_key: string; valid_from: number; valid_to: number; retired_at: number | null };

const rowToMemberKey = (row: KeyRow): MemberSigningKey => ({
  kid: row.kid,
  publicKey: row.public_key,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  retiredAt: row.retired_at,
});

/** The keys as pulled, retired ones with them: a code of a retired key is refused by name, not as unknown. */
export function memberKeys(db: Database): Map<number, MemberSigningKey> {
  const rows = statements(db).keys.all() as KeyRow[];
  return new Map(rows.map((row) => [row.kid, rowToMemberKey(row)]));
}

export function cacheMemberPolicy(db: Database, policy: MemberPolicy, now: number): void {
  const recencyBands = policy.recencyBands === null ? null : JSON.stringify(policy.recencyBands);
  statements(db).upsertPolicy.run({ brand: policy.brand, lookupKey: policy.lookupKey, recencyBands, now });
}

type PolicyRow = { brand: number; lookup_key: string; recency_bands: string | null };

export function memberPolicy(db: Database): MemberPolicy | null {
  const row = statements(db).policy.get() as PolicyRow | undefined;
  if (!row) return null;
  const bands = row.recency_bands === null ? null : RecencyBands.safeParse(JSON.parse(row.recency_bands));
  return { brand: row.brand, lookupKey: row.lookup_key, recencyBands: bands?.success ? bands.data : null };
}

/** A till unpaired from its platform keeps no member's data, nor the keys it would believe codes by. */
export const forgetMembers = (db: Database) => statements(db).forgetMembers.run();
export const forgetMemberKeys = (db: Database) => statements(db).forgetKeys.run();
export const forgetMemberPolicy = (db: Database) => statements(db).forgetPolicy.run();
