import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, MigrationError, migrate } from '../../platform/db/migrate';
import { openPgSql } from '../../platform/db/pg-sql';
import { openPgliteSql } from '../../platform/db/pglite-sql';
import type { Sql } from '../../platform/db/sql';
import { startPlatform } from '../../platform/server/start-platform';
import { backends, type Storage } from './support/backends';
import { AdminClient, Till } from './support/clients';
import { stockMoved } from './support/payloads';

function openSame(storage: Storage): Promise<Sql> {
  const { dataDir, databaseUrl } = storage.options;
  return databaseUrl ? openPgSql(databaseUrl) : openPgliteSql(join(dataDir as string, 'pglite'));
}

describe.each(backends)('restart and migrations on $name', (backend) => {
  let storage: Storage;
  afterAll(async () => storage?.dispose());

  it('keeps its data, the admin token and device sequences across a restart', async () => {
    storage = await backend.freshStorage();
    const first = await startPlatform({ ...storage.options, port: 0 });
    const admin = new AdminClient(first.url, first.adminToken);
    const store = await admin.createStore('Restart');
    const till = await Till.pair(first.url, store.pairingCode);
    await till.push([till.next('stock.moved', stockMoved('R-1', 4))]);
    if (storage.options.dataDir) {
      expect(statSync(join(storage.options.dataDir, 'admin-token')).mode & 0o777).toBe(0o600);
      // An embedded database belongs to one process: a second platform on the folder is refused.
      await expect(startPlatform({ dataDir: storage.options.dataDir, port: 0 })).rejects.toThrow(/in use/);
    }
    // A long poll open at shutdown is answered, not left hanging.
    const waiting = till.signed('GET', '/v1/sync/wait?stock_levels=99&voucher_keys=99&voucher_policy=99&timeout=30');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = Date.now();
    await first.close();
    expect(Date.now() - closing).toBeLessThan(2000);
    expect(await waiting).toEqual({ status: 200, body: { streams: [] } });

    const second = await startPlatform({ ...storage.options, port: 0 });
    try {
      expect(second.adminToken).toBe(first.adminToken);
      const again = new AdminClient(second.url, second.adminToken);
      expect((await again.records(store.storeId)).stockMovements).toHaveLength(1);
      const moved = new Till(second.url, till.pairing, till.key);
      moved.seq = till.seq;
      expect(await moved.push([moved.next('stock.moved', stockMoved('R-1', 1))])).toMatchObject({ ackSeq: 2 });
      expect((await moved.pullAll('stock_levels')).changes.map((change) => change.data)).toEqual([
        { sku: 'R-1', onHand: 5, soldOut: false },
      ]);
    } finally {
      await second.close();
    }
  });

  it('refuses a landed migration that changed, and a database from a newer platform', async () => {
    const sql = await openSame(storage);
    try {
      const migrations = loadMigrations();
      expect(await migrate(sql, migrations)).toBe(0);
      const edited = migrations.map((migration, index) =>
        index === 0 ? { ...migration, checksum: '0'.repeat(64) } : migration,
      );
      await expect(migrate(sql, edited)).rejects.toThrow(MigrationError);
      await sql.query("INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, '9999_future.sql', 'x')");
      await expect(migrate(sql, migrations)).rejects.toThrow(/newer platform/);
      await sql.query('DELETE FROM schema_migrations WHERE version = 9999');
    } finally {
      await sql.close();
    }
  });
});
