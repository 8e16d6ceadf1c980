import { z } from 'zod';
import { ceilings } from '../limits';
import { syncDomain } from './sync-domain';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Name = z.string().max(500);

/**
 * What happened at the counter that is not a sale but is how a till loses money unseen: a parked
 * sale voided, the drawer opened without one. Each is pushed once, so the owner compares stores on
 * them (docs/franchise.md, "Compare stores"); the till's audit log stays the full record.
 */
export const CartVoidedPayload = z.object({
  /** The voided cart's order id: a cart is voided at most once, so it is the record's id too. */
  cartId: z.uuid(),
  at: z.number().int(),
  businessDay: Day,
  staffName: Name,
  approverName: Name.nullable(),
  /** What the cart came to when it was voided. */
  amount: z.number().int().min(0).max(ceilings.sale),
  reason: z.string().max(200),
});
export type CartVoidedPayload = z.infer<typeof CartVoidedPayload>;

export const DrawerOpenedPayload = z.object({
  id: z.uuid(),
  at: z.number().int(),
  businessDay: Day,
  staffName: Name,
  approverName: Name.nullable(),
  reason: z.string().max(200),
});
export type DrawerOpenedPayload = z.infer<typeof DrawerOpenedPayload>;

/** No stream: the platform only counts these. */
export const tillActivitySync = syncDomain({
  streams: {},
  mutations: {
    'cart.voided': CartVoidedPayload,
    'drawer.opened': DrawerOpenedPayload,
  },
  events: {},
});
