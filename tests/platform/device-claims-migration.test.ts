import { describe, expect, it } from 'vitest';
import { createStore, issuePairingCode, pairDevice } from '../../platform/data/stores';
import { onPlatformBefore } from '../support/platform-migration';

describe('migration 0004 on a platform that already has paired devices', () => {
  it('leaves their last pull unknown, so their queued offline redemptions are not judged by it', async () => {
    await onPlatformBefore(4, async ({ sql, migrateRest, rest }) => {
      const store = await createStore(sql, { name: 'Old', currency: 'CNY', timeZone: 'Asia/Shanghai' }, 1_000);
      const publicKey = 'A'.repeat(43);
      // Paired by the platform as it was before 0004.
      const old = { deviceId: '01900000-0000-7000-8000-0000000000d1' };
      await sql.query(
        `INSERT INTO devices (id, store_id, device_code, name, public_key, paired_at)
         VALUES ($1, $2, 'T1', 'Old till', $3, 2000)`,
        [old.deviceId, store.storeId, publicKey],
      );
      expect(await migrateRest()).toBe(rest);
      const code = await issuePairingCode(sql, store.storeId, 3_000);
      const fresh = await pairDevice(sql, { code: code.code, publicKey, deviceName: 'New till' }, 4_000);
      const rows = await sql.query<{ id: string; last_pull_at: number | null }>('SELECT id, last_pull_at FROM devices');
      const lastPull = Object.fromEntries(rows.map((row) => [row.id, row.last_pull_at]));
      expect(lastPull).toEqual({ [old.deviceId]: null, [fresh.deviceId]: 4_000 });
    });
  });
});
