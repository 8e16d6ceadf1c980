import { ONLINE_ORDER_COLUMNS, stepOnlineOrder, toOnlineOrderWire } from '../data/online-orders';
import type { PlatformDomain } from './platform-domain';

type OnlineOrderRow = Parameters<typeof toOnlineOrderWire>[0] & { version: number };

/** The platform owns an online order's state: it sends the store's orders and takes the till's steps. */
export const onlineOrderDomain: PlatformDomain<'online_orders', 'online_order.step'> = {
  streams: {
    online_orders: {
      query: `SELECT ${ONLINE_ORDER_COLUMNS}, version FROM online_orders
           WHERE store_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
      head: '(SELECT COALESCE(max(version), 0) FROM online_orders WHERE store_id = $1)',
      change: (row: OnlineOrderRow) => ({ id: row.id, version: String(row.version), data: toOnlineOrderWire(row) }),
    },
  },
  mutations: {
    'online_order.step': {
      apply: (tx, context, payload) => stepOnlineOrder(tx, context.storeId, payload),
      wakes: 'store',
    },
  },
};
