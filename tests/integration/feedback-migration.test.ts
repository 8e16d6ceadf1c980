import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { migrationsDir, storeBefore } from '../support/store-before';

describe('customer feedback on the till (migration 0013)', () => {
  it('adds an empty feedback table to a store from before it, which refuses answers outside the domain', () => {
    const { dataDir, db: old } = storeBefore('feedback');
    old.close();
    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(db.prepare('SELECT count(*) FROM feedback').pluck().get()).toBe(0);
    const insert = (score: number, comment: string, channel: string | null) =>
      db
        .prepare(
          `INSERT INTO feedback (order_id, score, comment, answered_at, changed_at, channel, version, updated_at)
           VALUES (?, ?, ?, 0, 0, ?, '1', 0)`,
        )
        .run(`o-${score}-${comment.length}-${channel}`, score, comment, channel);
    insert(10, '好'.repeat(500), 'in_store');
    expect(() => insert(11, '', null)).toThrow(/CHECK/);
    expect(() => insert(-1, '', null)).toThrow(/CHECK/);
    expect(() => insert(5, '好'.repeat(501), null)).toThrow(/CHECK/);
    expect(() => insert(5, '', 'phone')).toThrow(/CHECK/);
    db.close();
  });
});
