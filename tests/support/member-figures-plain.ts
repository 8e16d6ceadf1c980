import type { Queryable } from '../../platform/db/sql';
import type { MemberReport } from '../../shared/members/segment-wire';
import { type RecencyBands, type RfmScore, recencyBand, rfmScores } from '../../shared/members/segments';

const DAY_MS = 86_400_000;
const WINDOW_MS = 365 * DAY_MS;

/** Every member sale and member as stored, read once; the plain computations below use nothing else. */
export type RawHistory = {
  sales: { store: string; member: string; paidAt: number; total: number; day: string; id: string }[];
  lastVisit: Map<string, number | null>;
  storeSales: { store: string; total: number; day: string; id: string }[];
  refunds: { store: string; order: string; amount: number; at: number }[];
};

/** What a sale comes to after its refunds made up to `asOf` (whatever their day): never below 0. */
export function netOfRefunds(
  raw: RawHistory,
  asOf = Number.MAX_SAFE_INTEGER,
): (sale: { store: string; id: string; total: number }) => number {
  const refunded = new Map<string, number>();
  for (const r of raw.refunds) {
    if (r.at > asOf) continue;
    const key = `${r.store}:${r.order}`;
    refunded.set(key, (refunded.get(key) ?? 0) + r.amount);
  }
  return (sale) => Math.max(0, sale.total - (refunded.get(`${sale.store}:${sale.id}`) ?? 0));
}

export async function readRawHistory(db: Queryable): Promise<RawHistory> {
  const sales = await db.query<RawHistory['sales'][number]>(
    `SELECT store_id AS store, member_id AS member, paid_at AS "paidAt", total, business_day::text AS day, order_id AS id
     FROM member_orders`,
  );
  const members = await db.query<{ id: string; last: number | null }>('SELECT id, last_visit_at AS last FROM members');
  const storeSales = await db.query<RawHistory['storeSales'][number]>(
    'SELECT store_id AS store, total, business_day::text AS day, id FROM orders',
  );
  const refunds = await db.query<RawHistory['refunds'][number]>(
    'SELECT store_id AS store, order_id AS order, amount, refunded_at AS at FROM refunds',
  );
  return { sales, lastVisit: new Map(members.map((m) => [m.id, m.last])), storeSales, refunds };
}

/** Each member's RFM by shared/members/segments.ts over plain aggregates of the raw sales. */
export function plainScores(raw: RawHistory, asOf: number): Map<string, RfmScore> {
  const byMember = new Map<string, { last: number; orders: number; spend: number }>();
  const net = netOfRefunds(raw, asOf);
  for (const sale of raw.sales) {
    if (sale.paidAt > asOf) continue;
    const a = byMember.get(sale.member) ?? { last: sale.paidAt, orders: 0, spend: 0 };
    a.last = Math.max(a.last, sale.paidAt);
    if (sale.paidAt > asOf - WINDOW_MS) {
      a.orders += 1;
      a.spend += net(sale);
    }
    byMember.set(sale.member, a);
  }
  return rfmScores(
    [...byMember].map(([memberId, a]) => ({
      memberId,
      daysSinceLastVisit: Math.floor((asOf - a.last) / DAY_MS),
      orders: a.orders,
      spend: a.spend,
    })),
  );
}

const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/** The store's member report computed row by row from the raw history and the scores as stored. */
export function plainReport(
  raw: RawHistory,
  store: string,
  span: { firstDay: string; lastDay: string },
  asOf: number,
  bands: RecencyBands,
  scores: Map<string, RfmScore['value']>,
  cohortFirstMonth: number,
): Pick<MemberReport, 'grid' | 'unscored' | 'period' | 'cohorts'> {
  const net = netOfRefunds(raw);
  const here = raw.sales.filter((s) => s.store === store);
  const inSpan = here.filter((s) => s.day >= span.firstDay && s.day <= span.lastDay);
  const base = new Map<string, number>();
  for (const s of here) {
    if (s.day > span.lastDay) continue;
    base.set(s.member, (base.get(s.member) ?? 0) + (s.day >= span.firstDay ? net(s) : 0));
  }
  const grid = (['high', 'mid', 'low'] as const).flatMap((value) =>
    (['active', 'sleeping', 'churned', 'lost'] as const).map((band) => ({ value, band, members: 0, sales: 0 })),
  );
  const unscored = { members: 0, sales: 0 };
  for (const [member, sales] of base) {
    const last = raw.lastVisit.get(member) ?? asOf;
    const band = recencyBand(bands, Math.max(0, Math.floor((asOf - last) / DAY_MS)));
    const value = scores.get(member);
    const cell = value ? grid.find((c) => c.value === value && c.band === band) : unscored;
    if (!cell) throw new Error('no cell');
    cell.members += 1;
    cell.sales += sales;
  }
  const firstDay = new Map<string, string>();
  for (const s of raw.sales)
    if (!firstDay.has(s.member) || s.day < (firstDay.get(s.member) ?? '')) firstDay.set(s.member, s.day);
  const orders = new Map<string, number>();
  for (const s of inSpan) orders.set(s.member, (orders.get(s.member) ?? 0) + 1);
  const members = [...orders.keys()];
  const newMembers = members.filter((m) => (firstDay.get(m) ?? '') >= span.firstDay).length;
  const storeInSpan = raw.storeSales.filter(
    (s) => s.store === store && s.day >= span.firstDay && s.day <= span.lastDay,
  );
  const period = {
    members: members.length,
    newMembers,
    returningMembers: members.length - newMembers,
    repeatMembers: [...orders.values()].filter((n) => n >= 2).length,
    memberOrders: inSpan.length,
    memberSales: inSpan.reduce((sum, s) => sum + net(s), 0),
    storeOrders: storeInSpan.length,
    storeSales: storeInSpan.reduce((sum, s) => sum + net(s), 0),
  };
  const lastMonth = monthIndex(span.lastDay);
  const monthsHere = new Map<string, Set<number>>();
  for (const s of here) {
    if (s.day > span.lastDay || monthIndex(s.day) < cohortFirstMonth) continue;
    const set = monthsHere.get(s.member) ?? new Set<number>();
    set.add(monthIndex(s.day));
    monthsHere.set(s.member, set);
  }
  const cohorts = [];
  for (let month = cohortFirstMonth; month <= lastMonth; month++) {
    const cohort = [...monthsHere].filter(([m, set]) => monthIndex(firstDay.get(m) ?? '') === month && set.has(month));
    cohorts.push({
      month: `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`,
      members: cohort.length,
      retained: [1, 2, 3, 4, 5, 6].map((k) =>
        month + k > lastMonth ? null : cohort.filter(([, set]) => set.has(month + k)).length,
      ),
    });
  }
  return { grid, unscored, period, cohorts };
}
