import { z } from 'zod';
import { fieldMessage } from '../field-messages';
import { method } from './define';

const Problem = z.object({ code: z.string(), message: z.string() });

/** Everything the status bar and Settings show about the link to the platform. */
export const SyncStatus = z.object({
  /** Paired: `retrying` after a failed exchange, `offline` only after sustained failure (docs/sync-states.md). */
  link: z.enum(['unpaired', 'pairing', 'online', 'retrying', 'offline']),
  platformUrl: z.string().nullable(),
  platformStoreName: z.string().nullable(),
  /** Why the last pairing attempt failed, until the next one. */
  pairingProblem: Problem.nullable(),
  /** The last failed exchange while paired (network down, platform refused). */
  lastProblem: Problem.nullable(),
  lastSyncAt: z.number().int().nullable(),
  unsent: z.number().int(),
  oldestUnsentAt: z.number().int().nullable(),
  /** Records the platform rejected or found in conflict: a person must look at them. */
  needsAttention: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncRecord = z.object({
  seq: z.number().int(),
  id: z.string(),
  type: z.string(),
  createdAt: z.number().int(),
  result: z.enum(['REJECTED', 'CONFLICT']),
  code: z.string(),
  message: z.string(),
});
export type SyncRecord = z.infer<typeof SyncRecord>;

export const PlatformUrl = z
  .string()
  .trim()
  .max(300)
  .refine((text) => /^https?:\/\/[^\s/]+/i.test(text) && URL.canParse(text), fieldMessage('platform_url'));

export const syncMethods = {
  'sync.status': method({ input: z.object({}), output: SyncStatus, access: 'signedIn', mutates: false }),
  /** Stores the request; the background sync makes the key and talks to the platform. */
  'sync.pair': method({
    input: z.object({ platformUrl: PlatformUrl, code: z.string().trim().min(4).max(32) }),
    output: SyncStatus,
    access: 'platform.pair',
    mutates: true,
  }),
  /**
   * Forgets the platform (moving to another one, or one that lost this till). Everything recorded
   * here is sent again from the start to whichever platform the till pairs with next.
   */
  'sync.unpair': method({ input: z.object({}), output: SyncStatus, access: 'platform.pair', mutates: true }),
  'sync.attention': method({
    input: z.object({}),
    output: z.array(SyncRecord),
    access: 'reports.view',
    mutates: false,
  }),
  /** Try now instead of waiting out the back-off (after fixing the network, say). */
  'sync.retryNow': method({ input: z.object({}), output: z.object({}), access: 'signedIn', mutates: false }),
};
