import { uuidv7 } from '../../../shared/ids';
import type { CartVoidedPayload, DrawerOpenedPayload } from '../../../shared/sync/till-activity-sync';
import type { HandlerContext } from '../handler-context';
import { requireSession } from '../handler-context';
import { requireStore } from '../store/store-records';
import { enqueue } from '../sync/outbox';
import type { TillDomain } from '../sync/till-domain';

/** Who did it, when and on which business day: what every record of the till's activity carries. */
function happened(ctx: HandlerContext) {
  return {
    at: ctx.now,
    businessDay: requireStore(ctx.db, ctx.now).businessDay,
    staffName: requireSession(ctx).name,
    approverName: ctx.approver?.name ?? null,
  };
}

/** Queued in the void's transaction; the cart is gone from the table, so the record carries it whole. */
export function queueCartVoided(ctx: HandlerContext, cartId: string, amount: number, reason: string): void {
  const payload: CartVoidedPayload = { cartId, amount, reason, ...happened(ctx) };
  enqueue(ctx.db, { id: cartId, type: 'cart.voided', payload, now: ctx.now });
}

export function queueDrawerOpened(ctx: HandlerContext, reason: string): void {
  const payload: DrawerOpenedPayload = { id: uuidv7(ctx.now), reason, ...happened(ctx) };
  enqueue(ctx.db, { id: payload.id, type: 'drawer.opened', payload, now: ctx.now });
}

/** Voids and no-sale openings go up whole as stored at enqueue (the audit log is their only other record). */
export const tillActivityTill: TillDomain<never, 'cart.voided' | 'drawer.opened'> = {
  streams: {},
  mutations: {
    'cart.voided': { payload: (_db, row) => JSON.parse(row.payload) },
    'drawer.opened': { payload: (_db, row) => JSON.parse(row.payload) },
  },
  payloadSql: {},
};
