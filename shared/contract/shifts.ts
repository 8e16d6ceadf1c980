import { z } from 'zod';
import { fieldMessage } from '../field-messages';
import { CashMovementId } from '../ids';
import { ceilings } from '../limits';
import { Money, moneyInput, NonNegativeMoney } from '../money';
import { SourcedDiscount } from '../pricing/discount-sources';
import { method } from './define';
import { Channel, PaymentMethod, ReceiptWidth } from './orders';

export const ShiftInfo = z.object({
  id: z.string(),
  openedAt: z.number().int(),
  openedByName: z.string(),
  businessDay: z.string(),
  float: Money,
});
export type ShiftInfo = z.infer<typeof ShiftInfo>;

const Amounts = z.object({ amount: Money, count: z.number().int() });

/** What an X report (mid-shift) and a Z report (at close) both show. */
export const ShiftReport = z.object({
  kind: z.enum(['x', 'z']),
  /** The Z number, per device, gapless; null on an X report. */
  zNumber: z.number().int().nullable(),
  shiftId: z.string(),
  storeName: z.string(),
  deviceCode: z.string(),
  businessDay: z.string(),
  openedAt: z.number().int(),
  openedByName: z.string(),
  closedAt: z.number().int().nullable(),
  closedByName: z.string().nullable(),
  printedAt: z.number().int(),
  currency: z.string(),
  orders: z.number().int(),
  gross: Money,
  discounts: Money,
  /** The discounts by source, each once; they add up to `discounts`. */
  discountsBySource: z.array(SourcedDiscount),
  net: Money,
  rounding: Money,
  byMethod: z.array(Amounts.extend({ method: PaymentMethod })),
  byChannel: z.array(Amounts.extend({ channel: Channel })),
  refunds: Amounts,
  refundsByMethod: z.array(Amounts.extend({ method: PaymentMethod })),
  float: Money,
  cashIn: Amounts,
  cashOut: Amounts,
  expectedCash: Money,
  /** Null until the blind count at close. */
  countedCash: Money.nullable(),
  variance: Money.nullable(),
  varianceApprovedByName: z.string().nullable(),
});
export type ShiftReport = z.infer<typeof ShiftReport>;

const Reason = z.string().trim().min(1).max(200);
const CashAmount = moneyInput(ceilings.cashMovement);
const CashMovement = z.object({
  id: CashMovementId,
  amount: CashAmount.refine((v) => v > 0, fieldMessage('more_than_zero')),
  reason: Reason,
});

export const shiftMethods = {
  'shift.current': method({
    input: z.object({}),
    output: z.object({ shift: ShiftInfo.nullable() }),
    access: 'sell',
    mutates: false,
  }),
  'shift.open': method({
    input: z.object({ float: CashAmount }),
    output: ShiftInfo,
    access: 'sell',
    mutates: true,
  }),
  'shift.cashIn': method({
    input: CashMovement,
    output: z.object({ id: z.string(), replayed: z.boolean() }),
    access: 'sell',
    mutates: true,
  }),
  'shift.cashOut': method({
    input: CashMovement,
    output: z.object({ id: z.string(), replayed: z.boolean() }),
    access: 'cash.out',
    mutates: true,
  }),
  'shift.xReport': method({
    input: z.object({ width: ReceiptWidth.optional() }),
    output: z.object({ report: ShiftReport, html: z.string() }),
    access: 'reports.view',
    mutates: false,
  }),
  /** Blind count: the caller never sees the expected cash before sending what was counted. */
  'shift.close': method({
    input: z.object({ countedCash: NonNegativeMoney, width: ReceiptWidth.optional() }),
    output: z.object({ report: ShiftReport, html: z.string() }),
    access: 'sell',
    mutates: true,
  }),
  'shift.zReports': method({
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }),
    output: z.object({ reports: z.array(ShiftReport) }),
    access: 'reports.view',
    mutates: false,
  }),
  /** A past Z report printed again, marked as a copy and audited like a receipt reprint. */
  'shift.reprintZ': method({
    input: z.object({ zNumber: z.number().int().min(1), width: ReceiptWidth.optional() }),
    output: z.object({ report: ShiftReport, html: z.string() }),
    access: 'reports.view',
    mutates: true,
  }),
};
