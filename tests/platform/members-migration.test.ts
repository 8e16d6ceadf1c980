import { describe, expect, it } from 'vitest';
import { createStore } from '../../platform/data/stores';
import { ensureMemberSetup, listMemberKeys } from '../../platform/members/member-keys';
import { readMemberSettings } from '../../platform/members/member-settings';
import { newKekText, parseKek } from '../../platform/vouchers/key-sealing';
import { onPlatformBefore } from '../support/platform-migration';

describe('migration 0006 (members) on a platform that already has stores', () => {
  it('adds the member tables, and the first start writes the brand settings and one sealed member key', async () => {
    await onPlatformBefore(6, async ({ sql, migrateRest, kek }) => {
      await createStore(sql, { name: 'Old', currency: 'CNY', timeZone: 'Asia/Shanghai' }, 1_000);
      await migrateRest();
      expect(await sql.query('SELECT count(*)::int AS n FROM members')).toEqual([{ n: 0 }]);
      await ensureMemberSetup(sql, kek, 2_000_000);
      // A second start keeps what the first wrote.
      await ensureMemberSetup(sql, kek, 3_000_000);
      const settings = await readMemberSettings(sql);
      expect(settings.brand).toBe(1);
      expect(settings.ladder.map((tier) => tier.minGrowth)).toEqual([0, 1_000, 5_000]);
      expect(settings.lookupSecret).toHaveLength(32);
      expect((await listMemberKeys(sql)).map((key) => [key.kid, key.validFrom])).toEqual([[1, 2_000]]);
      // Sealed: a platform started with another KEK refuses, rather than signing with a new key.
      await expect(ensureMemberSetup(sql, parseKek(newKekText(), 'other'), 4_000_000)).rejects.toThrow(/does not open/);
      // A phone number is one member's at a time; an erased member keeps nothing personal.
      const insert = (id: string, phone: string | null, erased: number | null) =>
        sql.query(
          `INSERT INTO members (id, phone, tier, consent, created_via, created_at, erased_at)
           VALUES ($1, $2, 1, false, 'platform', 0, $3)`,
          [id, phone, erased],
        );
      await insert('01900000-0000-7000-8000-000000000001', '13900001234', null);
      await expect(insert('01900000-0000-7000-8000-000000000002', '13900001234', null)).rejects.toThrow();
      await expect(insert('01900000-0000-7000-8000-000000000003', '13900005678', 5)).rejects.toThrow();
    });
  });
});
