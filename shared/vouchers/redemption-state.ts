import { z } from 'zod';

/** A redemption attempt at a till (PROTOCOL.md, Redemption (terminal)). */
export const RedemptionState = z.enum([
  'LOCAL_PENDING',
  'CONFIRMED',
  'REJECTED',
  'UNKNOWN',
  'OFFLINE_PROVISIONAL',
  'CONFLICT_LOST',
  'RESOLVED',
  'REVERSED',
]);
export type RedemptionState = z.infer<typeof RedemptionState>;
