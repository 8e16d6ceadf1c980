import { z } from 'zod';
import { Money } from '../money';
import { method } from './define';

/**
 * Orders placed on the platform for this store. The platform owns their state; the till asks for
 * each step through the sync queue and shows the step at once (`pendingStep` until the platform
 * has it).
 */
export const OnlineOrderStatus = z.enum(['placed', 'accepted', 'rejected', 'ready', 'handed_over', 'cancelled']);
export type OnlineOrderStatus = z.infer<typeof OnlineOrderStatus>;

export const OnlineOrder = z.object({
  id: z.string(),
  channel: z.enum(['online_delivery', 'online_pickup']),
  status: OnlineOrderStatus,
  /** A step taken here that the platform has not confirmed yet. */
  pendingStep: z.boolean(),
  pickupCode: z.string(),
  customerName: z.string(),
  note: z.string(),
  placedAt: z.number().int(),
  total: Money,
  /** The local sale recorded when the order was accepted, and its number. */
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  lines: z.array(
    z.object({
      sku: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      /** Items, or grams when `unit` is kg. */
      quantity: z.number().int(),
      unitPrice: Money,
      unit: z.enum(['each', 'kg']),
      /** What the line costs: the price times items, or per kg times grams, rounded as the platform does. */
      amount: Money,
    }),
  ),
});
export type OnlineOrder = z.infer<typeof OnlineOrder>;

const OnlineOrderRef = z.object({ id: z.uuid() });

export const onlineOrderMethods = {
  /** Open orders first (placed, accepted, ready), then today's finished ones. */
  'online.list': method({
    input: z.object({ includeFinished: z.boolean().default(false) }),
    output: z.array(OnlineOrder),
    access: 'sell',
    mutates: false,
  }),
  /** Records the sale (paid on the platform) and takes the goods out of stock. */
  'online.accept': method({ input: OnlineOrderRef, output: OnlineOrder, access: 'sell', mutates: true }),
  'online.reject': method({
    input: OnlineOrderRef.extend({ reason: z.string().trim().min(1).max(200) }),
    output: OnlineOrder,
    access: 'sell',
    mutates: true,
  }),
  'online.ready': method({ input: OnlineOrderRef, output: OnlineOrder, access: 'sell', mutates: true }),
  /** The customer's pickup QR (`CPK1:123456`) or the six digits typed. */
  'online.handOver': method({
    input: z.object({ pickupCode: z.string().trim().min(1).max(64) }),
    output: OnlineOrder,
    access: 'sell',
    mutates: true,
  }),
};
