import type { Sql } from '../db/sql';
import type { Kek } from '../vouchers/key-sealing';
import type { PlatformMetrics } from './metrics';
import type { Notifier } from './notifier';

/**
 * What every route needs: the database, the admin secret, the long-poll notifier, the clock, and
 * the key-encryption key that opens the voucher signing keys (never stored in the database).
 */
export type PlatformContext = {
  sql: Sql;
  adminToken: string;
  notifier: Notifier;
  /** Epoch ms; tests move it to reach expiry without waiting a day. */
  now(): number;
  kek: Kek;
  /** A long poll's own re-check, the backstop for a wake-up lost between processes. */
  recheckMs: number;
  metrics: PlatformMetrics;
  /** True once the process has begun to stop: it is no longer ready for new work. */
  stopping(): boolean;
};
