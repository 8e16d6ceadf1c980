import type { Locale } from '../../shared/locale';
import type { FeedbackFollowedUpPayload } from '../../shared/sync/feedback-sync';
import type { Queryable, Sql } from '../db/sql';
import { type FeedbackLink, mayChange } from './feedback-links';
import { lockStore, reserveStoreVersions } from './versions';

export type AnswerInput = { score: number; comment: string; locale: Locale };

/** What became of a customer's answer: stored, the same as before (a repeat), or too late to change. */
export type AnswerOutcome = 'saved' | 'unchanged' | 'closed';

type OpenLink = Extract<FeedbackLink, { kind: 'open' }>;

/**
 * One answer per order: the first is stored, a different one replaces it within the change window,
 * the same one again (a double tap, a resent form) changes nothing. Each write takes a new version
 * of the store's streams and a line of history. Locks the store row first, as every writer of a
 * store's streams does.
 */
export async function saveAnswer(sql: Sql, link: OpenLink, input: AnswerInput, now: number): Promise<AnswerOutcome> {
  return sql.transaction(async (tx) => {
    await lockStore(tx, link.storeId);
    const [given] = await tx.query<{ score: number; comment: string; answered_at: number }>(
      'SELECT score, comment, answered_at FROM feedback WHERE store_id = $1 AND order_id = $2 FOR UPDATE',
      [link.storeId, link.orderId],
    );
    if (given && given.score === input.score && given.comment === input.comment) return 'unchanged';
    if (given && !mayChange({ answeredAt: given.answered_at }, now)) return 'closed';
    const version = await reserveStoreVersions(tx, link.storeId, 1);
    const [linked] = await tx.query<{ id: string }>('SELECT id FROM orders WHERE store_id = $1 AND id = $2', [
      link.storeId,
      link.orderId,
    ]);
    await tx.query(
      `INSERT INTO feedback (store_id, order_id, device_id, score, comment, locale, answered_at, changed_at, linked_at,
         version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9)
       ON CONFLICT (store_id, order_id) DO UPDATE SET score = excluded.score, comment = excluded.comment,
         locale = excluded.locale, changed_at = excluded.changed_at, version = excluded.version`,
      [
        link.storeId,
        link.orderId,
        link.deviceId,
        input.score,
        input.comment,
        input.locale,
        now,
        linked ? now : null,
        version,
      ],
    );
    await addHistory(tx, link.storeId, link.orderId, now, given ? 'changed' : 'answered', 'customer', input);
    return 'saved';
  });
}

type HistoryKind = 'answered' | 'changed' | 'followed_up' | 'reopened';

async function addHistory(
  tx: Queryable,
  storeId: string,
  orderId: string,
  at: number,
  kind: HistoryKind,
  actor: string,
  answer: { score: number; comment: string } | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO feedback_history (store_id, order_id, at, kind, score, comment, actor)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [storeId, orderId, at, kind, answer?.score ?? null, answer?.comment ?? null, actor],
  );
}

/**
 * Sales that reached the platform after an answer about them: each such answer is linked to its
 * order and takes a new version, so the store's tills learn the order's number, channel and
 * cashier. One indexed read per push batch; a write only for the rare answer that waited.
 */
export async function linkAnswers(tx: Queryable, storeId: string, orderIds: readonly string[], now: number) {
  if (orderIds.length === 0) return;
  const waiting = await tx.query<{ order_id: string }>(
    `SELECT order_id FROM feedback WHERE store_id = $1 AND order_id = ANY($2::uuid[]) AND linked_at IS NULL
     ORDER BY order_id`,
    [storeId, orderIds],
  );
  if (waiting.length === 0) return;
  const first = await reserveStoreVersions(tx, storeId, waiting.length);
  for (const [index, row] of waiting.entries()) {
    await tx.query('UPDATE feedback SET linked_at = $3, version = $4 WHERE store_id = $1 AND order_id = $2', [
      storeId,
      row.order_id,
      now,
      first + index,
    ]);
  }
}

/** A manager's follow-up mark from a till; null when the store has no answer on that order. */
export async function markFollowUp(
  tx: Queryable,
  storeId: string,
  payload: FeedbackFollowedUpPayload,
): Promise<'unknown' | 'marked'> {
  const [row] = await tx.query<{ order_id: string }>(
    'SELECT order_id FROM feedback WHERE store_id = $1 AND order_id = $2 FOR UPDATE',
    [storeId, payload.orderId],
  );
  if (!row) return 'unknown';
  const version = await reserveStoreVersions(tx, storeId, 1);
  await tx.query(
    `UPDATE feedback SET followed_up_at = $3, followed_up_by = $4, follow_up_note = $5, version = $6
     WHERE store_id = $1 AND order_id = $2`,
    [
      storeId,
      payload.orderId,
      payload.done ? payload.at : null,
      payload.done ? payload.by : null,
      payload.done ? payload.note : '',
      version,
    ],
  );
  await addHistory(
    tx,
    storeId,
    payload.orderId,
    payload.at,
    payload.done ? 'followed_up' : 'reopened',
    payload.by,
    null,
  );
  return 'marked';
}
