import type { Database } from 'better-sqlite3';
import { percentOf } from '../../../shared/rounding';
import { seededRandom } from '../../../shared/seeded-random';

/** The sample terms: what Chinese delivery platforms typically charge a convenience store. */
const DELIVERY_COMMISSION_BP = 1_800;
const PICKUP_COMMISSION_BP = 800;
/** A group-buy voucher settles at 85 % of its price: the platform keeps 15 %. */
export const GROUP_BUY_SETTLEMENT_BP = 8_500;

/**
 * Settlement terms for the sample history's platform sales (order_settlements, migration 0009), so
 * the demo's Settlement view shows commission, promotions and fees. Drawn from a sequence of their
 * own: the sales themselves are the same whether or not their terms are written.
 */
export function historySettlements(db: Database, seed: number) {
  const random = seededRandom(seed + 1);
  const insert = db.prepare(`INSERT INTO order_settlements (order_id, ref, gross, merchant_promotion,
      platform_promotion, delivery_fee, commission_bp, settlement_price) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  return (order: { id: string; channel: string; total: number }) => {
    const { id, total } = order;
    switch (order.channel) {
      case 'online_delivery': {
        const merchant = random.next() < 0.3 ? Math.min(300, Math.floor(total / 5)) : 0;
        const platform = random.next() < 0.2 ? Math.min(200, Math.floor((total - merchant) / 5)) : 0;
        insert.run(
          id,
          `sample-${id}`,
          total,
          merchant,
          platform,
          300 + 100 * random.int(4),
          DELIVERY_COMMISSION_BP,
          null,
        );
        return;
      }
      case 'online_pickup': {
        const merchant = random.next() < 0.2 ? Math.min(200, Math.floor(total / 5)) : 0;
        insert.run(id, `sample-${id}`, total, merchant, 0, 0, PICKUP_COMMISSION_BP, null);
        return;
      }
      case 'group_buy':
        insert.run(id, `sample-${id}`, total, 0, 0, 0, 0, percentOf(total, GROUP_BUY_SETTLEMENT_BP));
        return;
      default:
        return;
    }
  };
}
