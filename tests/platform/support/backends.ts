import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openPgSql } from '../../../platform/db/pg-sql';
import { openPgliteSql } from '../../../platform/db/pglite-sql';
import type { Sql } from '../../../platform/db/sql';
import { type PlatformOptions, type RunningPlatform, startPlatform } from '../../../platform/server/start-platform';
import { newKekText } from '../../../platform/vouchers/key-sealing';
import { AdminClient } from './clients';

/** Where one platform keeps its data, and how to throw it away afterwards. */
export type Storage = { options: Pick<PlatformOptions, 'dataDir' | 'databaseUrl' | 'kek'>; dispose(): Promise<void> };

/** `processes`: 2 runs two platform processes on the one database, behind a round-robin. */
export type Backend = {
  name: 'pglite' | 'postgres' | 'postgres, two processes';
  processes?: 2;
  freshStorage(): Promise<Storage>;
};

const adminUrl = process.env.COUNTER_TEST_DATABASE_URL;

const pglite: Backend = {
  name: 'pglite',
  async freshStorage() {
    const dataDir = mkdtempSync(join(tmpdir(), 'counter-platform-'));
    return { options: { dataDir }, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  },
};

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own on the test server, and the key-encryption key a production platform would
 * get from COUNTER_PLATFORM_KEK (there is no data folder to keep one in).
 */
const postgres: Backend = {
  name: 'postgres',
  async freshStorage() {
    const name = `counter_t_${randomBytes(6).toString('hex')}`;
    await onServer(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl as string);
    url.pathname = `/${name}`;
    return {
      options: { databaseUrl: url.toString(), kek: newKekText() },
      dispose: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  },
};

/** The storage's database opened directly (for PGlite, only once its platform has closed). */
export function openStorageSql(storage: Storage): Promise<Sql> {
  const { dataDir, databaseUrl } = storage.options;
  return databaseUrl ? openPgSql(databaseUrl) : openPgliteSql(join(dataDir as string, 'pglite'));
}

/** PGlite always; PostgreSQL too when CI (or a developer) sets COUNTER_TEST_DATABASE_URL. */
export const backends: Backend[] = adminUrl ? [pglite, postgres] : [pglite];

/**
 * PostgreSQL again with two platform processes sharing it (issue 17), for the fault-injection and
 * concurrency suites: nothing correct may depend on which process a request reaches.
 */
export const processPairs: Backend[] = adminUrl ? [{ ...postgres, name: 'postgres, two processes', processes: 2 }] : [];

export type TestPlatform = { platform: RunningPlatform; url: string; admin: AdminClient };

/**
 * One platform for a describe block (PGlite takes about 2 s to open), started before its tests and
 * closed, with its data thrown away, after them. Tests read it through the returned getter.
 */
export function usePlatform(backend: Backend, extra: Partial<PlatformOptions> = {}): () => TestPlatform {
  let current: TestPlatform | null = null;
  let storage: Storage | null = null;
  beforeAll(async () => {
    storage = await backend.freshStorage();
    const platform = await startPlatform({ ...storage.options, port: 0, ...extra });
    current = { platform, url: platform.url, admin: new AdminClient(platform.url, platform.adminToken) };
  });
  afterAll(async () => {
    await current?.platform.close();
    await storage?.dispose();
  });
  return () => {
    if (!current) throw new Error('the platform is not started yet');
    return current;
  };
}
