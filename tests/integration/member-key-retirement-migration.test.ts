import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { memberKeys } from '../../electron/core/members/member-cache';
import { migrationsDir, storeBefore } from '../support/store-before';

describe('member-code key retirement on the till (migration 0019)', () => {
  it('keeps every pulled key, in use, and takes a retirement time from then on', () => {
    const { dataDir, db: old } = storeBefore('member_key_retirement');
    old
      .prepare(`INSERT INTO member_keys (kid, public_key, valid_from, valid_to) VALUES (1, 'k1', 100, 4102444800)`)
      .run();
    old.close();
    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(memberKeys(db).get(1)).toEqual({
      kid: 1,
      publicKey: 'k1',
      validFrom: 100,
      validTo: 4_102_444_800,
      retiredAt: null,
    });
    db.prepare('UPDATE member_keys SET retired_at = 700 WHERE kid = 1').run();
    expect(memberKeys(db).get(1)?.retiredAt).toBe(700);
    expect(() => db.prepare('UPDATE member_keys SET retired_at = -1').run()).toThrow(/CHECK/);
    db.close();
  });
});
