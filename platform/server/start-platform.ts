import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { lockFolder } from '../db/folder-lock';
import { migrate } from '../db/migrate';
import { openPgSql } from '../db/pg-sql';
import { openPgliteSql } from '../db/pglite-sql';
import type { Sql } from '../db/sql';
import { ensureSigningKey } from '../vouchers/keys';
import { loadAdminToken } from './admin-token';
import { buildApp } from './app';
import { trackConnections } from './connections';
import { pruneNonces } from './device-auth';
import { Notifier } from './notifier';

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
};

export type RunningPlatform = {
  url: string;
  adminToken: string;
  /** Long polls open right now; lets a test see that a client hanging up leaves nothing behind. */
  waiting(): number;
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

/** Opens (and migrates) the database, then serves the platform API. */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const dataDir = options.dataDir ?? null;
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const sql = await openDatabase(options, dataDir);
  let app: FastifyInstance | null = null;
  try {
    await migrate(sql);
    const adminToken = await loadAdminToken(sql, dataDir);
    const notifier = new Notifier();
    const now = options.now ?? Date.now;
    await ensureSigningKey(sql, now());
    app = await buildApp({ sql, adminToken, notifier, now }, { logger: options.logger });
    const host = options.host ?? '127.0.0.1';
    const connections = trackConnections(app.server);
    await app.listen({ port: options.port ?? 0, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const pruner = setInterval(() => void pruneNonces(sql, now()).catch(() => undefined), PRUNE_EVERY_MS);
    pruner.unref();
    const server = app;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      adminToken,
      waiting: () => notifier.waiting,
      close() {
        closing ??= (async () => {
          clearInterval(pruner);
          notifier.closeAll();
          const closed = server.close();
          connections.closeWhenIdle();
          await closed;
          await sql.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await app?.close();
    await sql.close();
    throw error;
  }
}
