import type { Database } from 'better-sqlite3';
import { groupBuySettlement, type OnlineSettlement, onlineSettlement } from '../../../shared/reports/settlement';
import type { SettlementChannel } from '../../../shared/sync/settlement-wire';
import { namedStatements } from '../db/open-database';
import type { SpanBounds } from './range-sums';
import { perPart, spanParts } from './span-parts';

/** One platform sale at this till with its settlement, as the till recorded it. */
export type SettledOrder = {
  day: string;
  channel: SettlementChannel;
  orderId: string;
  number: string;
  ref: string;
  figures: OnlineSettlement;
};

type Row = {
  day: string;
  channel: SettlementChannel;
  order_id: string;
  number: string;
  total: number;
  ref: string | null;
  gross: number | null;
  merchant_promotion: number | null;
  platform_promotion: number | null;
  delivery_fee: number | null;
  commission_bp: number | null;
  settlement_price: number | null;
};

// A sale recorded before migration 0009 has no terms row: it settles at its total, with no
// promotion, fee or commission (what the platform's migration 0005 says of the same orders). A
// group-buy voucher whose redemption a refund reversed is not settled, as on the platform.
const select = (where: string) => `
  SELECT o.business_day AS day, o.channel, o.id AS order_id, o.number, o.total,
    COALESCE(s.ref, oo.id, (SELECT r.voucher_id FROM redemptions r WHERE r.order_id = o.id AND r.type = 'group_buy'
      LIMIT 1)) AS ref,
    s.gross, s.merchant_promotion, s.platform_promotion, s.delivery_fee, s.commission_bp, s.settlement_price
  FROM orders o
  LEFT JOIN order_settlements s ON s.order_id = o.id
  LEFT JOIN online_orders oo ON oo.order_id = o.id
  WHERE ${where} AND o.channel IN ('online_delivery', 'online_pickup', 'group_buy')
    AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.order_id = o.id AND r.type = 'group_buy'
      AND r.state = 'REVERSED')
  ORDER BY o.paid_at, o.id`;

const statements = namedStatements({
  ...perPart({ span: select }),
  day: select('o.business_day = @day'),
  queued: `SELECT state FROM outbox WHERE type = 'order.paid' AND id = ?`,
});

function settledOrder(row: Row): SettledOrder {
  const gross = row.gross ?? row.total;
  const figures =
    row.channel === 'group_buy'
      ? groupBuySettlement({ price: gross, settlementPrice: row.settlement_price ?? gross })
      : onlineSettlement({
          gross,
          merchantPromotion: row.merchant_promotion ?? 0,
          platformPromotion: row.platform_promotion ?? 0,
          deliveryFee: row.delivery_fee ?? 0,
          commissionBp: row.commission_bp ?? 0,
        });
  return { day: row.day, channel: row.channel, orderId: row.order_id, number: row.number, ref: row.ref ?? '', figures };
}

/** The span's platform sales, each with its settlement. */
export function settledOrdersIn(db: Database, bounds: SpanBounds): SettledOrder[] {
  const q = statements(db);
  return spanParts(bounds).flatMap(({ part, params }) => (q[`span.${part}`].all(params) as Row[]).map(settledOrder));
}

/** One business day's platform sales, each with its settlement. */
export function settledOrdersOn(db: Database, day: string): SettledOrder[] {
  return (statements(db).day.all({ day }) as Row[]).map(settledOrder);
}

/** Where the sale stands in the queue to the platform; sample records were never queued. */
export function saleQueue(db: Database, orderId: string): 'waiting' | 'refused' | 'sent' | 'not_queued' {
  const state = statements(db).queued.pluck().get(orderId) as 'pending' | 'sent' | 'rejected' | undefined;
  if (state === undefined) return 'not_queued';
  return state === 'pending' ? 'waiting' : state === 'rejected' ? 'refused' : 'sent';
}
