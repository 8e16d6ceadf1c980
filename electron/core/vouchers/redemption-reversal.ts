import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../../shared/ids';
import { VoucherReversedPayload } from '../../../shared/sync/mutations';
import { namedStatements } from '../db/open-database';
import { enqueue } from '../sync/outbox';

const statements = namedStatements({
  toReverse: `SELECT id FROM redemptions WHERE order_id = ? AND state IN ('CONFIRMED', 'OFFLINE_PROVISIONAL')`,
  reverse: `UPDATE redemptions SET state = 'REVERSED', reversed_by_refund = @refundId WHERE id = @id`,
});

/**
 * A refund that leaves the order fully refunded gives its vouchers back, in the refund's
 * transaction: REVERSED here at once and `voucher.reversed` queued for the platform, which honours
 * it within the campaign's reversal window (else the voucher stays used and the manager is told).
 * A partial refund keeps the voucher used: the customer kept part of what it discounted.
 */
export function reverseRedemptionsOf(
  db: Database,
  refund: { orderId: string; refundId: string; reason: string; now: number },
): string[] {
  const q = statements(db);
  const ids = (q.toReverse.all(refund.orderId) as { id: string }[]).map((r) => r.id);
  for (const id of ids) {
    q.reverse.run({ id, refundId: refund.refundId });
    enqueue(db, {
      id: uuidv7(refund.now),
      type: 'voucher.reversed',
      payload: VoucherReversedPayload.parse({
        redemptionId: id,
        refundId: refund.refundId,
        at: refund.now,
        reason: refund.reason,
      }),
      now: refund.now,
    });
  }
  return ids;
}
