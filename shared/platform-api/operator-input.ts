import { z } from 'zod';
import { MemberId } from '../ids';

/**
 * The settlement terms as the operator or a channel sends them: loose here, so a value out of range
 * is refused by the platform in words a person reads, not a validator's.
 */
export const TermsInput = z.object({
  merchantPromotion: z.number().optional(),
  platformPromotion: z.number().optional(),
  deliveryFee: z.number().optional(),
  commissionBp: z.number().optional(),
});
export type TermsInput = z.infer<typeof TermsInput>;

export const CommissionInput = z.object({ commissionBp: z.number() });

export const OnlineOrderInput = z.object({
  storeId: z.string().max(64),
  channel: z.enum(['online_delivery', 'online_pickup']),
  items: z
    .array(z.object({ sku: z.string().trim().min(1).max(64), quantity: z.number().int().min(1).max(1_000_000) }))
    .min(1)
    .max(200),
  customerName: z.string().trim().max(80).default(''),
  note: z.string().trim().max(500).default(''),
  /** The member who ordered, when the consumer app knows them: the fulfilling sale is credited to them. */
  memberId: MemberId.nullable().default(null),
  /** Settlement terms; the commission rate defaults to the store's. */
  ...TermsInput.shape,
});
export type OnlineOrderInput = z.infer<typeof OnlineOrderInput>;

export const OnlineOrderCancel = z.object({
  storeId: z.string().max(64),
  reason: z.string().trim().max(500).nullable().default(null),
});
