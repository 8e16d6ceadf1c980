import type { z } from 'zod';
import type { AppErrorShape } from '../errors';
import type { DomainEventType } from '../sync/sync-domains';
import { approvalMethods } from './approvals';
import { auditMethods } from './audit';
import { cartMethods } from './carts';
import { catalogMethods } from './catalog';
import { drawerMethods } from './drawer';
import { feedbackMethods } from './feedback';
import { franchiseCatalogMethods } from './franchise-catalog';
import { franchiseStockMethods } from './franchise-stock';
import { headOfficeMethods } from './head-office';
import { lineExportMethods } from './line-export';
import { memberReportMethods } from './member-report';
import { memberMethods } from './members';
import { onlineOrderMethods } from './online-orders';
import { orderMethods } from './orders';
import { reportCompletenessMethods } from './report-completeness';
import { reportMethods } from './reports';
import { settlementMethods } from './settlement-report';
import { shiftMethods } from './shifts';
import { staffMethods } from './staff';
import { stockMethods } from './stock';
import { storeMethods } from './store';
import { syncMethods } from './sync';
import { transferMethods } from './transfers';
import { voucherMethods } from './vouchers';

/** Every method the app offers, once. Transports, client and dispatcher derive from this table. */
export const contract = {
  ...storeMethods,
  ...staffMethods,
  ...approvalMethods,
  ...drawerMethods,
  ...catalogMethods,
  ...auditMethods,
  ...shiftMethods,
  ...cartMethods,
  ...orderMethods,
  ...reportMethods,
  ...reportCompletenessMethods,
  ...lineExportMethods,
  ...settlementMethods,
  ...feedbackMethods,
  ...syncMethods,
  ...onlineOrderMethods,
  ...stockMethods,
  ...voucherMethods,
  ...memberMethods,
  ...memberReportMethods,
  ...headOfficeMethods,
  ...franchiseCatalogMethods,
  ...franchiseStockMethods,
  ...transferMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

/** The methods the contract marks `platformFirst`: the core asks the platform before dispatching them. */
export type PlatformFirstMethod = {
  [M in MethodName]: Contract[M] extends { platformFirst?: true } ? M : never;
}[MethodName];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** The methods the contract marks `headOffice`: `call` answers them by asking the platform as the owner. */
export type HeadOfficeMethod = {
  [M in MethodName]: Contract[M] extends { headOffice?: true } ? M : never;
}[MethodName];

export function isHeadOfficeMethod(name: string): name is HeadOfficeMethod {
  return isMethodName(name) && contract[name].headOffice === true;
}

/** What a caller passes (defaults may be omitted). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after validation. */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** A manager's approval of this one call: the grant `approvals.grant` gave for it. */
export type Approval = { grant: string };

/** One call as it crosses a transport. */
export type CallRequest = {
  method: string;
  input: unknown;
  sessionToken?: string | null;
  approval?: Approval | null;
  locale?: string | null;
};

/**
 * Pushed from the core to every window. A synced domain declares its own events (`catalog.changed`,
 * `stock.changed`, `vouchers.changed`, …) with what they refresh, in `shared/sync/sync-domains.ts`.
 */
export type AppEvent =
  | { type: DomainEventType }
  | { type: 'store.changed' }
  | { type: 'staff.changed' }
  /** `days`: the business days whose reports it changes (a sale's, a refund's and its order's); absent: any. */
  | { type: 'orders.changed'; days?: string[] }
  /** A sale voided or the drawer opened without a sale on these business days: the cashier table counts them. */
  | { type: 'activity.changed'; days: string[] }
  | { type: 'shift.changed' }
  | { type: 'carts.changed' }
  | { type: 'sync.changed' }
  /** `placed` counts orders that arrived new in this change: the queue rings for them. */
  | { type: 'online.changed'; placed: number };

/**
 * What the Electron preload exposes on `window.counterBridge`: calls, events, and the receipt
 * printer. Here, beside the contract, because the preload and the page both hold it and neither
 * may import the other.
 */
export type CounterBridge = {
  invoke(request: CallRequest): Promise<Envelope<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  print?(html: string, width: '58' | '80'): Promise<{ ok: true } | { ok: false; reason: string }>;
};

export type { Access, MethodSpec } from './define';
export { headOfficeMethod, method } from './define';
