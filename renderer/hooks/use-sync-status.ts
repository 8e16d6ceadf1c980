import type { BadgeProps } from 'antd';
import type { SyncStatus } from '../../shared/contract/sync';
import { useApiQuery } from '../api/use-api';

/**
 * The link to the platform. A `sync.changed` push refreshes it; the interval is for the ages (and
 * the oldest unsent record) to keep moving while nothing changes.
 */
export function useSyncStatus() {
  return useApiQuery('sync.status', {}, { refetchInterval: 10_000, staleTime: 5_000 });
}

export const linkBadges: Record<SyncStatus['link'], BadgeProps['status']> = {
  unpaired: 'default',
  pairing: 'processing',
  online: 'success',
  retrying: 'warning',
  offline: 'error',
};
