import { addDays } from '../../../shared/reports/periods';
import type { SpanBounds } from './range-sums';

/**
 * A span's orders as the queries read them, in parts: its whole days by the day index, a cut last
 * day between two moments (from its start, or from the start of the cut's own hour when its closed
 * hours are read apart), and one clock hour of a day. Kept apart, not joined by OR: with an OR
 * SQLite gives up the day range on a join and reads every order before the span's end.
 */
export const spanWhere = {
  whole: 'o.business_day BETWEEN @from AND @lastWhole',
  cut: 'o.business_day = @to AND o.paid_at BETWEEN @since AND @until',
  hour: 'o.business_day = @to AND o.hour = @hour',
} as const;
export type SpanPart = keyof typeof spanWhere;

/** The same part's days alone, for a table that keeps its own business day (discounts). */
export const spanDays: Record<SpanPart, string> = {
  whole: 'BETWEEN @from AND @lastWhole',
  cut: '= @to',
  hour: '= @to',
};

/** The parts a span has, with their parameters (`from` in both, for queries that need the start). */
export function spanParts(bounds: SpanBounds): { part: SpanPart; params: Record<string, string | number> }[] {
  if (bounds.hour !== undefined)
    return [{ part: 'hour', params: { from: bounds.to, to: bounds.to, hour: bounds.hour } }];
  if (bounds.until === null) return [{ part: 'whole', params: { from: bounds.from, lastWhole: bounds.to } }];
  const parts: { part: SpanPart; params: Record<string, string | number> }[] = [
    { part: 'cut', params: { from: bounds.from, to: bounds.to, since: bounds.since ?? 0, until: bounds.until } },
  ];
  if (bounds.from < bounds.to)
    parts.push({ part: 'whole', params: { from: bounds.from, lastWhole: addDays(bounds.to, -1) } });
  return parts;
}

/**
 * The same statement for each part of a span, named `${name}.${part}`: `where` limits orders `o`,
 * `days` is the condition on another table's business day for the same part.
 */
export function perPart<N extends string>(
  sql: Record<N, (where: string, days: string) => string>,
): Record<`${N}.${SpanPart}`, string> {
  return Object.fromEntries(
    Object.entries<(where: string, days: string) => string>(sql).flatMap(([name, text]) =>
      (Object.keys(spanWhere) as SpanPart[]).map((part) => [`${name}.${part}`, text(spanWhere[part], spanDays[part])]),
    ),
  ) as Record<`${N}.${SpanPart}`, string>;
}
