import { isCalendarDay } from '../../shared/reports/periods';
import type { Queryable } from '../db/sql';
import { claimedTimeRefusal } from './claimed-time';
import type { ApplyContext, ApplyRefusal, PlatformDomain } from './platform-domain';

type Event = { id: string; kind: 'void' | 'no_sale'; at: number; businessDay: string; amount: number; body: unknown };

/** A time it cannot have been recorded at, or a day not on the calendar. */
function eventRefusal(event: Event, context: ApplyContext): ApplyRefusal | null {
  if (!isCalendarDay(event.businessDay)) return { code: 'day_invalid' };
  return claimedTimeRefusal(event.at, context.window, false);
}

async function recordEvent(tx: Queryable, context: ApplyContext, event: Event): Promise<ApplyRefusal | null> {
  const refusal = eventRefusal(event, context);
  if (refusal) return refusal;
  await tx.query(
    `INSERT INTO till_events (store_id, id, device_id, kind, business_day, at, amount, body)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8::jsonb) ON CONFLICT (store_id, id) DO NOTHING`,
    [
      context.storeId,
      event.id,
      context.deviceId,
      event.kind,
      event.businessDay,
      event.at,
      event.amount,
      JSON.stringify(event.body),
    ],
  );
  return null;
}

/** Voids and no-sale openings, counted for the owner's comparison of stores; nothing goes back down. */
export const tillActivityDomain: PlatformDomain<never, 'cart.voided' | 'drawer.opened'> = {
  streams: {},
  mutations: {
    'cart.voided': {
      apply: async (tx, context, payload) => {
        // A paid sale is never voided: a cart the platform holds as a sale cannot be one.
        const [paid] = await tx.query('SELECT 1 FROM orders WHERE store_id = $1 AND id = $2', [
          context.storeId,
          payload.cartId,
        ]);
        if (paid) return { code: 'void_of_paid_sale' };
        return recordEvent(tx, context, { ...payload, id: payload.cartId, kind: 'void', body: payload });
      },
      wakes: 'store',
    },
    'drawer.opened': {
      apply: (tx, context, payload) =>
        recordEvent(tx, context, { ...payload, kind: 'no_sale', amount: 0, body: payload }),
      wakes: 'store',
    },
  },
};
