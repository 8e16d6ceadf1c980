import type { Sql } from '../db/sql';
import type { Notifier } from './notifier';

/** What every route needs: the database, the admin secret, the long-poll notifier and the clock. */
export type PlatformContext = {
  sql: Sql;
  adminToken: string;
  notifier: Notifier;
  /** Epoch ms; tests move it to reach expiry without waiting a day. */
  now(): number;
};
