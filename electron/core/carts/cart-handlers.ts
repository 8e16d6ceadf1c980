import type { StoreInfo } from '../../../shared/contract/store';
import { AppError } from '../../../shared/errors';
import { lineProblem } from '../../../shared/limits';
import type { Cart } from '../../../shared/pricing/cart';
import { priceCart } from '../../../shared/pricing/price-cart';
import { pricingPolicy } from '../../../shared/store-settings';
import { findProduct } from '../catalog/product-records';
import type { HandlerContext, Handlers } from '../handler-context';
import { requireSession } from '../handler-context';
import { cartMemberPricing } from '../members/member-benefits';
import { readOrderRow } from '../orders/order-records';
import { refuseLine, refuseSale } from '../store/limit-refusals';
import { requireStore } from '../store/store-records';
import { listParkedCarts, parkedStatements, readParkedCart, removeParkedCart } from './parked-carts';
import { queueCartVoided } from './till-activity';

function refusePaid(ctx: HandlerContext, id: string): void {
  const paid = readOrderRow(ctx.db, id);
  if (paid) throw new AppError('already_paid', { number: paid.number });
}

function requireParked(ctx: HandlerContext, id: string) {
  const parked = readParkedCart(ctx.db, id);
  if (!parked) throw new AppError('not_found', { what: { en: 'parked order', 'zh-CN': '挂单' } });
  return parked;
}

/**
 * A cart past the store's limits could never be paid, so it is not kept either: the cashier hears
 * why now, not when the customer comes back. Prices, stock and coupons are judged again at payment.
 */
function refuseUnpayable(ctx: HandlerContext, store: StoreInfo, cart: Cart, gross: number): void {
  for (const line of cart.lines) {
    // The product is read only to name it in a refusal.
    if (!lineProblem(store.settings, line)) continue;
    const product = findProduct(ctx.db, line.productId);
    const name = product
      ? { en: product.name_en, 'zh-CN': product.name_zh }
      : { en: line.productId, 'zh-CN': line.productId };
    refuseLine(store, line, name, ctx.locale);
  }
  refuseSale(store, gross, [], ctx.locale);
}

export const cartHandlers = {
  'carts.park': (ctx, input) => {
    refusePaid(ctx, input.id);
    const session = requireSession(ctx);
    const store = requireStore(ctx.db, ctx.now);
    const priced = priceCart(
      input.cart,
      pricingPolicy(store.settings),
      undefined,
      cartMemberPricing(ctx.db, input.cart),
    );
    refuseUnpayable(ctx, store, input.cart, priced.gross);
    parkedStatements(ctx.db).upsert.run({
      id: input.id,
      label: input.label,
      cart: JSON.stringify(input.cart),
      lineCount: input.cart.lines.length,
      total: priced.total,
      staffId: session.staffId,
      staffName: session.name,
      now: ctx.now,
    });
    ctx.describe(`cart:${input.id}`, { label: input.label, lines: input.cart.lines.length, total: priced.total });
    ctx.emit({ type: 'carts.changed' });
    return requireParked(ctx, input.id).summary;
  },

  'carts.list': (ctx) => ({ carts: listParkedCarts(ctx.db) }),

  'carts.resume': (ctx, input) => {
    const parked = requireParked(ctx, input.id);
    removeParkedCart(ctx.db, input.id);
    ctx.describe(`cart:${input.id}`, { label: parked.summary.label, parkedBy: parked.summary.parkedByName });
    ctx.emit({ type: 'carts.changed' });
    return { id: parked.summary.id, cart: parked.cart };
  },

  'carts.discard': (ctx, input) => {
    refusePaid(ctx, input.id);
    removeParkedCart(ctx.db, input.id);
    const lines = input.cart.lines.map((line) => ({ productId: line.productId, quantity: line.quantity }));
    ctx.describe(`cart:${input.id}`, { discarded: lines, orderDiscount: input.cart.orderDiscount });
    ctx.emit({ type: 'carts.changed' });
    return { id: input.id };
  },

  'carts.void': (ctx, input) => {
    refusePaid(ctx, input.id);
    const parked = requireParked(ctx, input.id);
    removeParkedCart(ctx.db, input.id);
    // The audit keeps what was voided: the cart is gone from the table but not from the record.
    ctx.describe(`cart:${input.id}`, { reason: input.reason, cart: parked.cart, total: parked.summary.total });
    queueCartVoided(ctx, input.id, parked.summary.total, input.reason);
    ctx.emit({ type: 'carts.changed' });
    ctx.emit({ type: 'activity.changed', days: [requireStore(ctx.db, ctx.now).businessDay] });
    return { id: parked.summary.id };
  },
} satisfies Partial<Handlers>;
