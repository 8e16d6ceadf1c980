import { z } from 'zod';
import { mutationPayloads } from './sync-domains';

export { OnlineOrderStep, OnlineOrderStepPayload } from './online-order-sync';
export { OrderPaidPayload, OrderRefundedPayload, ShiftClosedPayload } from './sale-sync';
export { SoldOutPayload, StockKind, StockMovedPayload } from './stock-sync';
export { VoucherRedeemedPayload, VoucherReversedPayload } from './voucher-sync';
export { mutationPayloads };

/**
 * What a terminal pushes (PROTOCOL.md, Sync → Push): one record type per business record, each
 * declared with its payload schema by its domain (`sync-domains.ts`).
 */
export type MutationType = keyof typeof mutationPayloads;
export const MutationType = z.enum(Object.keys(mutationPayloads) as [MutationType, ...MutationType[]]);
export type PayloadOf<T extends MutationType> = z.infer<(typeof mutationPayloads)[T]>;
