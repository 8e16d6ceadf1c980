import type { Database } from 'better-sqlite3';
import { namedStatements } from '../db/open-database';

/**
 * Each platform sale's settlement terms as they stood when it was recorded (migration 0009): the
 * settlement report reads them offline, and a later correction on the platform shows up in
 * reconciliation instead of rewriting a past day.
 */
const statements = namedStatements({
  // The online order's terms as last pulled; its total is what the sale was priced at.
  online: `INSERT INTO order_settlements (order_id, ref, gross, merchant_promotion, platform_promotion, delivery_fee,
      commission_bp, settlement_price)
    SELECT @orderId, id, total, merchant_promotion, platform_promotion, delivery_fee, commission_bp, NULL
    FROM online_orders WHERE id = @onlineOrderId`,
  groupBuy: `INSERT INTO order_settlements (order_id, ref, gross, merchant_promotion, platform_promotion, delivery_fee,
      commission_bp, settlement_price)
    VALUES (@orderId, @voucherId, @price, 0, 0, 0, 0, @settlementPrice)`,
});

/** In the sale's transaction: the accepted online order's terms go with its sale. */
export function recordOnlineSettlement(db: Database, orderId: string, onlineOrderId: string): void {
  statements(db).online.run({ orderId, onlineOrderId });
}

/**
 * In the sale's transaction: a group-buy voucher settles at its campaign's settlement price, never
 * above what the voucher was worth; a campaign without one (pulled from an older platform) at its price.
 */
export function recordGroupBuySettlement(
  db: Database,
  sale: { orderId: string; voucherId: string; price: number; settlementPrice: number | null | undefined },
): void {
  const settlementPrice = Math.min(sale.settlementPrice ?? sale.price, sale.price);
  statements(db).groupBuy.run({ ...sale, settlementPrice });
}
