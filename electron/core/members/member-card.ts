import type { MemberCard } from '../../../shared/contract/members';
import { MemberId } from '../../../shared/ids';
import type { Locale } from '../../../shared/locale';
import { cashierHint, type RecencyBands, recencyPresets } from '../../../shared/members/segments';
import type { MemberRow } from './member-cache';

const DAY_MS = 86_400_000;

/**
 * The recency bands of the cashier's hint until the operator sets the store's type (the platform's
 * `member_policy` then carries its bands): the restaurant preset, under which the issue's
 * "sleeping — last visit 94 days ago" reads as written.
 */
const defaultBands = recencyPresets.restaurant;

/**
 * The checkout's card of a cached member; an id-only member (tier unknown) has no hint. The hint
 * names the value segment once the platform has scored the member.
 */
export function memberCard(
  row: MemberRow,
  checkedOnline: boolean,
  now: number,
  locale: Locale,
  bands: RecencyBands | null,
): MemberCard {
  const known = row.tier_id !== null;
  const daysSince = row.last_visit_at === null ? null : Math.max(0, Math.floor((now - row.last_visit_at) / DAY_MS));
  return {
    id: MemberId.parse(row.id),
    maskedPhone: row.masked_phone,
    name: row.name,
    tier:
      row.tier_id === null ? null : { id: row.tier_id, name: { en: row.tier_en ?? '', 'zh-CN': row.tier_zh ?? '' } },
    growth: row.growth,
    points: row.points,
    lastVisitAt: row.last_visit_at,
    hint: known && row.erased === 0 ? cashierHint(bands ?? defaultBands, daysSince, row.value_segment, locale) : null,
    checkedOnline,
  };
}
