import type { OnlineOrder, OnlineOrderStatus } from '../../../shared/contract/online-orders';
import { AppError, type Text } from '../../../shared/errors';
import { uuidv7 } from '../../../shared/ids';
import type { Cart } from '../../../shared/pricing/cart';
import { priceCart } from '../../../shared/pricing/price-cart';
import { pricingPolicy } from '../../../shared/store-settings';
import type { OnlineOrderStep } from '../../../shared/sync/mutations';
import { catalogStatements, type ProductRow } from '../catalog/product-records';
import type { Handler, HandlerContext } from '../handler-context';
import { writeOrder } from '../orders/order-commit';
import { recordOnlineSettlement } from '../orders/order-settlements';
import { requestDigest } from '../orders/request-digest';
import { openShiftOf } from '../shifts/shift-records';
import { requireStore } from '../store/store-records';
import { enqueue } from '../sync/outbox';
import { findByPickupCode, listOnlineOrders, onlineOrderStatements, requireOnlineOrder } from './online-order-records';

const statusNames: Record<OnlineOrderStatus, Text> = {
  placed: { en: 'new', 'zh-CN': '新订单' },
  accepted: { en: 'accepted', 'zh-CN': '已接单' },
  rejected: { en: 'rejected', 'zh-CN': '已拒单' },
  ready: { en: 'ready', 'zh-CN': '待取' },
  handed_over: { en: 'handed over', 'zh-CN': '已取餐' },
  cancelled: { en: 'cancelled', 'zh-CN': '已取消' },
};

const stepNames: Record<OnlineOrderStep, Text> = {
  accept: { en: 'accepted', 'zh-CN': '接单' },
  reject: { en: 'rejected', 'zh-CN': '拒单' },
  ready: { en: 'marked ready', 'zh-CN': '出餐' },
  hand_over: { en: 'handed over', 'zh-CN': '交付' },
};

/** Which state each step starts from and leads to; the platform checks the same rule. */
const steps: Record<OnlineOrderStep, { from: OnlineOrderStatus[]; to: OnlineOrderStatus }> = {
  accept: { from: ['placed'], to: 'accepted' },
  reject: { from: ['placed'], to: 'rejected' },
  ready: { from: ['accepted'], to: 'ready' },
  hand_over: { from: ['accepted', 'ready'], to: 'handed_over' },
};

/** Moves the order here at once and queues the step for the platform, in the caller's transaction. */
function takeStep(
  ctx: HandlerContext,
  order: OnlineOrder,
  step: OnlineOrderStep,
  extra: { reason?: string; orderId?: string } = {},
): OnlineOrder {
  const rule = steps[step];
  if (!rule.from.includes(order.status)) {
    throw new AppError('online_order_step', { status: statusNames[order.status], step: stepNames[step] });
  }
  onlineOrderStatements(ctx.db).setStatus.run({
    id: order.id,
    status: rule.to,
    orderId: extra.orderId ?? null,
    now: ctx.now,
  });
  enqueue(ctx.db, {
    id: uuidv7(ctx.now),
    type: 'online_order.step',
    payload: {
      onlineOrderId: order.id,
      step,
      at: ctx.now,
      reason: extra.reason ?? null,
      orderId: extra.orderId ?? null,
    },
    now: ctx.now,
  });
  ctx.describe(`online_order:${order.id}`, { step, pickupCode: order.pickupCode, ...extra });
  ctx.emit({ type: 'online.changed', placed: 0 });
  return requireOnlineOrder(ctx.db, order.id);
}

/**
 * Accepting records the sale: paid on the platform, so it counts once in today's figures under
 * its channel, and the goods leave stock as an online sale.
 */
function recordOnlineSale(ctx: HandlerContext, order: OnlineOrder): string {
  const store = requireStore(ctx.db, ctx.now);
  const q = catalogStatements(ctx.db);
  const products = order.lines.map((line) => {
    const product = q.productBySku.get(line.sku) as ProductRow | undefined;
    if (!product) throw new AppError('product_unavailable', { name: `${line.nameZh} (${line.sku})` });
    return product;
  });
  const cart: Cart = {
    lines: order.lines.map((line, i) => ({
      lineId: `${order.id}:${i + 1}`,
      productId: products[i].id,
      unitPrice: line.unitPrice,
      taxRateBp: products[i].tax_rate_bp,
      // The platform counts goods sold by weight in grams, as the ledger does.
      quantity:
        products[i].unit === 'kg' ? { kind: 'weight', grams: line.quantity } : { kind: 'count', count: line.quantity },
      discount: null,
    })),
    orderDiscount: null,
    coupons: [],
  };
  const priced = priceCart(cart, pricingPolicy(store.settings));
  const orderId = uuidv7(ctx.now);
  writeOrder(ctx, {
    id: orderId,
    digest: requestDigest({ onlineOrderId: order.id }),
    store,
    channel: order.channel,
    shiftId: openShiftOf(ctx.db, ctx.deviceId)?.id ?? null,
    cart,
    priced,
    settled: {
      payments: [
        {
          method: 'platform_prepaid',
          amount: priced.total,
          tendered: null,
          change: null,
          reference: order.id,
          points: null,
        },
      ],
      rounding: 0,
    },
    products,
  });
  recordOnlineSettlement(ctx.db, orderId, order.id);
  return orderId;
}

export const onlineOrderHandlers: {
  'online.list': Handler<'online.list'>;
  'online.accept': Handler<'online.accept'>;
  'online.reject': Handler<'online.reject'>;
  'online.ready': Handler<'online.ready'>;
  'online.handOver': Handler<'online.handOver'>;
} = {
  'online.list': (ctx, input) => listOnlineOrders(ctx.db, input.includeFinished, ctx.now),
  'online.accept': (ctx, input) => {
    const order = requireOnlineOrder(ctx.db, input.id);
    if (order.status !== 'placed') return takeStep(ctx, order, 'accept');
    const orderId = recordOnlineSale(ctx, order);
    const accepted = takeStep(ctx, order, 'accept', { orderId });
    // After the step, so the platform has the order accepted before the sale that points at it.
    enqueue(ctx.db, { id: orderId, type: 'order.paid', now: ctx.now });
    ctx.emit({ type: 'orders.changed' });
    return accepted;
  },
  'online.reject': (ctx, input) =>
    takeStep(ctx, requireOnlineOrder(ctx.db, input.id), 'reject', { reason: input.reason }),
  'online.ready': (ctx, input) => takeStep(ctx, requireOnlineOrder(ctx.db, input.id), 'ready'),
  'online.handOver': (ctx, input) => takeStep(ctx, findByPickupCode(ctx.db, input.pickupCode), 'hand_over'),
};
