import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { migrationsDir, storeBefore } from '../support/store-before';

describe('the points liability cache on the till (migration 0018)', () => {
  it('keeps the member figures as fetched and adds an empty liability cache, one answer a span', () => {
    const { dataDir, db: old } = storeBefore('points_liability');
    old.prepare(`INSERT INTO member_reports (span, fetched_at, body) VALUES ('2026-12-01..2026-12-07', 5, '{}')`).run();
    old.close();
    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(db.prepare('SELECT span, fetched_at FROM member_reports').all()).toEqual([
      { span: '2026-12-01..2026-12-07', fetched_at: 5 },
    ]);
    expect(db.prepare('SELECT count(*) FROM points_liability_reports').pluck().get()).toBe(0);
    const keep = db.prepare('INSERT INTO points_liability_reports (span, fetched_at, body) VALUES (?, ?, ?)');
    keep.run('2026-12-01..2026-12-07', 6, '{}');
    expect(() => keep.run('2026-12-01..2026-12-07', 7, '{}')).toThrow(/UNIQUE/);
    expect(() => keep.run('2026-12-08..2026-12-08', 'soon', '{}')).toThrow(/INTEGER/);
    db.close();
  });
});
