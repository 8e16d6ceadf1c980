import { z } from 'zod';
import { OrderId } from '../ids';
import { Money } from '../money';
import { Cart } from '../pricing/cart';
import { method } from './define';

export const ParkedCart = z.object({
  id: OrderId,
  label: z.string(),
  lineCount: z.number().int(),
  total: Money,
  parkedByName: z.string(),
  parkedAt: z.number().int(),
});
export type ParkedCart = z.infer<typeof ParkedCart>;

/** Parked carts are open orders: they outlive a restart and a shift change until paid or voided. */
export const cartMethods = {
  'carts.park': method({
    input: z.object({ id: OrderId, label: z.string().trim().max(40).default(''), cart: Cart }),
    output: ParkedCart,
    access: 'sell',
    mutates: true,
  }),
  'carts.list': method({
    input: z.object({}),
    output: z.object({ carts: z.array(ParkedCart) }),
    access: 'sell',
    mutates: false,
  }),
  'carts.resume': method({
    input: z.object({ id: OrderId }),
    output: z.object({ id: OrderId, cart: Cart }),
    access: 'sell',
    mutates: true,
  }),
  /**
   * A sale cleared before payment: nothing is stored for it, but the audit log keeps what was on
   * it, since scanning items and clearing them is how a till loses money unseen.
   */
  'carts.discard': method({
    input: z.object({ id: OrderId, cart: Cart }),
    output: z.object({ id: OrderId }),
    access: 'sell',
    mutates: true,
  }),
  'carts.void': method({
    input: z.object({ id: OrderId, reason: z.string().trim().min(1).max(200) }),
    output: z.object({ id: OrderId }),
    access: 'order.void',
    mutates: true,
  }),
};
