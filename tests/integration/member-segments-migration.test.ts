import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { migrationsDir, storeBefore } from '../support/store-before';

describe('member segments on the till (migration 0015)', () => {
  it('keeps cached members and the policy as they were, unscored and with no bands, and adds an empty report cache', () => {
    const { dataDir, db: old } = storeBefore('member_segments');
    old
      .prepare(
        `INSERT INTO members (id, masked_phone, phone_hash, name, tier_id, tier_zh, tier_en, growth, points,
           first_visit_at, last_visit_at, consent, erased, updated_at)
         VALUES ('m1', '138****5678', 'h1', '王', 1, '普通会员', 'Member', 10, 0, 1, 2, 1, 0, 3)`,
      )
      .run();
    old.prepare(`INSERT INTO member_policy (id, brand, lookup_key, updated_at) VALUES (1, 1, 'k', 4)`).run();
    old.close();
    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(db.prepare('SELECT masked_phone, growth, value_segment FROM members').get()).toEqual({
      masked_phone: '138****5678',
      growth: 10,
      value_segment: null,
    });
    expect(db.prepare('SELECT brand, recency_bands FROM member_policy').get()).toEqual({
      brand: 1,
      recency_bands: null,
    });
    expect(db.prepare('SELECT count(*) FROM member_reports').pluck().get()).toBe(0);
    db.prepare("UPDATE members SET value_segment = 'high'").run();
    expect(() => db.prepare("UPDATE members SET value_segment = 'gold'").run()).toThrow(/CHECK/);
    db.close();
  });
});
