import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Queryable, Sql } from '../db/sql';

const SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The process's Prometheus metrics: requests by route and status, pushed records by type and
 * outcome (refusals included), pulls by stream, long polls open and how they ended, and time spent
 * in the database; plus Node's own (memory, event-loop lag, GC) under the same prefix.
 */
export function createMetrics(waiting: () => number) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'counter_platform_' });
  const registers = [registry];
  return {
    registry,
    requests: new Histogram({
      name: 'counter_platform_request_seconds',
      help: 'HTTP requests by route, method and status code',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: SECONDS,
      registers,
    }),
    pushed: new Counter({
      name: 'counter_platform_pushed_records_total',
      help: 'Records pushed by tills, by record type and outcome (APPLIED, DUPLICATE, REJECTED, CONFLICT)',
      labelNames: ['type', 'status'] as const,
      registers,
    }),
    pulls: new Counter({
      name: 'counter_platform_pulls_total',
      help: 'Pull requests by stream',
      labelNames: ['stream'] as const,
      registers,
    }),
    longPollAnswers: new Counter({
      name: 'counter_platform_long_poll_answers_total',
      help: 'Long polls answered: with moved streams, or with none (timeout, shutdown, hang-up)',
      labelNames: ['answer'] as const,
      registers,
    }),
    longPollsOpen: new Gauge({
      name: 'counter_platform_long_polls_open',
      help: 'Long polls waiting in this process',
      registers,
      collect() {
        this.set(waiting());
      },
    }),
    database: new Histogram({
      name: 'counter_platform_database_seconds',
      help: 'Time in the database: single statements, and whole transactions',
      labelNames: ['kind'] as const,
      buckets: SECONDS,
      registers,
    }),
  };
}

export type PlatformMetrics = ReturnType<typeof createMetrics>;

/** The same database, with every statement and transaction timed into `metrics.database`. */
export function timedSql(sql: Sql, metrics: PlatformMetrics): Sql {
  const timed = <T>(kind: 'query' | 'transaction', work: () => Promise<T>): Promise<T> => {
    const end = metrics.database.startTimer({ kind });
    return work().finally(() => end());
  };
  const statements = (db: Queryable): Queryable => ({
    query: (text, params) => timed('query', () => db.query(text, params)),
    exec: (text) => timed('query', () => db.exec(text)),
  });
  return {
    ...statements(sql),
    transaction: (fn) => timed('transaction', () => sql.transaction((tx) => fn(statements(tx)))),
    close: () => sql.close(),
  };
}
