import { useApiQuery } from '../../api/use-api';

/**
 * The open queue (and today's finished orders when asked). The nav badge and the screen share the
 * open queue's cache, and an `online.changed` push refreshes both at once.
 */
export function useOnlineOrders(includeFinished = false) {
  return useApiQuery('online.list', { includeFinished }, { staleTime: 10_000, refetchInterval: 60_000 });
}

/** New orders nobody has accepted yet: what the badge on F4 counts, until someone deals with them. */
export function useNewOnlineCount(): number {
  const list = useOnlineOrders(false);
  return list.data?.filter((order) => order.status === 'placed').length ?? 0;
}
