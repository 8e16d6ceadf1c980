import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type AppEvent, contract } from '../../shared/contract';
import { ReportRequest } from '../../shared/contract/sales-report';
import { requestReadsAny } from '../../shared/reports/report-days';
import { type DomainEventType, domainEvents } from '../../shared/sync/sync-domains';
import { api } from '../api/api-client';
import { sessionStore } from '../api/session-store';
import { invalidateMethods } from '../api/use-api';

/**
 * What each push makes stale. Sales, shifts and online-order steps also queue records for the
 * platform, so they refresh the sync state too: the unsent count moves the moment work is done. A
 * synced domain's events (catalog, stock, vouchers, …) say what they refresh in their domain's
 * module (`shared/sync/sync-domains.ts`).
 */
const coreRefreshes = {
  'store.changed': ['app.status'],
  'staff.changed': ['staff.'],
  // A member's sale moves what they may spend offline and their standing for member-only coupons.
  'orders.changed': ['orders.', 'reports.', 'shift.', 'sync.', 'members.'],
  'activity.changed': ['reports.'],
  'shift.changed': ['shift.', 'reports.', 'sync.'],
  'carts.changed': ['carts.'],
  // A record sent moves the report's "data complete as of" line, not its figures.
  'sync.changed': ['sync.', 'reports.completeness'],
  'online.changed': ['online.', 'orders.', 'reports.', 'sync.'],
} as const satisfies Record<Exclude<AppEvent['type'], DomainEventType>, readonly string[]>;

const refreshes: Record<AppEvent['type'], readonly string[]> = { ...coreRefreshes, ...domainEvents };

const dayReport = contract['reports.day'].input;

/**
 * Whether a cached report reads any of `days`: a day report its day (today when none is named),
 * a period report its period or the one it is compared with. A report asked in another shape is
 * refreshed, never guessed about.
 */
function reportReads(queryKey: readonly unknown[], days: readonly string[]): boolean {
  const [method, input] = queryKey;
  if (typeof method !== 'string' || !method.startsWith('reports.')) return false;
  const day = method === 'reports.day' ? dayReport.safeParse(input) : null;
  if (day?.success) return day.data.businessDay === undefined || days.includes(day.data.businessDay);
  const request = ReportRequest.safeParse(input);
  return !request.success || requestReadsAny(request.data, days);
}

/**
 * Keeps cached reads honest: the core's pushes refresh what changed, and a different person signing
 * in never sees what the previous one had loaded.
 */
export function EventBridge() {
  const queryClient = useQueryClient();

  useEffect(
    () =>
      api.onEvent((event) => {
        const days = event.type === 'orders.changed' || event.type === 'activity.changed' ? event.days : undefined;
        if (days) {
          // A sale, refund, void or no-sale opening on known days: the reports that read none of
          // them stay as they are.
          const others = refreshes[event.type].filter((prefix) => prefix !== 'reports.');
          void invalidateMethods(queryClient, others);
          void queryClient.invalidateQueries({ predicate: (query) => reportReads(query.queryKey, days) });
          return;
        }
        void invalidateMethods(queryClient, [...refreshes[event.type]]);
      }),
    [queryClient],
  );

  useEffect(() => {
    let staffId = sessionStore.get()?.staff.id ?? null;
    return sessionStore.subscribe(() => {
      const next = sessionStore.get()?.staff.id ?? null;
      if (next === staffId) return;
      staffId = next;
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'app.status' });
    });
  }, [queryClient]);

  return null;
}
