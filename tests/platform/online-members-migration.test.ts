import { describe, expect, it } from 'vitest';
import { createStore } from '../../platform/data/stores';
import { ensureMemberSetup, listMemberKeys, rotateMemberKey } from '../../platform/members/member-keys';
import { onPlatformBefore } from '../support/platform-migration';

describe('migration 0017 (members from online orders, member-key retirement) on a platform with members', () => {
  it('keeps members, their key and online orders as they were, and holds an online-order member to its channel', async () => {
    await onPlatformBefore(17, async ({ sql, migrateRest, kek }) => {
      await ensureMemberSetup(sql, kek, 1_000_000);
      const { storeId } = await createStore(sql, { name: 'Old', currency: 'CNY', timeZone: 'Asia/Shanghai' }, 1_000);
      const member = '01900000-0000-7000-8000-0000000000aa';
      await sql.query(
        `INSERT INTO members (id, phone, tier, consent, created_via, created_at) VALUES ($1, '13900001111', 1, true, 'counter', 0)`,
        [member],
      );
      await sql.query(
        `INSERT INTO online_orders (store_id, id, channel, state, pickup_code, customer_name, note, placed_at, total, lines,
           version, member_id)
         VALUES ($1, '01900000-0000-7000-8000-0000000000b1', 'online_pickup', 'placed', '123456', '', '', 5, 800, '[]', 1, $2)`,
        [storeId, member],
      );
      await migrateRest();
      expect(
        await sql.query('SELECT created_via, created_channel, created_online_order_id, first_visit_at FROM members'),
      ).toEqual([
        { created_via: 'counter', created_channel: null, created_online_order_id: null, first_visit_at: null },
      ]);
      expect(await sql.query('SELECT member_id, request_hash FROM online_orders')).toEqual([
        { member_id: member, request_hash: null },
      ]);
      // The key pulled before keeps signing and is in use until a rotation.
      expect((await listMemberKeys(sql)).map((key) => [key.kid, key.retiredAt])).toEqual([[1, null]]);
      const rotated = await rotateMemberKey(sql, kek, 2_000_000, 600);
      expect(rotated).toEqual({ kid: 2, previous: 1, previousRetiresAt: 2_600, retired: [] });
      const insert = (id: string, via: string, channel: string | null) =>
        sql.query(
          `INSERT INTO members (id, phone, tier, consent, created_via, created_channel, created_at)
           VALUES ($1, $4, 1, false, $2, $3, 0)`,
          [id, via, channel, `139${id.slice(-8)}`],
        );
      await insert('01900000-0000-7000-8000-000000000004', 'online_order', 'online_delivery');
      // An online-order member names its channel; no other member does.
      await expect(insert('01900000-0000-7000-8000-000000000001', 'online_order', null)).rejects.toThrow();
      await expect(insert('01900000-0000-7000-8000-000000000002', 'counter', 'online_pickup')).rejects.toThrow();
      await expect(insert('01900000-0000-7000-8000-000000000003', 'online_order', 'in_store')).rejects.toThrow();
    });
  });
});
