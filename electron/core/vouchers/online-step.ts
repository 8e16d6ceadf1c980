import type { MethodName, ParsedInputOf } from '../../../shared/contract';
import { AppError, type ErrorParams, errorCodes, type Text } from '../../../shared/errors';
import { priceCart } from '../../../shared/pricing/price-cart';
import { pricingPolicy } from '../../../shared/store-settings';
import type { MessageParams } from '../../../shared/sync/platform-messages';
import { decodeVoucher } from '../../../shared/vouchers/cp1';
import {
  type RedemptionRequest,
  RedemptionResponse,
  redemptionRefusals,
  VoucherStatus,
} from '../../../shared/vouchers/redemption-wire';
import { catalogStatements, type ProductRow } from '../catalog/product-records';
import type { CoreEnvironment } from '../handler-context';
import { readOrderRow } from '../orders/order-records';
import { readStore } from '../store/store-records';
import { callPlatform, PlatformCallError } from '../sync/platform-client';
import type { PlatformLink } from '../sync/sync-runtime';
import { couponSetup } from './coupon-context';
import {
  type HoldAnswer,
  noAnswers,
  type OnlineAnswers,
  type PlatformRefusal,
  type VoucherStatusAnswer,
} from './online-answers';
import { isVoucherIdText } from './voucher-judge';

/** PROTOCOL.md's answer budget for the whole online step of one call. */
const onlineBudgetMs = 1_500;
/**
 * When the last sync exchange already failed the platform is probably still out of reach: try
 * anyway (it may be back) but give up after this, so an offline counter is not slowed by 1.5 s a
 * sale while the cashier waits with the customer.
 */
const offlineBudgetMs = 300;

const steps = {
  'vouchers.check': checkStep,
  'orders.commit': commitStep,
  'vouchers.redeemGroupBuy': groupBuyStep,
} satisfies Partial<{ [M in MethodName]: (s: Step, input: ParsedInputOf<M>) => Promise<Answers> }>;

type Answers = Omit<OnlineAnswers, 'clockDoubted'>;
const nothing: Answers = noAnswers;

export type OnlineMethod = keyof typeof steps;

export function hasOnlineStep(method: MethodName): method is OnlineMethod {
  return Object.hasOwn(steps, method);
}

/** Cheap, before any parsing: most sales carry no coupon and go straight to the dispatch. */
export function mayNeedPlatform(method: OnlineMethod, rawInput: unknown): boolean {
  if (method !== 'orders.commit') return true;
  const cart = (rawInput as { cart?: { coupons?: unknown } } | null)?.cart;
  return Array.isArray(cart?.coupons) && cart.coupons.length > 0;
}

type Step = { env: CoreEnvironment; link: PlatformLink; deadline: number; clockDoubted: boolean };

/**
 * The async part of a voucher call, run before the synchronous dispatch: asks the platform within
 * the budget and returns what it answered. Whatever goes wrong here only means "no answer"; the
 * dispatch then decides offline (and validates everything again).
 */
export async function gatherOnline<M extends OnlineMethod>(
  env: CoreEnvironment,
  method: M,
  input: ParsedInputOf<M>,
): Promise<OnlineAnswers> {
  const link = env.sync.link;
  if (!link) return noAnswers;
  const deadline = Date.now() + (env.sync.online ? onlineBudgetMs : offlineBudgetMs);
  const step = steps[method] as (s: Step, i: ParsedInputOf<M>) => Promise<Answers>;
  const state: Step = { env, link, deadline, clockDoubted: false };
  try {
    const answers = await step(state, input);
    return { ...answers, clockDoubted: state.clockDoubted };
  } catch (error) {
    // A voucher refused on this till's own checks is refused again, with its reason, by the dispatch.
    if (!(error instanceof AppError)) console.error('[counter] voucher online step failed; deciding offline:', error);
    return { ...noAnswers, clockDoubted: state.clockDoubted };
  }
}

async function checkStep(s: Step, input: ParsedInputOf<'vouchers.check'>): Promise<Answers> {
  const voucherId = voucherIdOf(input.code);
  if (!voucherId) return nothing;
  const status = await voucherStatus(s, voucherId);
  return { redemptions: new Map(), vouchers: status ? new Map([[voucherId, status]]) : new Map() };
}

async function commitStep(s: Step, input: ParsedInputOf<'orders.commit'>): Promise<Answers> {
  const { db } = s.env;
  // A retried Pay replays the order already written; nothing to ask.
  if (readOrderRow(db, input.id)) return nothing;
  const now = s.env.clock();
  const store = readStore(db, now);
  if (!store) return nothing;
  const q = catalogStatements(db);
  const products = input.cart.lines.map((l) => q.productById.get(l.productId) as ProductRow | undefined);
  // Read-only: the same pricing the dispatch does, to know what each coupon takes off.
  // The deny list is not consulted: the platform is about to say, with where and when.
  const setup = couponSetup({ db, now, skipDenials: true }, store, input.cart, products);
  const priced = priceCart(input.cart, pricingPolicy(store.settings), setup.context);
  const holds = priced.coupons
    .filter((outcome) => outcome.refusal === null)
    .map(async (outcome) => {
      const coupon = input.cart.coupons.find((c) => c.redemptionId === outcome.redemptionId);
      if (!coupon) return null;
      const answer = await hold(s, {
        id: coupon.redemptionId,
        deviceId: s.link.deviceId,
        code: coupon.code,
        orderId: input.id,
        amount: outcome.amount,
        mode: 'hold',
      });
      return answer ? ([coupon.redemptionId, answer] as const) : null;
    });
  const answered = (await Promise.all(holds)).filter((a) => a !== null);
  return { redemptions: new Map(answered), vouchers: new Map() };
}

async function groupBuyStep(s: Step, input: ParsedInputOf<'vouchers.redeemGroupBuy'>): Promise<Answers> {
  if (readOrderRow(s.env.db, input.orderId)) return nothing;
  const vouchers = new Map<string, VoucherStatusAnswer>();
  let code = input.code;
  if (isVoucherIdText(code)) {
    const voucherId = code.trim().toLowerCase();
    const status = await voucherStatus(s, voucherId);
    if (!status) return nothing;
    vouchers.set(voucherId, status);
    if (status.kind !== 'status') return { redemptions: new Map(), vouchers };
    code = status.status.code;
  }
  const decoded = decodeVoucher(code);
  if (!decoded.ok || decoded.voucher.claims.type !== 'group_buy') return { redemptions: new Map(), vouchers };
  const answer = await hold(s, {
    id: input.redemptionId,
    deviceId: s.link.deviceId,
    code,
    orderId: input.orderId,
    amount: decoded.voucher.claims.value,
    mode: 'hold',
  });
  return { redemptions: answer ? new Map([[input.redemptionId, answer]]) : new Map(), vouchers };
}

function voucherIdOf(code: string): string | null {
  if (isVoucherIdText(code)) return code.trim().toLowerCase();
  const decoded = decodeVoucher(code);
  return decoded.ok ? decoded.voucher.claims.voucherId : null;
}

async function voucherStatus(s: Step, voucherId: string): Promise<VoucherStatusAnswer | null> {
  const answer = await ask(s, {
    method: 'GET',
    pathAndQuery: `/v1/vouchers/${voucherId}`,
    answer: VoucherStatus,
  });
  if (answer === null) return null;
  return 'refused' in answer ? answer.refused : { kind: 'status', status: answer.value };
}

async function hold(s: Step, body: RedemptionRequest): Promise<HoldAnswer | null> {
  const answer = await ask(s, {
    method: 'POST',
    pathAndQuery: '/v1/redemptions',
    body,
    headers: { 'idempotency-key': body.id },
    answer: RedemptionResponse,
  });
  if (answer === null) return null;
  if ('refused' in answer) return answer.refused;
  const { redemption } = answer.value;
  // Only a standing hold (or this order's capture) vouches for the sale; anything else decides offline.
  return redemption.state === 'HELD' || redemption.state === 'CAPTURED' ? { kind: 'held', redemption } : null;
}

/** One signed call within what is left of the budget; null when there is no usable answer. */
async function ask<T>(
  s: Step,
  call: {
    method: 'GET' | 'POST';
    pathAndQuery: string;
    body?: unknown;
    headers?: Record<string, string>;
    answer: import('zod').ZodType<T>;
  },
): Promise<{ value: T } | { refused: PlatformRefusal } | null> {
  const timeoutMs = s.deadline - Date.now();
  if (timeoutMs <= 0) return null;
  try {
    const value = await callPlatform({
      ...call,
      baseUrl: s.link.baseUrl,
      signer: { deviceId: s.link.deviceId, key: s.link.key },
      timeoutMs,
      now: s.env.clock(),
    });
    return { value };
  } catch (error) {
    if (!(error instanceof PlatformCallError)) throw error;
    const problem = error.problem;
    if (problem.kind === 'refused' && problem.code === 'timestamp_stale') s.clockDoubted = true;
    // Only a refusal about the voucher itself is an answer; the platform failing, a signature it
    // would not take, or an answer we cannot read leaves the decision to this till.
    if (problem.kind !== 'refused' || !isVoucherRefusal(problem.code)) return null;
    return {
      refused: {
        kind: 'refused',
        code: problem.code,
        params: fromPlatformParams(problem.params),
        message: problem.message,
      },
    };
  }
}

const refusalCodes = new Set<string>(redemptionRefusals);

/** A refusal about the voucher or the redemption itself, which the platform will repeat if asked again. */
function isVoucherRefusal(code: string): boolean {
  return refusalCodes.has(code) || (code.startsWith('voucher_') && (errorCodes as string[]).includes(code));
}

/** The platform's bilingual params ({en, zh}) in the till's shape ({en, 'zh-CN'}). */
function fromPlatformParams(params: MessageParams | undefined): ErrorParams {
  const out: ErrorParams = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    out[key] = typeof value === 'object' ? ({ en: value.en, 'zh-CN': value.zh } satisfies Text) : value;
  }
  return out;
}
