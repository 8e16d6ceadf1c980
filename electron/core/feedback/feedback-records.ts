import type { Database } from 'better-sqlite3';
import type { FeedbackRow } from '../../../shared/contract/feedback';
import { answerOfColumns, type FeedbackAnswer, type FeedbackColumns } from '../../../shared/sync/feedback-sync';
import { namedStatements } from '../db/open-database';
import { ackedSeq } from '../sync/sync-records';

/** A `feedback` row as SQLite returns it, and whether its sale is on this till. */
type FeedbackRecord = FeedbackColumns & { on_this_till: number };

const columns = `f.order_id, f.score, f.comment, f.answered_at, f.changed_at, f.order_number, f.channel, f.cashier_name,
  f.paid_at, f.device_code, f.member_id, f.followed_up_at, f.followed_up_by, f.follow_up_note,
  EXISTS (SELECT 1 FROM orders o WHERE o.id = f.order_id) AS on_this_till`;

const statements = namedStatements({
  upsert: `INSERT INTO feedback (order_id, score, comment, answered_at, changed_at, order_number, channel, cashier_name,
      paid_at, device_code, member_id, followed_up_at, followed_up_by, follow_up_note, version, updated_at)
    VALUES (@orderId, @score, @comment, @answeredAt, @changedAt, @orderNumber, @channel, @cashierName, @paidAt,
      @deviceCode, @memberId, @followedUpAt, @followedUpBy, @followUpNote, @version, @now)
    ON CONFLICT (order_id) DO UPDATE SET score = excluded.score, comment = excluded.comment,
      answered_at = excluded.answered_at, changed_at = excluded.changed_at, order_number = excluded.order_number,
      channel = excluded.channel, cashier_name = excluded.cashier_name, paid_at = excluded.paid_at,
      device_code = excluded.device_code, member_id = excluded.member_id, version = excluded.version,
      updated_at = excluded.updated_at,
      followed_up_at = CASE WHEN @keepMark THEN feedback.followed_up_at ELSE excluded.followed_up_at END,
      followed_up_by = CASE WHEN @keepMark THEN feedback.followed_up_by ELSE excluded.followed_up_by END,
      follow_up_note = CASE WHEN @keepMark THEN feedback.follow_up_note ELSE excluded.follow_up_note END`,
  // Only the unsent tail of the queue, by its key: a mark made here and not yet pushed is newer.
  unsentMark: `SELECT EXISTS (SELECT 1 FROM outbox WHERE seq > ? AND type = 'feedback.followed_up'
    AND json_extract(payload, '$.orderId') = ?)`,
  one: `SELECT ${columns} FROM feedback f WHERE f.order_id = ?`,
  scoresIn: 'SELECT score FROM feedback WHERE answered_at >= ? AND answered_at < ?',
  detractorsIn: `SELECT ${columns} FROM feedback f WHERE f.answered_at >= ? AND f.answered_at < ? AND f.score <= 6
    ORDER BY f.answered_at DESC, f.order_id LIMIT ?`,
  mark: `UPDATE feedback SET followed_up_at = ?, followed_up_by = ?, follow_up_note = ?, updated_at = ?
    WHERE order_id = ?`,
});

export function rowToFeedback(row: FeedbackRecord): FeedbackRow {
  return { ...answerOfColumns(row), onThisTill: row.on_this_till === 1 };
}

/** An answer from the platform, as an upsert by its order; a follow-up mark not yet pushed stays. */
export function applyAnswer(db: Database, answer: FeedbackAnswer, version: string, now: number): void {
  const q = statements(db);
  const keepMark = q.unsentMark.pluck().get(ackedSeq(db), answer.orderId) === 1 ? 1 : 0;
  q.upsert.run({
    orderId: answer.orderId,
    score: answer.score,
    comment: answer.comment,
    answeredAt: answer.answeredAt,
    changedAt: answer.changedAt,
    orderNumber: answer.order?.number ?? null,
    channel: answer.order?.channel ?? null,
    cashierName: answer.order?.cashierName ?? null,
    paidAt: answer.order?.paidAt ?? null,
    deviceCode: answer.order?.deviceCode ?? null,
    memberId: answer.memberId,
    followedUpAt: answer.followUp?.at ?? null,
    followedUpBy: answer.followUp?.by ?? null,
    followUpNote: answer.followUp?.note ?? '',
    version,
    now,
    keepMark,
  });
}

export function readFeedback(db: Database, orderId: string): FeedbackRow | null {
  const row = statements(db).one.get(orderId) as FeedbackRecord | undefined;
  return row ? rowToFeedback(row) : null;
}

/** Scores of the answers first given in [from, until), epoch ms. */
export function scoresIn(db: Database, from: number, until: number): number[] {
  return statements(db).scoresIn.pluck().all(from, until) as number[];
}

export function detractorsIn(db: Database, from: number, until: number, limit: number): FeedbackRow[] {
  return (statements(db).detractorsIn.all(from, until, limit) as FeedbackRecord[]).map(rowToFeedback);
}

export function markFollowedUp(
  db: Database,
  orderId: string,
  mark: { at: number; by: string; note: string } | null,
  now: number,
): void {
  statements(db).mark.run(mark?.at ?? null, mark?.by ?? null, mark?.note ?? '', now, orderId);
}
