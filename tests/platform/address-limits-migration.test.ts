import { describe, expect, it } from 'vitest';
import { onPlatformBefore } from '../support/platform-migration';

describe('migration 0014 on a platform counting wrong pairing codes in their own table', () => {
  it('keeps every address’s count and window, now among all the per-address limits', async () => {
    await onPlatformBefore(14, async ({ sql, migrateRest, rest }) => {
      await sql.query(
        "INSERT INTO pairing_failures (address, failures, since) VALUES ('10.0.0.7', 9, 1000), ('::1', 2, 2000)",
      );
      expect(await migrateRest()).toBe(rest);
      expect(await sql.query('SELECT kind, address, count, since FROM address_limits ORDER BY address')).toEqual([
        { kind: 'pairing', address: '10.0.0.7', count: 9, since: 1000 },
        { kind: 'pairing', address: '::1', count: 2, since: 2000 },
      ]);
      await expect(sql.query('SELECT 1 FROM pairing_failures')).rejects.toThrow(/pairing_failures/);
      await expect(
        sql.query("INSERT INTO address_limits (kind, address, count, since) VALUES ('guess', 'x', 1, 1)"),
      ).rejects.toThrow(/address_limits_kind/);
    });
  });
});
