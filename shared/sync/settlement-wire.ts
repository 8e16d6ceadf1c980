import { z } from 'zod';
import { BusinessDay } from '../business-day';

/**
 * What the platform's order data carries for settlement (DOMAIN.md, Reports; shared/reports/
 * settlement.ts computes from it): who funds each promotion, the delivery fee the customer paid,
 * and the commission rate. Amounts in minor units, the rate in basis points.
 */
export const OnlineTerms = z.object({
  merchantPromotion: z.number().int().min(0),
  platformPromotion: z.number().int().min(0),
  deliveryFee: z.number().int().min(0),
  commissionBp: z.number().int().min(0).max(10_000),
});
export type OnlineTerms = z.infer<typeof OnlineTerms>;

/** An order placed before the platform carried terms: no promotion, no fee, no commission. */
export const noTerms: OnlineTerms = { merchantPromotion: 0, platformPromotion: 0, deliveryFee: 0, commissionBp: 0 };

export const SettlementChannel = z.enum(['online_delivery', 'online_pickup', 'group_buy']);
export type SettlementChannel = z.infer<typeof SettlementChannel>;

const Amount = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/** shared/reports/settlement.ts's OnlineSettlement on the wire. */
export const SettlementFigures = z.object({
  gross: Amount,
  merchantPromotion: Amount,
  platformPromotion: Amount,
  deliveryFee: Amount,
  commission: Amount,
  settlement: Amount,
  customerPaid: Amount,
  platformKeeps: Amount,
});

/**
 * One order or voucher of a statement: the sale that fulfilled it (`orderId`, its receipt number
 * and the till that recorded it) and, as `ref`, the online order's id or the redeemed voucher's.
 */
export const StatementLine = SettlementFigures.extend({
  channel: SettlementChannel,
  orderId: z.uuid(),
  number: z.string(),
  deviceCode: z.string(),
  ref: z.string(),
});
export type StatementLine = z.infer<typeof StatementLine>;

export const StatementTotal = SettlementFigures.extend({ channel: SettlementChannel, orders: z.number().int().min(0) });
export type StatementTotal = z.infer<typeof StatementTotal>;

/**
 * `GET /v1/sync/statement?day=` (the store's own till, signed) and `GET /v1/admin/stores/{id}/
 * statement?day=` (the operator): the platform's daily settlement statement for one store.
 */
export const SettlementStatement = z.object({
  storeId: z.uuid(),
  storeName: z.string(),
  currency: z.string(),
  day: BusinessDay,
  lines: z.array(StatementLine),
  /** One per channel, every channel present (zeros when it had nothing that day). */
  totals: z.array(StatementTotal),
});
export type SettlementStatement = z.infer<typeof SettlementStatement>;

export const StatementQuery = z.object({ day: z.string().max(10) });
