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
  /**
   * The channel's own id for the order (UUID), its idempotency key: the same id at the same store
   * again answers the order placed the first time. Without it every request is a new order.
   */
  id: z.uuid().optional(),
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
  /**
   * The customer's mobile number as the app took it: the order is credited to the brand's member
   * with that number, or makes one when `marketingConsent` is given (docs/members.md, "Members
   * from online orders"). Loose here: a wrong number is refused in the reader's words.
   */
  customerPhone: z.string().max(64).nullable().default(null),
  marketingConsent: z.boolean().default(false),
  /** Settlement terms; the commission rate defaults to the store's. */
  ...TermsInput.shape,
});
export type OnlineOrderInput = z.infer<typeof OnlineOrderInput>;

export const OnlineOrderCancel = z.object({
  storeId: z.string().max(64),
  reason: z.string().trim().max(500).nullable().default(null),
});
