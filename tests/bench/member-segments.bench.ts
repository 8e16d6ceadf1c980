import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createStore } from '../../platform/data/stores';
import { loadMigrations, migrate } from '../../platform/db/migrate';
import { openPgSql } from '../../platform/db/pg-sql';
import type { Sql } from '../../platform/db/sql';
import { memberReport } from '../../platform/members/member-report';
import { scoreMembers } from '../../platform/members/segment-scoring';
import { newKekText, parseKek } from '../../platform/vouchers/key-sealing';
import { sealPlainKeys } from '../../platform/vouchers/keys';
import { writeMemberHistory } from '../support/member-history';
import { type BenchResult, percentile, record } from './bench-report';

const AS_OF = Date.UTC(2026, 11, 7, 6);
/** The scoring run is a nightly job: a minute at a million members leaves the night free. */
const SCORING_TARGET_MS = 60_000;
/** A store's Members tab waits on this: a person is at the screen. */
const REPORT_TARGET_MS = 2_000;

const serverUrl = process.env.COUNTER_TEST_DATABASE_URL ?? 'postgres://counter_ci:counter_ci@127.0.0.1:5432/postgres';

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/**
 * The platform's member scoring on PostgreSQL (docs/members.md, "Segments on the platform"):
 * `members` members and `orders` member sales over two years at twenty stores, written by SQL
 * (generate_series, seeded), then the whole scoring run — aggregates, fifths, the stored scores and
 * the members sent again — first with every score new, then again with nothing changed; and one
 * store's Members report for 30 days and for a year.
 */
export async function benchMemberSegments(members: number, orders: number): Promise<BenchResult[]> {
  const name = `counter_bench_${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let sql: Sql | null = null;
  try {
    sql = await openPgSql(url.toString());
    const kek = parseKek(newKekText(), 'bench');
    await migrate(sql, loadMigrations(), { sealed_voucher_keys: (tx) => sealPlainKeys(tx, kek) });
    const stores: string[] = [];
    for (let i = 1; i <= 20; i++) {
      stores.push((await createStore(sql, { name: `店${i}`, currency: 'CNY', timeZone: 'Asia/Shanghai' }, 0)).storeId);
    }
    const generated = await timed(() =>
      writeMemberHistory(sql as Sql, {
        members,
        orders,
        stores,
        asOf: AS_OF,
        days: 730,
        seed: 0.15,
        ordersFor: [stores[0]],
        withoutMember: Math.round(orders / 40),
      }),
    );
    await sql.exec('ANALYZE');
    const first = await timed(() => scoreMembers(sql as Sql, AS_OF));
    const again = await timed(() => scoreMembers(sql as Sql, AS_OF));
    const reportTimes = async (firstDay: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        const run = await timed(() =>
          (sql as Sql).transaction((tx) => memberReport(tx, stores[0], { firstDay, lastDay: '2026-12-07' }, AS_OF)),
        );
        samples.push(run.ms);
      }
      return samples;
    };
    const month = await reportTimes('2026-11-08');
    const year = await reportTimes('2025-12-08');
    const sizes = { members, orders, stores: 20, days: 730, generateSeconds: Math.round(generated.ms / 1000) };
    return [
      record({
        name: 'members-scoring-first',
        metric: 'scoring run, every score new',
        value: first.ms,
        unit: 'ms',
        target: SCORING_TARGET_MS,
        pass: first.ms <= SCORING_TARGET_MS,
        notes: { ...sizes, population: first.value.population, changed: first.value.changed },
      }),
      record({
        name: 'members-scoring-again',
        metric: 'scoring run, nothing changed',
        value: again.ms,
        unit: 'ms',
        target: SCORING_TARGET_MS,
        pass: again.ms <= SCORING_TARGET_MS,
        notes: { ...sizes, changed: again.value.changed },
      }),
      record({
        name: 'members-report-30-days',
        metric: 'p50 of 5, one store',
        value: percentile(month, 50),
        unit: 'ms',
        target: REPORT_TARGET_MS,
        pass: percentile(month, 50) <= REPORT_TARGET_MS,
        notes: { ...sizes, max: Math.round(Math.max(...month)) },
      }),
      record({
        name: 'members-report-year',
        metric: 'p50 of 5, one store',
        value: percentile(year, 50),
        unit: 'ms',
        target: REPORT_TARGET_MS,
        pass: percentile(year, 50) <= REPORT_TARGET_MS,
        notes: { ...sizes, max: Math.round(Math.max(...year)) },
      }),
    ];
  } finally {
    await sql?.close();
    await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
