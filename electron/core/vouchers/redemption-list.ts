import type { Database } from 'better-sqlite3';
import type { OfflineExposure, RedemptionRow } from '../../../shared/contract/vouchers';
import { type ErrorCode, type ErrorParams, errorCodes, errorMessage, type Text } from '../../../shared/errors';
import type { Locale } from '../../../shared/locale';
import type { Money } from '../../../shared/money';
import { RiskLimits } from '../../../shared/vouchers/campaign';
import { namedStatements } from '../db/open-database';
import { lastPullAt } from '../sync/sync-records';
import { lossTotals, offlineCounters, openStates, type RedemptionRecord } from './redemption-records';
import { readVoucherPolicy } from './voucher-tables';

type ListedRow = RedemptionRecord & { order_number: string | null; staff_name: string | null };

const select = `SELECT r.*, o.number AS order_number, s.name AS staff_name FROM redemptions r
  LEFT JOIN orders o ON o.id = r.order_id LEFT JOIN staff s ON s.id = r.staff_id`;

const statements = namedStatements({
  attention: `${select} WHERE r.state IN ${openStates}
    AND (@day IS NULL OR r.business_day = @day) ORDER BY r.decided_at DESC LIMIT @limit`,
  provisional: `${select} WHERE r.state = 'OFFLINE_PROVISIONAL' AND r.state IN ${openStates}
    AND (@day IS NULL OR r.business_day = @day) ORDER BY r.decided_at DESC LIMIT @limit`,
  all: `${select} WHERE (@day IS NULL OR r.business_day = @day) ORDER BY r.decided_at DESC LIMIT @limit`,
  one: `${select} WHERE r.id = ?`,
});

const known = new Set<string>(errorCodes);

export function listRedemptions(
  db: Database,
  input: { filter: 'attention' | 'provisional' | 'all'; businessDay?: string; limit: number },
  locale: Locale,
): RedemptionRow[] {
  const rows = statements(db)[input.filter].all({ day: input.businessDay ?? null, limit: input.limit }) as ListedRow[];
  return rows.map((row) => toRedemptionRow(row, locale));
}

export function readRedemptionRow(db: Database, id: string, locale: Locale): RedemptionRow | null {
  const row = statements(db).one.get(id) as ListedRow | undefined;
  return row ? toRedemptionRow(row, locale) : null;
}

function toRedemptionRow(row: ListedRow, locale: Locale): RedemptionRow {
  return {
    id: row.id,
    voucherId: row.voucher_id,
    campaignName: row.campaign_name,
    type: row.type,
    amount: row.amount as Money,
    state: row.state,
    orderId: row.order_id,
    orderNumber: row.order_number,
    decidedAt: row.decided_at,
    settledAt: row.settled_at,
    refusal: row.refusal_code ? { code: row.refusal_code, message: refusalMessage(row, locale) } : null,
    conflict:
      row.conflict_store !== null || row.conflict_at !== null
        ? { storeName: row.conflict_store ?? '', at: row.conflict_at ?? row.decided_at }
        : null,
    resolution: row.resolution,
    staffName: row.staff_name ?? '',
  };
}

/** Stored params are in the till's shape or the platform's ({en, zh}); either is read here. */
function refusalMessage(row: ListedRow, locale: Locale): string {
  const code = row.refusal_code ?? '';
  if (!known.has(code)) return code;
  let raw: Record<string, unknown> = {};
  try {
    raw = JSON.parse(row.refusal_params ?? '{}') as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const params: ErrorParams = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    else if (value && typeof value === 'object') {
      const v = value as { en?: string; zh?: string; 'zh-CN'?: string };
      params[key] = { en: v.en ?? '', 'zh-CN': v['zh-CN'] ?? v.zh ?? v.en ?? '' } satisfies Text;
    }
  }
  return errorMessage(code as ErrorCode, params, locale);
}

/** The offline exposure as the manager sees it, beside the limits it is measured against. */
export function offlineExposure(db: Database): OfflineExposure {
  const limits = readVoucherPolicy(db)?.limits ?? RiskLimits.parse({});
  const counters = offlineCounters(db);
  const losses = lossTotals(db);
  return {
    count: counters.unconfirmedCount,
    value: counters.unconfirmed as Money,
    consecutive: counters.consecutive,
    deviceLimit: limits.deviceOfflineTotal as Money,
    storeLimit: limits.storeOfflineTotal as Money,
    hardConsecutive: limits.hardConsecutive,
    lastPullAt: lastPullAt(db),
    lossCount: losses.count,
    lossValue: losses.value as Money,
  };
}
