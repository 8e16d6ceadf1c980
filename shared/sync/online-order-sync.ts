import { z } from 'zod';
import { OnlineTerms } from './settlement-wire';
import { syncDomain } from './sync-domain';

export const OnlineOrderState = z.enum(['placed', 'accepted', 'rejected', 'ready', 'handed_over', 'cancelled']);
export type OnlineOrderState = z.infer<typeof OnlineOrderState>;

export const OnlineOrderWire = z.object({
  id: z.uuid(),
  channel: z.enum(['online_delivery', 'online_pickup']),
  state: OnlineOrderState,
  /** What the customer shows or says at the counter; the pickup QR code holds `CPK1:` + this. */
  pickupCode: z.string().regex(/^\d{6}$/),
  customerName: z.string(),
  note: z.string(),
  placedAt: z.number().int(),
  total: z.number().int().min(0),
  lines: z.array(
    z.object({
      sku: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      /** Items, or grams for goods sold by weight (`unit` kg, priced per kg). */
      quantity: z.number().int().positive(),
      unitPrice: z.number().int().min(0),
      unit: z.enum(['each', 'kg']).default('each'),
    }),
  ),
  /** Settlement terms; a platform from before them sends none, which is no promotion, fee or commission. */
  terms: OnlineTerms.optional(),
});
export type OnlineOrderWire = z.infer<typeof OnlineOrderWire>;

/** The platform owns an online order's state; the terminal asks for each step. */
export const OnlineOrderStep = z.enum(['accept', 'reject', 'ready', 'hand_over']);
export type OnlineOrderStep = z.infer<typeof OnlineOrderStep>;

export const OnlineOrderStepPayload = z.object({
  onlineOrderId: z.uuid(),
  step: OnlineOrderStep,
  at: z.number().int(),
  reason: z.string().max(500).nullable(),
  /** The local sale recorded on acceptance (accept only). */
  orderId: z.uuid().nullable(),
});
export type OnlineOrderStepPayload = z.infer<typeof OnlineOrderStepPayload>;

/**
 * Online orders come down (change id: the online order's id) and the till's steps go up. Their
 * event, `online.changed`, carries how many orders arrived new, so it is the contract's own.
 */
export const onlineOrderSync = syncDomain({
  streams: {
    online_orders: { item: OnlineOrderWire, words: { en: 'online orders', 'zh-CN': '线上订单' } },
  },
  mutations: {
    'online_order.step': OnlineOrderStepPayload,
  },
  events: {},
});
