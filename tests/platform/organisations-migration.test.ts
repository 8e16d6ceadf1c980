import { describe, expect, it } from 'vitest';
import { createStore } from '../../platform/data/stores';
import { loadMigrations, migrate } from '../../platform/db/migrate';
import { openPgliteSql } from '../../platform/db/pglite-sql';
import { newKekText, parseKek } from '../../platform/vouchers/key-sealing';
import { sealPlainKeys } from '../../platform/vouchers/keys';

describe('migration 0012 on a platform with stores from before organisations', () => {
  it('keeps every store, in no organisation, so no owner sees it until the operator assigns it', async () => {
    const sql = await openPgliteSql(null);
    try {
      const migrations = loadMigrations();
      const before = migrations.filter((migration) => migration.version < 12);
      const kek = parseKek(newKekText(), 'test');
      const steps = { sealed_voucher_keys: (tx: Parameters<typeof sealPlainKeys>[0]) => sealPlainKeys(tx, kek) };
      await migrate(sql, before, steps);
      const store = await createStore(sql, { name: 'Old', currency: 'CNY', timeZone: 'Asia/Shanghai' }, 1_000);
      expect(await migrate(sql, migrations, steps)).toBe(migrations.length - before.length);
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
    } finally {
      await sql.close();
    }
  });
});
