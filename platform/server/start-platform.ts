import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { lockFolder } from '../db/folder-lock';
import { loadMigrations, migrate } from '../db/migrate';
import { secureDataFolder } from '../db/owner-only';
import { openPgSql } from '../db/pg-sql';
import { openPgliteSql } from '../db/pglite-sql';
import type { Sql } from '../db/sql';
import { ensureMemberSetup } from '../members/member-keys';
import { pruneMemberCodeUses } from '../members/member-service';
import { pruneOwnerSessions } from '../owners/owner-sessions';
import { kekMismatch, type LoadedKek, loadKek } from '../vouchers/kek-source';
import { KekMismatchError } from '../vouchers/key-sealing';
import { ensureSigningKey, sealPlainKeys } from '../vouchers/keys';
import { pruneAddressLimits } from './address-limits';
import { loadAdminToken } from './admin-token';
import { buildApp } from './app';
import { trackConnections } from './connections';
import { pruneNonces } from './device-auth';
import { createMetrics, timedSql } from './metrics';
import { Notifier } from './notifier';
import { startScoringTimer } from './scoring-timer';
import { openWakeBus, type WakeBus } from './wake-bus';

export type PlatformOptions = {
  /** Holds the embedded database (unless `databaseUrl` is given) and the admin token. */
  dataDir?: string;
  /** A PostgreSQL server; without it the platform runs on PGlite (in memory when there is no dataDir). */
  databaseUrl?: string;
  /** 0 picks any free port. */
  port?: number;
  host?: string;
  /** Log requests to stdout (the CLI's `serve` does). */
  logger?: boolean;
  /** Epoch ms; a test moves it to reach a code's expiry without waiting a day. */
  now?: () => number;
  /**
   * The key-encryption key of the voucher signing keys, in base64 (the CLI passes
   * COUNTER_PLATFORM_KEK). Else `kekFile`, else `<dataDir>/voucher-kek` (made on the first start).
   * PostgreSQL without a data folder needs one of the first two.
   */
  kek?: string;
  kekFile?: string;
  /**
   * How often a long poll looks again by itself: the backstop for a wake-up lost between
   * processes (30 s on PostgreSQL, where they are told through LISTEN/NOTIFY; 5 s on PGlite).
   */
  recheckMs?: number;
  /**
   * How often this process looks whether the daily member scoring is due (`serve` passes a minute).
   * Absent, it never scores by itself: a test's platform scores when the test says.
   */
  scoringCheckMs?: number;
};

export type RunningPlatform = {
  url: string;
  adminToken: string;
  /** Long polls open right now; lets a test see that a client hanging up leaves nothing behind. */
  waiting(): number;
  /** This process's Prometheus metrics (served at `/metrics`; summed over workers by `serve --workers`). */
  metrics: Registry;
  close(): Promise<void>;
};

const PRUNE_EVERY_MS = 60_000;

async function openDatabase(options: PlatformOptions, dataDir: string | null): Promise<Sql> {
  if (options.databaseUrl) return openPgSql(options.databaseUrl);
  if (dataDir === null) return openPgliteSql(null);
  const unlock = lockFolder(dataDir);
  try {
    const sql = await openPgliteSql(join(dataDir, 'pglite'));
    return { ...sql, close: () => sql.close().finally(unlock) };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * Migrates, sealing keys a version before issue 13 kept in the clear, and checks that every key
 * opens with the KEK: one that does not is refused now, never replaced by a new key.
 */
async function prepareDatabase(sql: Sql, loaded: LoadedKek, nowMs: number): Promise<void> {
  let sealed = false;
  await migrate(sql, loadMigrations(), {
    sealed_voucher_keys: async (tx) => {
      await sealPlainKeys(tx, loaded.kek);
      sealed = true;
    },
  });
  // A dropped column's values stay in the table's pages until it is rewritten. Best effort: a
  // role that may not rewrite the table still has the keys sealed in every live row.
  if (sealed) await sql.exec('VACUUM FULL voucher_keys').catch(() => undefined);
  try {
    await ensureSigningKey(sql, loaded.kek, nowMs);
    await ensureMemberSetup(sql, loaded.kek, nowMs);
  } catch (error) {
    throw error instanceof KekMismatchError ? kekMismatch(loaded) : error;
  }
}

/** The platform's own entries in its data folder, with their temporaries. */
const isPlatformEntry = (name: string): boolean => /^(admin-token|voucher-kek|platform\.lock)|^pglite$/.test(name);

function tidyModes(dataDir: string): void {
  try {
    secureDataFolder(dataDir, isPlatformEntry);
  } catch {
    // A folder that cannot be walked right now is tightened on the next round or start.
  }
}

type Prepared = { sql: Sql; loaded: LoadedKek; adminToken: string; dataDir: string | null };

/** Opens and migrates the database, checks the keys open, and reads the admin token. */
async function openPrepared(options: PlatformOptions): Promise<Prepared> {
  const dataDir = options.dataDir ?? null;
  // Earlier versions left PGlite's files 0666 and the folders 0755.
  if (dataDir !== null) secureDataFolder(dataDir, isPlatformEntry);
  // The data folder's KEK is read once its lock is held; without a folder a missing KEK is said
  // before connecting.
  const kekFirst = dataDir === null ? loadKek({ ...options, dataDir }) : null;
  const sql = await openDatabase(options, dataDir);
  try {
    const loaded = kekFirst ?? loadKek({ ...options, dataDir });
    await prepareDatabase(sql, loaded, (options.now ?? Date.now)());
    const adminToken = await loadAdminToken(sql, dataDir);
    // Schema changes can make PGlite rewrite its relation cache, 0644 again.
    if (dataDir !== null) tidyModes(dataDir);
    return { sql, loaded, adminToken, dataDir };
  } catch (error) {
    await sql.close();
    throw error;
  }
}

/**
 * Everything a start does before serving, once: run by `serve --workers` before it starts its
 * processes, so they do not race to make the first signing key or admin token.
 */
export async function preparePlatform(options: PlatformOptions): Promise<{ adminToken: string }> {
  const { sql, adminToken } = await openPrepared(options);
  await sql.close();
  return { adminToken };
}

/** Opens (and migrates) the database, then serves the platform API. */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const { sql, loaded, adminToken, dataDir } = await openPrepared(options);
  let app: FastifyInstance | null = null;
  let bus: WakeBus | null = null;
  try {
    const now = options.now ?? Date.now;
    const notifier = new Notifier();
    bus = options.databaseUrl ? await openWakeBus(options.databaseUrl, sql, (wake) => notifier.wakeHere(wake)) : null;
    if (bus) notifier.publishTo(bus.publish);
    const recheckMs = options.recheckMs ?? (bus ? 30_000 : 5_000);
    const metrics = createMetrics(() => notifier.waiting);
    let stopping = false;
    const context = { sql: timedSql(sql, metrics), adminToken, notifier, now, kek: loaded.kek, recheckMs, metrics };
    app = await buildApp({ ...context, stopping: () => stopping }, { logger: options.logger });
    const host = options.host ?? '127.0.0.1';
    const connections = trackConnections(app.server);
    await app.listen({ port: options.port ?? 0, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const pruner = setInterval(() => {
      void pruneNonces(sql, now()).catch(() => undefined);
      void pruneAddressLimits(sql, now()).catch(() => undefined);
      void pruneMemberCodeUses(sql, now()).catch(() => undefined);
      void pruneOwnerSessions(sql, now()).catch(() => undefined);
      // PGlite rewrites its relation cache 0644 now and then (after schema changes).
      if (dataDir !== null) tidyModes(dataDir);
    }, PRUNE_EVERY_MS);
    pruner.unref();
    const stopScoring = options.scoringCheckMs
      ? startScoringTimer(sql, now, notifier, app.log, options.scoringCheckMs)
      : () => undefined;
    const server = app;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      adminToken,
      waiting: () => notifier.waiting,
      metrics: metrics.registry,
      close() {
        closing ??= (async () => {
          stopping = true;
          clearInterval(pruner);
          stopScoring();
          notifier.closeAll();
          const closed = server.close();
          connections.closeWhenIdle();
          await closed;
          await bus?.close();
          await sql.close();
          if (dataDir !== null) tidyModes(dataDir);
        })();
        return closing;
      },
    };
  } catch (error) {
    await app?.close();
    await bus?.close();
    await sql.close();
    throw error;
  }
}
