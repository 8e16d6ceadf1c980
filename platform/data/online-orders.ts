import { createHash, randomInt } from 'node:crypto';
import { uuidv7 } from '../../shared/ids';
import type { OnlineOrderInput } from '../../shared/platform-api/operator-input';
import { mulDivRound } from '../../shared/rounding';
import type { OnlineOrderStepPayload } from '../../shared/sync/mutations';
import type { ErrorCode } from '../../shared/sync/platform-messages';
import { noTerms } from '../../shared/sync/settlement-wire';
import type { OnlineOrderState, OnlineOrderWire } from '../../shared/sync/wire';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { memberOfOrder, type OrderMember, orderPhone, replayMember } from '../members/online-order-member';
import { type CatalogRow, storeProducts } from './catalog';
import { checkTerms, TERMS_COLUMNS, termsFrom, termsOfRow } from './settlement-terms';
import { soldOutAmong } from './stock';
import { isUuid } from './stores';
import { lockStore, reserveStoreVersions } from './versions';

type OnlineOrderRow = {
  id: string;
  channel: OnlineOrderWire['channel'];
  state: OnlineOrderState;
  pickup_code: string;
  customer_name: string;
  note: string;
  placed_at: number;
  total: number;
  lines: OnlineOrderWire['lines'];
  merchant_promotion: number;
  platform_promotion: number;
  delivery_fee: number;
  commission_bp: number;
};

export const ONLINE_ORDER_COLUMNS = `id, channel, state, pickup_code, customer_name, note, placed_at, total, lines,
  ${TERMS_COLUMNS}`;

export function toOnlineOrderWire(row: OnlineOrderRow): OnlineOrderWire {
  return {
    id: row.id,
    channel: row.channel,
    state: row.state,
    pickupCode: row.pickup_code,
    customerName: row.customer_name,
    note: row.note,
    placedAt: row.placed_at,
    total: row.total,
    lines: row.lines,
    terms: termsOfRow(row),
  };
}

const OPEN_STATES = "('placed', 'accepted', 'ready')";

/** Weighed goods are ordered in grams against a price per kg. */
function lineTotal(product: CatalogRow, quantity: number): number {
  return product.unit === 'kg' ? mulDivRound(product.price, quantity, 1000) : product.price * quantity;
}

function mergeItems(items: OnlineOrderInput['items']): Map<string, number> {
  const merged = new Map<string, number>();
  for (const item of items) merged.set(item.sku, (merged.get(item.sku) ?? 0) + item.quantity);
  return merged;
}

async function priceLines(tx: Queryable, storeId: string, items: Map<string, number>) {
  const skus = [...items.keys()];
  const products = await storeProducts(tx, storeId, skus);
  const soldOut = await soldOutAmong(tx, storeId, skus);
  const lines: OnlineOrderWire['lines'] = [];
  let total = 0;
  for (const [sku, quantity] of items) {
    const product = products.get(sku);
    if (!product) throw new ApiError(400, 'product_unknown', { sku });
    const name = { zh: product.name_zh, en: product.name_en || product.name_zh };
    if (!product.active || !product.listed_online) throw new ApiError(400, 'product_unavailable', { name });
    if (soldOut.has(sku)) throw new ApiError(409, 'sold_out', { name });
    lines.push({
      sku,
      nameZh: product.name_zh,
      nameEn: product.name_en,
      quantity,
      unitPrice: product.price,
      unit: product.unit === 'kg' ? 'kg' : 'each',
    });
    total += lineTotal(product, quantity);
  }
  if (!Number.isSafeInteger(total))
    throw new ApiError(400, 'request_invalid', { detail: 'the order total is too large' });
  return { lines, total };
}

/** Six digits no other open order of the store is using, so the counter can look it up. */
async function freePickupCode(tx: Queryable, storeId: string): Promise<string> {
  const rows = await tx.query<{ pickup_code: string }>(
    `SELECT pickup_code FROM online_orders WHERE store_id = $1 AND state IN ${OPEN_STATES}`,
    [storeId],
  );
  const taken = new Set(rows.map((row) => row.pickup_code));
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (!taken.has(code)) return code;
  }
}

/** The placed order and the member it is credited to (`joined`: made by this order). */
export type PlacedOnlineOrder = OnlineOrderWire & { member: OrderMember | null };

// The number is left out (only whether there was one): its hash would be the number to anyone who tries them all.
const requestHash = (input: OnlineOrderInput) =>
  createHash('sha256')
    .update(JSON.stringify({ ...input, id: undefined, customerPhone: input.customerPhone !== null }))
    .digest('hex');

/**
 * A customer's order from the app or a delivery channel, priced at the store's prices. The
 * channel's order id, when given, makes a resubmission answer the first order (and its member)
 * instead of placing another.
 */
export async function placeOnlineOrder(sql: Sql, input: OnlineOrderInput, now: number): Promise<PlacedOnlineOrder> {
  if (!isUuid(input.storeId)) throw new ApiError(404, 'store_unknown');
  const phone = orderPhone(input);
  const hash = requestHash(input);
  return sql.transaction(async (tx) => {
    // The store row first: pickup codes are chosen, and a resubmission found, one order at a time.
    if (!(await lockStore(tx, input.storeId))) throw new ApiError(404, 'store_unknown');
    const earlier = input.id === undefined ? null : await placedBefore(tx, input.storeId, input.id);
    if (earlier) {
      if (earlier.request_hash !== hash) throw new ApiError(409, 'online_order_replay_mismatch', { id: earlier.id });
      return { ...toOnlineOrderWire(earlier), member: await replayMember(tx, phone, earlier.member_id, earlier.id) };
    }
    const version = await reserveStoreVersions(tx, input.storeId, 1);
    const { lines, total } = await priceLines(tx, input.storeId, mergeItems(input.items));
    const [store] = await tx.query<{ currency: string; commission_bp: number }>(
      'SELECT currency, commission_bp FROM stores WHERE id = $1',
      [input.storeId],
    );
    const terms = termsFrom(input, { ...noTerms, commissionBp: store.commission_bp });
    checkTerms(terms, total, store.currency);
    const id = input.id ?? uuidv7(now);
    const member = await memberOfOrder(tx, input, phone, { id, storeId: input.storeId, channel: input.channel }, now);
    const row: OnlineOrderRow = {
      id,
      channel: input.channel,
      state: 'placed',
      pickup_code: await freePickupCode(tx, input.storeId),
      customer_name: input.customerName,
      note: input.note,
      placed_at: now,
      total,
      lines,
      merchant_promotion: terms.merchantPromotion,
      platform_promotion: terms.platformPromotion,
      delivery_fee: terms.deliveryFee,
      commission_bp: terms.commissionBp,
    };
    await tx.query(
      `INSERT INTO online_orders (store_id, id, channel, state, pickup_code, customer_name, note, placed_at, total,
         lines, version, ${TERMS_COLUMNS}, member_id, request_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15, $16, $17)`,
      [
        input.storeId,
        row.id,
        row.channel,
        row.state,
        row.pickup_code,
        row.customer_name,
        row.note,
        row.placed_at,
        row.total,
        JSON.stringify(row.lines),
        version,
        terms.merchantPromotion,
        terms.platformPromotion,
        terms.deliveryFee,
        terms.commissionBp,
        member?.id ?? null,
        hash,
      ],
    );
    return { ...toOnlineOrderWire(row), member };
  });
}

async function placedBefore(tx: Queryable, storeId: string, id: string) {
  const [row] = await tx.query<OnlineOrderRow & { member_id: string | null; request_hash: string | null }>(
    `SELECT ${ONLINE_ORDER_COLUMNS}, member_id, request_hash FROM online_orders WHERE store_id = $1 AND id = $2`,
    [storeId, id],
  );
  return row ?? null;
}

const transitions: Record<OnlineOrderStepPayload['step'], { from: OnlineOrderState[]; to: OnlineOrderState }> = {
  accept: { from: ['placed'], to: 'accepted' },
  reject: { from: ['placed'], to: 'rejected' },
  ready: { from: ['accepted'], to: 'ready' },
  hand_over: { from: ['accepted', 'ready'], to: 'handed_over' },
};

export type StepRefusal = { code: ErrorCode; params?: Record<string, string> };

async function lockOnlineOrder(tx: Queryable, storeId: string, id: string) {
  const rows = await tx.query<{ state: OnlineOrderState }>(
    'SELECT state FROM online_orders WHERE store_id = $1 AND id = $2 FOR UPDATE',
    [storeId, id],
  );
  return rows[0]?.state ?? null;
}

async function moveTo(tx: Queryable, storeId: string, id: string, state: OnlineOrderState, extra: StepExtra) {
  const version = await reserveStoreVersions(tx, storeId, 1);
  await tx.query(
    `UPDATE online_orders SET state = $3, version = $4, order_id = COALESCE($5, order_id), reason = COALESCE($6, reason)
     WHERE store_id = $1 AND id = $2`,
    [storeId, id, state, version, extra.orderId, extra.reason],
  );
}

type StepExtra = { orderId: string | null; reason: string | null };

/** A terminal's step on an online order; the platform owns the state machine. Null when applied. */
export async function stepOnlineOrder(
  tx: Queryable,
  storeId: string,
  payload: OnlineOrderStepPayload,
): Promise<StepRefusal | null> {
  const state = await lockOnlineOrder(tx, storeId, payload.onlineOrderId);
  if (state === null) return { code: 'online_order_unknown' };
  if (state === 'cancelled') return { code: 'online_order_cancelled' };
  const transition = transitions[payload.step];
  if (!transition.from.includes(state))
    return { code: 'online_order_state', params: { from: state, step: payload.step } };
  const orderId = payload.step === 'accept' ? payload.orderId : null;
  await moveTo(tx, storeId, payload.onlineOrderId, transition.to, { orderId, reason: payload.reason });
  return null;
}

/** The customer withdraws an order the store has not made ready yet. Cancelling twice is harmless. */
export async function cancelOnlineOrder(
  sql: Sql,
  input: { storeId: string; id: string; reason: string | null },
): Promise<OnlineOrderWire> {
  if (!isUuid(input.storeId) || !isUuid(input.id)) throw new ApiError(404, 'online_order_unknown');
  return sql.transaction(async (tx) => {
    const state = (await lockStore(tx, input.storeId)) ? await lockOnlineOrder(tx, input.storeId, input.id) : null;
    if (state === null) throw new ApiError(404, 'online_order_unknown');
    if (state !== 'cancelled') {
      if (state !== 'placed' && state !== 'accepted') {
        throw new ApiError(409, 'online_order_state', { from: state, step: 'cancel' });
      }
      await moveTo(tx, input.storeId, input.id, 'cancelled', { orderId: null, reason: input.reason });
    }
    const [row] = await tx.query<OnlineOrderRow>(
      `SELECT ${ONLINE_ORDER_COLUMNS} FROM online_orders WHERE store_id = $1 AND id = $2`,
      [input.storeId, input.id],
    );
    return toOnlineOrderWire(row);
  });
}

/** Ties a paid sale to the online order it fulfils; false when the order is not this store's. */
/** Links the sale to the online order it fulfils; what the platform priced it at, or null when unknown. */
export async function linkOnlineOrder(tx: Queryable, storeId: string, onlineOrderId: string, orderId: string) {
  const [row] = await tx.query<{ total: number; channel: string; member_id: string | null }>(
    `UPDATE online_orders SET order_id = COALESCE(order_id, $3) WHERE store_id = $1 AND id = $2
     RETURNING total, channel, member_id`,
    [storeId, onlineOrderId, orderId],
  );
  return row ?? null;
}
