import { describe, expect, it } from 'vitest';
import { createStore } from '../../platform/data/stores';
import { onPlatformBefore } from '../support/platform-migration';

describe('migration 0012 on a platform with stores from before organisations', () => {
  it('keeps every store, in no organisation, so no owner sees it until the operator assigns it', async () => {
    await onPlatformBefore(12, async ({ sql, migrateRest, rest }) => {
      const store = await createStore(sql, { name: 'Old', currency: 'CNY', timeZone: 'Asia/Shanghai' }, 1_000);
      expect(await migrateRest()).toBe(rest);
      expect(await sql.query('SELECT id, name, organisation_id FROM stores')).toEqual([
        { id: store.storeId, name: 'Old', organisation_id: null },
      ]);
      // The database holds what the code relies on: one owner per login, audit actors of known kinds.
      await sql.query(
        "INSERT INTO organisations (id, name, created_at) VALUES ('01900000-0000-7000-8000-000000000001', 'B', 1)",
      );
      const owner = `INSERT INTO owners (id, organisation_id, login, name, invited_at)
        VALUES ($1, '01900000-0000-7000-8000-000000000001', 'same@example.com', 'O', 1)`;
      await sql.query(owner, ['01900000-0000-7000-8000-0000000000a1']);
      await expect(sql.query(owner, ['01900000-0000-7000-8000-0000000000a2'])).rejects.toThrow(/owners_login/);
      await expect(
        sql.query("INSERT INTO platform_audit (actor_kind, action, detail, at) VALUES ('stranger', 'x', '{}', 1)"),
      ).rejects.toThrow(/platform_audit_actor_kind/);
    });
  });
});
