import { MemberPolicy } from '../../shared/members/member-wire';
import type { RecencyBands } from '../../shared/members/segments';
import { toMemberKeyWire } from '../members/member-keys';
import { MEMBER_COLUMNS, type MemberRow, toMemberWire } from '../members/member-records';
import { memberPolicyFor, type SettingsRow, settingsOf } from '../members/member-settings';
import type { PlatformDomain } from './platform-domain';

type Versioned = { version: number };
type KeyRow = {
  kid: number;
  public_key: string;
  valid_from: number;
  valid_to: number;
  retired_at: number | null;
} & Versioned;
type StoreMemberRow = MemberRow & SettingsRow & Versioned & { store_id: string };
type PolicyRow = SettingsRow &
  Versioned & {
    store_id: string;
    active_days: number | null;
    sleeping_days: number | null;
    churned_days: number | null;
  };

/** A store's recency bands (migration 0011), once the operator has set them. */
function bandsOf(row: PolicyRow): RecencyBands | null {
  if (row.active_days === null || row.sleeping_days === null || row.churned_days === null) return null;
  return { activeDays: row.active_days, sleepingDays: row.sleeping_days, churnedDays: row.churned_days };
}

/**
 * The member streams share the brand-wide member counter (migration 0006). A store reads the
 * members it has seen, each hashed under its own lookup key, so the settings ride along with
 * every row: `change` cannot read the database.
 */
export const memberDomain: PlatformDomain<'members' | 'member_keys' | 'member_policy', never> = {
  streams: {
    members: {
      query: `SELECT ${MEMBER_COLUMNS}, sm.store_id, sm.version, s.brand, s.ladder, s.growth_rule, s.lookup_secret
           FROM store_members sm JOIN members m ON m.id = sm.member_id CROSS JOIN member_settings s
           WHERE sm.store_id = $1 AND sm.version > $2 ORDER BY sm.version LIMIT $3`,
      head: '(SELECT COALESCE(max(version), 0) FROM store_members WHERE store_id = $1)',
      change: (row: StoreMemberRow) => ({
        id: row.id,
        version: String(row.version),
        data: toMemberWire(row, settingsOf(row), row.store_id),
      }),
    },
    member_keys: {
      query: `SELECT kid, public_key, valid_from, valid_to, retired_at, version FROM member_keys
           WHERE version > $2 AND $1::uuid IS NOT NULL ORDER BY version LIMIT $3`,
      head: '(SELECT COALESCE(max(version), 0) FROM member_keys)',
      change: (row: KeyRow) => ({
        id: String(row.kid),
        version: String(row.version),
        data: toMemberKeyWire(row),
      }),
    },
    member_policy: {
      // One row per store: the brand's settings with the store's bands, at the later of their versions.
      query: `SELECT * FROM (SELECT s.brand, s.ladder, s.growth_rule, s.lookup_secret, $1::uuid AS store_id,
             b.active_days, b.sleeping_days, b.churned_days, GREATEST(s.version, COALESCE(b.version, 0)) AS version
           FROM member_settings s LEFT JOIN store_segment_settings b ON b.store_id = $1::uuid) p
           WHERE version > $2 ORDER BY version LIMIT $3`,
      head: `(SELECT GREATEST((SELECT COALESCE(max(version), 0) FROM member_settings),
        COALESCE((SELECT version FROM store_segment_settings WHERE store_id = $1), 0)))`,
      change: (row: PolicyRow) => ({
        id: 'store',
        version: String(row.version),
        data: MemberPolicy.parse(memberPolicyFor(settingsOf(row), row.store_id, bandsOf(row))),
      }),
    },
  },
  mutations: {},
};
