import type { Database } from 'better-sqlite3';
import type { ItemRow, ItemsReport, ReportRequest } from '../../../shared/contract/sales-report';
import type { StoreInfo } from '../../../shared/contract/store';
import type { Money } from '../../../shared/money';
import { namedStatements } from '../db/open-database';
import { type BuiltDay, factsOf } from './day-facts';
import type { LineSums } from './range-lines';
import { boundsOf, reportSpans } from './report-spans';

type NameRow = { id: string; name_zh: string; name_en: string; unit: 'each' | 'kg' | null };

const statements = namedStatements({
  product: 'SELECT id, name_zh, name_en, unit FROM products',
  category: 'SELECT id, name_zh, name_en, NULL AS unit FROM categories',
});

function rowToItem(sums: LineSums, name: NameRow | undefined, earlierNet: number | null): ItemRow {
  return {
    id: sums.key,
    nameZh: name?.name_zh ?? sums.key,
    nameEn: name?.name_en ?? sums.key,
    quantity: sums.quantity,
    unit: name?.unit ?? null,
    orders: sums.orders,
    gross: sums.gross as Money,
    discount: sums.discount as Money,
    net: sums.net as Money,
    costedNet: sums.costedNet as Money,
    cost: sums.cost as Money,
    earlierNet: earlierNet as Money | null,
  };
}

/**
 * What the period sold of each product and category, biggest first; each with its net in the
 * earlier span when compared (a product sold only then has nothing now, so it is not listed).
 */
export function itemsReport(
  db: Database,
  request: ReportRequest,
  store: StoreInfo,
  now: number,
  built?: (day: BuiltDay) => void,
): ItemsReport {
  const { span, compared } = reportSpans(request, store, now);
  const current = span ? factsOf(db, boundsOf(span, store), 'items', store, built) : null;
  const before = compared ? factsOf(db, boundsOf(compared, store), 'items', store, built) : null;
  const rows = (group: 'product' | 'category'): ItemRow[] => {
    if (!current) return [];
    const names = new Map((statements(db)[group].all() as NameRow[]).map((row) => [row.id, row]));
    const pick = group === 'product' ? 'products' : 'categories';
    const earlier = before ? new Map(before[pick].map((row) => [row.key, row.net])) : null;
    return current[pick]
      .map((sums) => rowToItem(sums, names.get(sums.key), earlier ? (earlier.get(sums.key) ?? 0) : null))
      .sort((a, b) => b.net - a.net || a.id.localeCompare(b.id));
  };
  return { span, compared, byCategory: rows('category'), byProduct: rows('product') };
}
