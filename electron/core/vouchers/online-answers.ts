import type { RedemptionWire, VoucherStatus } from '../../../shared/vouchers/redemption-wire';
import type { PlatformRefusal } from '../sync/platform-ask';

/** `POST /v1/redemptions` mode hold: the platform holds the voucher for this redemption, or says no. */
export type HoldAnswer = { kind: 'held'; redemption: RedemptionWire } | PlatformRefusal;

/** `GET /v1/vouchers/{id}`: where the voucher stands, or why the platform would not say. */
export type VoucherStatusAnswer = { kind: 'status'; status: VoucherStatus } | PlatformRefusal;

/**
 * What the vouchers' online step learned before the synchronous dispatch (see `online-step.ts`),
 * as `HandlerContext.online.vouchers`. A missing entry means no answer (timeout, unreachable, not
 * paired, or a plain `dispatch`): decide offline.
 */
export type VoucherAnswers = {
  /** Keyed by redemption id. */
  redemptions: ReadonlyMap<string, HoldAnswer>;
  /** Keyed by voucher id (24 hex). */
  statuses: ReadonlyMap<string, VoucherStatusAnswer>;
};

export const noVoucherAnswers: VoucherAnswers = { redemptions: new Map(), statuses: new Map() };
