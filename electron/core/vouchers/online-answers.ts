import type { ErrorParams } from '../../../shared/errors';
import type { RedemptionWire, VoucherStatus } from '../../../shared/vouchers/redemption-wire';

/** The platform refused: its code (a voucher message code when it is one of ours) and params. */
export type PlatformRefusal = { kind: 'refused'; code: string; params: ErrorParams; message: string };

/** `POST /v1/redemptions` mode hold: the platform holds the voucher for this redemption, or says no. */
export type HoldAnswer = { kind: 'held'; redemption: RedemptionWire } | PlatformRefusal;

/** `GET /v1/vouchers/{id}`: where the voucher stands, or why the platform would not say. */
export type VoucherStatusAnswer = { kind: 'status'; status: VoucherStatus } | PlatformRefusal;

/**
 * What the online step learned before the synchronous dispatch (see `online-step.ts`). A missing
 * entry means no answer (timeout, unreachable, not paired, or a plain `dispatch`): decide offline.
 * Nothing a transport sends can fill this in; only the core's own `call` does.
 */
export type OnlineAnswers = {
  /** Keyed by redemption id. */
  redemptions: ReadonlyMap<string, HoldAnswer>;
  /** Keyed by voucher id (24 hex). */
  vouchers: ReadonlyMap<string, VoucherStatusAnswer>;
  /** The platform refused a request of this step as stale: this till's clock is off. */
  clockDoubted: boolean;
};

export const noAnswers: OnlineAnswers = { redemptions: new Map(), vouchers: new Map(), clockDoubted: false };
