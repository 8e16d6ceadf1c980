import { isCalendarDay } from '../../shared/reports/periods';
import {
  addSettlements,
  groupBuySettlement,
  noSettlement,
  type OnlineSettlement,
  onlineSettlement,
} from '../../shared/reports/settlement';
import {
  type SettlementChannel,
  SettlementChannel as SettlementChannels,
  type SettlementStatement,
  type StatementLine,
} from '../../shared/sync/settlement-wire';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';
import { TERMS_COLUMNS, termsOfRow } from './settlement-terms';
import { requireStore } from './stores';

type SaleRef = { order_id: string; number: string; device_code: string };

type OnlineRow = SaleRef & {
  channel: 'online_delivery' | 'online_pickup';
  ref: string;
  total: number;
  merchant_promotion: number;
  platform_promotion: number;
  delivery_fee: number;
  commission_bp: number;
};

type GroupBuyRow = SaleRef & { ref: string; price: number; settlement_price: number };

/**
 * The day is the store's business day as its tills record it: an online order belongs to the day of
 * the sale that fulfilled it (taken when the store accepted it), a group-buy voucher to the day of
 * the sale it paid. Only what reached the platform counts; a till's unsent sales are its own to tell.
 */
const onlineQuery = `
  SELECT o.id AS order_id, o.number, d.device_code, oo.channel, oo.id::text AS ref, oo.total, ${TERMS_COLUMNS.split(
    ', ',
  )
    .map((column) => `oo.${column}`)
    .join(', ')}
  FROM orders o
  JOIN online_orders oo ON oo.store_id = o.store_id AND oo.id = o.online_order_id
  JOIN devices d ON d.id = o.device_id
  WHERE o.store_id = $1 AND o.business_day = $2::date AND o.channel IN ('online_delivery', 'online_pickup')
  ORDER BY o.paid_at, o.id`;

// A voucher counts once its redemption is captured; a reversed one (its sale refunded) is not settled.
const groupBuyQuery = `
  SELECT o.id AS order_id, o.number, d.device_code, r.voucher_id AS ref, r.amount AS price,
    LEAST(COALESCE(c.settlement_price, r.amount), r.amount) AS settlement_price
  FROM orders o
  JOIN redemptions r ON r.store_id = o.store_id AND r.order_id = o.id AND r.state = 'CAPTURED'
  JOIN campaigns c ON c.id = r.campaign_id AND c.type = 'group_buy'
  JOIN devices d ON d.id = o.device_id
  WHERE o.store_id = $1 AND o.business_day = $2::date AND o.channel = 'group_buy'
  ORDER BY o.paid_at, o.id`;

function line(channel: SettlementChannel, sale: SaleRef & { ref: string }, figures: OnlineSettlement): StatementLine {
  return {
    channel,
    orderId: sale.order_id,
    number: sale.number,
    deviceCode: sale.device_code,
    ref: sale.ref,
    ...figures,
  };
}

/** One store's settlement statement for one business day: a line per order or voucher, totals per channel. */
export async function settlementStatement(db: Queryable, storeId: string, day: string): Promise<SettlementStatement> {
  if (!isCalendarDay(day)) throw new ApiError(400, 'day_invalid');
  const store = await requireStore(db, storeId);
  const [online, groupBuy] = await Promise.all([
    db.query<OnlineRow>(onlineQuery, [store.storeId, day]),
    db.query<GroupBuyRow>(groupBuyQuery, [store.storeId, day]),
  ]);
  const lines = [
    ...online.map((row) => line(row.channel, row, onlineSettlement({ gross: row.total, ...termsOfRow(row) }))),
    ...groupBuy.map((row) =>
      line('group_buy', row, groupBuySettlement({ price: row.price, settlementPrice: row.settlement_price })),
    ),
  ];
  return {
    storeId: store.storeId,
    storeName: store.name,
    currency: store.currency,
    day,
    lines,
    totals: statementTotals(lines),
  };
}

/** Every channel, in the schema's order, with its lines added up (zeros when it had none). */
export function statementTotals(
  lines: readonly (StatementLine | (OnlineSettlement & { channel: SettlementChannel }))[],
) {
  return SettlementChannels.options.map((channel) => {
    const mine = lines.filter((l) => l.channel === channel);
    const sum = mine.reduce<OnlineSettlement>((total, l) => addSettlements(total, l), noSettlement);
    return { channel, orders: mine.length, ...sum };
  });
}
