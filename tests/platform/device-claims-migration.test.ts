import { describe, expect, it } from 'vitest';
import { createStore, issuePairingCode, pairDevice } from '../../platform/data/stores';
import { loadMigrations, migrate } from '../../platform/db/migrate';
import { openPgliteSql } from '../../platform/db/pglite-sql';
import { newKekText, parseKek } from '../../platform/vouchers/key-sealing';
import { sealPlainKeys } from '../../platform/vouchers/keys';

describe('migration 0004 on a platform that already has paired devices', () => {
  it('leaves their last pull unknown, so their queued offline redemptions are not judged by it', async () => {
    const sql = await openPgliteSql(null);
    try {
      const migrations = loadMigrations();
      const before = migrations.filter((migration) => migration.version < 4);
      const kek = parseKek(newKekText(), 'test');
      const steps = { sealed_voucher_keys: (tx: Parameters<typeof sealPlainKeys>[0]) => sealPlainKeys(tx, kek) };
      await migrate(sql, before, steps);
      const store = await createStore(sql, { name: 'Old', currency: 'CNY', timeZone: 'Asia/Shanghai' }, 1_000);
      const publicKey = 'A'.repeat(43);
      // Paired by the platform as it was before 0004.
      const old = { deviceId: '01900000-0000-7000-8000-0000000000d1' };
      await sql.query(
        `INSERT INTO devices (id, store_id, device_code, name, public_key, paired_at)
         VALUES ($1, $2, 'T1', 'Old till', $3, 2000)`,
        [old.deviceId, store.storeId, publicKey],
      );
      expect(await migrate(sql, migrations, steps)).toBe(migrations.length - before.length);
      const code = await issuePairingCode(sql, store.storeId, 3_000);
      const fresh = await pairDevice(sql, { code: code.code, publicKey, deviceName: 'New till' }, 4_000);
      const rows = await sql.query<{ id: string; last_pull_at: number | null }>('SELECT id, last_pull_at FROM devices');
      const lastPull = Object.fromEntries(rows.map((row) => [row.id, row.last_pull_at]));
      expect(lastPull).toEqual({ [old.deviceId]: null, [fresh.deviceId]: 4_000 });
    } finally {
      await sql.close();
    }
  });
});
