import type { Database } from 'better-sqlite3';
import type { SettlementTotals } from '../../shared/contract/settlement-report';

/** The plain computation, from the raw rows: each platform sale by itself, then added up. */
export function plainTotals(db: Database, from: string, to: string): Record<string, SettlementTotals> {
  const rows = db
    .prepare(
      `SELECT o.channel, o.total, s.gross, s.merchant_promotion AS mp, s.platform_promotion AS pp, s.delivery_fee AS fee,
         s.commission_bp AS bp, s.settlement_price AS price
       FROM orders o LEFT JOIN order_settlements s ON s.order_id = o.id
       WHERE o.business_day BETWEEN ? AND ? AND o.channel <> 'in_store'`,
    )
    .all(from, to) as {
    channel: string;
    total: number;
    gross: number | null;
    mp: number | null;
    pp: number | null;
    fee: number | null;
    bp: number | null;
    price: number | null;
  }[];
  const totals: Record<string, SettlementTotals> = {};
  for (const row of rows) {
    const gross = row.gross ?? row.total;
    const [mp, pp, fee, bp] = [row.mp ?? 0, row.pp ?? 0, row.fee ?? 0, row.bp ?? 0];
    let commission: number;
    let settlement: number;
    let customerPaid: number;
    if (row.channel === 'group_buy') {
      settlement = row.price ?? gross;
      commission = gross - settlement;
      customerPaid = gross;
    } else {
      commission = Math.round(((gross - mp) * bp) / 10_000);
      settlement = gross - mp - commission;
      customerPaid = gross - mp - pp + fee;
    }
    const t = totals[row.channel] ?? {
      orders: 0,
      gross: 0,
      merchantPromotion: 0,
      platformPromotion: 0,
      deliveryFee: 0,
      commission: 0,
      settlement: 0,
      customerPaid: 0,
      platformKeeps: 0,
    };
    totals[row.channel] = {
      orders: t.orders + 1,
      gross: t.gross + gross,
      merchantPromotion: t.merchantPromotion + (row.channel === 'group_buy' ? 0 : mp),
      platformPromotion: t.platformPromotion + (row.channel === 'group_buy' ? 0 : pp),
      deliveryFee: t.deliveryFee + (row.channel === 'group_buy' ? 0 : fee),
      commission: t.commission + commission,
      settlement: t.settlement + settlement,
      customerPaid: t.customerPaid + customerPaid,
      platformKeeps: t.platformKeeps + customerPaid - settlement,
    };
  }
  return totals;
}
