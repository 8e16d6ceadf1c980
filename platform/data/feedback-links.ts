import { verify } from 'node:crypto';
import { feedbackLimits } from '../../shared/feedback/feedback-limits';
import { decodeFeedbackRef, uuidv7Time } from '../../shared/feedback/feedback-ref';
import { SIGNATURE_WINDOW_MS } from '../../shared/sync/wire';
import type { Queryable } from '../db/sql';
import { devicePublicKey } from './device-keys';

const DAY_MS = 86_400_000;

/** The answer already given on an order, as the page shows it again. */
export type GivenAnswer = { score: number; comment: string; answeredAt: number; changedAt: number };

/** What a receipt's link stands for, once the platform has checked it. */
export type FeedbackLink =
  /** Not a reference, a signature that does not verify, or an order this store's till cannot vouch for. */
  | { kind: 'invalid' }
  /** A genuine reference past `feedbackLimits.linkDays` after the visit. */
  | { kind: 'expired' }
  | {
      kind: 'open';
      storeId: string;
      storeName: string;
      timeZone: string;
      deviceId: string;
      orderId: string;
      /** The sale as the platform has it; null while it has not arrived (the answer is linked when it does). */
      order: { number: string; paidAt: number } | null;
      given: GivenAnswer | null;
      /** The customer may still change the given answer (or give one). */
      open: boolean;
    };

type DeviceRow = {
  store_id: string;
  store_name: string;
  time_zone: string;
  public_key: string;
  revoked_at: number | null;
};
type OrderRow = { store_id: string; device_id: string; number: string; paid_at: number };
type AnswerRow = { score: number; comment: string; answered_at: number; changed_at: number };

/**
 * Checks a receipt's reference as far as the platform can (docs/protocol.md, 8.2): it decodes, the
 * till that signed it is paired (or was, and had pushed the order before it was revoked), the
 * signature verifies with that till's key, the visit is no later than now and no older than the
 * link's life, and the order, if the platform has it, is that till's store's. Every way a
 * reference can fail reads the same to the customer, so the page says nothing an attacker can use.
 */
export async function openFeedbackLink(db: Queryable, text: string, now: number): Promise<FeedbackLink> {
  const ref = decodeFeedbackRef(text);
  if (!ref) return { kind: 'invalid' };
  const [device] = await db.query<DeviceRow>(
    `SELECT d.store_id, s.name AS store_name, s.time_zone, d.public_key, d.revoked_at
     FROM devices d JOIN stores s ON s.id = d.store_id WHERE d.id = $1`,
    [ref.deviceId],
  );
  if (!device) return { kind: 'invalid' };
  if (!verify(null, ref.signed, devicePublicKey(device.public_key), ref.signature)) return { kind: 'invalid' };
  const visitedAt = uuidv7Time(ref.orderId);
  if (visitedAt === null || visitedAt > now + SIGNATURE_WINDOW_MS) return { kind: 'invalid' };
  const orders = await db.query<OrderRow>('SELECT store_id, device_id, number, paid_at FROM orders WHERE id = $1', [
    ref.orderId,
  ]);
  if (orders.some((order) => order.store_id !== device.store_id)) return { kind: 'invalid' };
  const order = orders[0] ?? null;
  // A revoked till's key may be in other hands: it still vouches for what it pushed while trusted.
  if (device.revoked_at !== null && order?.device_id !== ref.deviceId) return { kind: 'invalid' };
  if (now - visitedAt > feedbackLimits.linkDays * DAY_MS) return { kind: 'expired' };
  const [row] = await db.query<AnswerRow>(
    'SELECT score, comment, answered_at, changed_at FROM feedback WHERE store_id = $1 AND order_id = $2',
    [device.store_id, ref.orderId],
  );
  const given = row
    ? { score: row.score, comment: row.comment, answeredAt: row.answered_at, changedAt: row.changed_at }
    : null;
  return {
    kind: 'open',
    storeId: device.store_id,
    storeName: device.store_name,
    timeZone: device.time_zone,
    deviceId: ref.deviceId,
    orderId: ref.orderId,
    order: order ? { number: order.number, paidAt: order.paid_at } : null,
    given,
    open: given === null || mayChange(given, now),
  };
}

export function mayChange(given: Pick<GivenAnswer, 'answeredAt'>, now: number): boolean {
  return now - given.answeredAt <= feedbackLimits.changeHours * 3_600_000;
}
