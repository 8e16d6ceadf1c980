import type { MemberCard } from '../../../shared/contract/members';
import { MemberId } from '../../../shared/ids';
import type { Locale } from '../../../shared/locale';
import { cashierHint, recencyPresets } from '../../../shared/members/segments';
import type { MemberRow } from './member-cache';

const DAY_MS = 86_400_000;

/**
 * The recency bands of the cashier's hint. A till does not know its store type yet (the brand's
 * settings will say): the restaurant preset, under which the "sleeping — last visit 94
 * days ago" reads as written.
 */
const hintBands = recencyPresets.restaurant;

/** The checkout's card of a cached member; an id-only member (tier unknown) has no hint. */
export function memberCard(row: MemberRow, checkedOnline: boolean, now: number, locale: Locale): MemberCard {
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
    hint: known && row.erased === 0 ? cashierHint(hintBands, daysSince, null, locale) : null,
    checkedOnline,
  };
}
