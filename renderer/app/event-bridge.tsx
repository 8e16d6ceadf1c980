import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { AppEvent } from '../../shared/contract';
import { api } from '../api/api-client';
import { sessionStore } from '../api/session-store';
import { invalidateMethods } from '../api/use-api';

/**
 * What each push makes stale. Sales, shifts, stock and online-order steps also queue records for
 * the platform, so they refresh the sync state too: the unsent count moves the moment work is done.
 */
const refreshes = {
  'catalog.changed': ['catalog.'],
  'store.changed': ['app.status'],
  'staff.changed': ['staff.'],
  'orders.changed': ['orders.', 'reports.', 'shift.', 'sync.'],
  'shift.changed': ['shift.', 'reports.', 'sync.'],
  'carts.changed': ['carts.'],
  'stock.changed': ['stock.', 'catalog.', 'sync.'],
  // A record sent moves the report's "data complete as of" line, not its figures.
  'sync.changed': ['sync.', 'reports.completeness'],
  'online.changed': ['online.', 'orders.', 'reports.', 'sync.'],
  'vouchers.changed': ['vouchers.', 'orders.', 'sync.'],
} as const satisfies Record<AppEvent['type'], readonly string[]>;

/**
 * Keeps cached reads honest: the core's pushes refresh what changed, and a different person signing
 * in never sees what the previous one had loaded.
 */
export function EventBridge() {
  const queryClient = useQueryClient();

  useEffect(
    () => api.onEvent((event) => void invalidateMethods(queryClient, [...refreshes[event.type]])),
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
