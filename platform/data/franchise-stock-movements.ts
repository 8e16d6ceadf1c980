import { wallClock } from '../../shared/business-day';
import { FRANCHISE_SPAN_MAX_DAYS } from '../../shared/platform-api/franchise';
import type { StockMovementLine, StockMovements } from '../../shared/platform-api/franchise-stock';
import { addDays, spanProblem } from '../../shared/reports/periods';
import type { StockKind } from '../../shared/sync/stock-sync';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';
import type { StoreInfo } from './stores';

/** The instant a calendar day starts in a zone (its local midnight), across DST changes. */
export function dayStart(day: string, timeZone: string): number {
  const asUtc = Date.parse(`${day}T00:00:00Z`);
  let start = asUtc - (wallClock(asUtc, timeZone).utc - asUtc);
  // The offset at the guess may differ from the offset at midnight itself; once more settles it.
  start = asUtc - (wallClock(start, timeZone).utc - start);
  return start;
}

/** The span asked, as instants in the store's zone: from the first day's start to the last day's end. */
function spanOf(from: string | undefined, to: string | undefined, timeZone: string) {
  const first = from?.trim() || undefined;
  const last = to?.trim() || undefined;
  const problem = spanProblem(
    { from: first ?? last ?? '2000-01-01', to: last ?? first ?? '2000-01-01' },
    FRANCHISE_SPAN_MAX_DAYS,
  );
  if (problem?.kind === 'not_a_day') throw new ApiError(400, 'day_invalid');
  if (problem) throw new ApiError(400, 'range_invalid', { max: FRANCHISE_SPAN_MAX_DAYS });
  return {
    start: first ? dayStart(first, timeZone) : null,
    end: last ? dayStart(addDays(last, 1), timeZone) : null,
  };
}

type MovementRow = {
  id: string;
  sku: string;
  kind: StockKind;
  quantity: number;
  moved_at: number;
  note: string | null;
  device_name: string | null;
  staff_name: string | null;
  reference: string | null;
};

function toLine(row: MovementRow): StockMovementLine {
  return {
    id: row.id,
    sku: row.sku,
    kind: row.kind,
    quantity: Number(row.quantity),
    at: Number(row.moved_at),
    note: row.note,
    device: row.device_name,
    staffName: row.staff_name,
    reference: row.reference,
  };
}

export type MovementAsk = { sku?: string; from?: string; to?: string; before?: string; limit: number };

/** One store's ledger, newest first, a page at a time: who (the till, and the staff where it said) and when. */
export async function storeMovements(db: Queryable, store: StoreInfo, ask: MovementAsk): Promise<StockMovements> {
  const span = spanOf(ask.from, ask.to, store.timeZone);
  const [beforeAt, beforeId] = ask.before ? ask.before.split('.') : [null, null];
  const rows = await db.query<MovementRow>(
    `SELECT m.id, m.sku, m.kind, m.quantity, m.moved_at, m.note, d.name AS device_name, m.staff_name, m.reference
     FROM stock_movements m LEFT JOIN devices d ON d.id = m.device_id AND d.store_id = m.store_id
     WHERE m.store_id = $1 AND ($2::text IS NULL OR m.sku = $2)
       AND ($3::bigint IS NULL OR m.moved_at >= $3) AND ($4::bigint IS NULL OR m.moved_at < $4)
       AND ($5::bigint IS NULL OR (m.moved_at, m.id) < ($5::bigint, $6::uuid))
     ORDER BY m.moved_at DESC, m.id DESC LIMIT $7`,
    [
      store.storeId,
      ask.sku?.trim() || null,
      span.start,
      span.end,
      beforeAt === null ? null : Number(beforeAt),
      beforeId,
      ask.limit + 1,
    ],
  );
  const page = rows.slice(0, ask.limit).map(toLine);
  const last = page.at(-1);
  return {
    storeId: store.storeId,
    name: store.name,
    timeZone: store.timeZone,
    movements: page,
    next: rows.length > ask.limit && last ? `${last.at}.${last.id}` : null,
  };
}
