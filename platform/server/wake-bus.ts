import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Queryable } from '../db/sql';

const CHANNEL = 'counter_wake';
const EVERY_STORE = '*';
const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];

/** What a process hears from the others: a store's streams moved, or every store's. */
export type Wake = { storeId: string } | { everyStore: true };

export type WakeBus = {
  /** Tells the other processes, after the change has committed. */
  publish(wake: Wake): void;
  close(): Promise<void>;
};

/**
 * Long-poll wake-ups between platform processes on one PostgreSQL, through LISTEN/NOTIFY: each
 * process listens on its own connection and tells the others through the pool. A notification is
 * only a hint (waiters re-read the versions themselves), so one lost while the listening
 * connection was down costs nothing but time: on reconnecting, every waiter here looks again.
 */
export async function openWakeBus(
  databaseUrl: string,
  db: Queryable,
  heard: (wake: Wake | 'reconnected') => void,
): Promise<WakeBus> {
  const me = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      const [from, target] = (message.payload ?? '').split(' ');
      if (from === me || !target) return;
      heard(target === EVERY_STORE ? { everyStore: true } : { storeId: target });
    });
    next.on('error', () => undefined);
    next.on('end', () => {
      if (client !== next || closed) return;
      client = null;
      retry();
    });
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
  };
  const retry = () => {
    const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)];
    attempt += 1;
    setTimeout(() => {
      if (closed) return;
      connect().then(
        () => {
          attempt = 0;
          heard('reconnected');
        },
        () => retry(),
      );
    }, wait).unref();
  };

  await connect();
  return {
    publish(wake) {
      const target = 'storeId' in wake ? wake.storeId : EVERY_STORE;
      // Lost, it is made up for by the waiters' own slow re-check; it never fails the request.
      void db.query('SELECT pg_notify($1, $2)', [CHANNEL, `${me} ${target}`]).catch(() => undefined);
    },
    async close() {
      closed = true;
      const last = client;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}
