import { localHourOf } from '../../../shared/business-day';
import type { Channel, OrderDetail, PaymentMethod, TenderInput } from '../../../shared/contract/orders';
import type { StoreInfo } from '../../../shared/contract/store';
import { AppError } from '../../../shared/errors';
import { formatMoney, type Money } from '../../../shared/money';
import { type SettledPayment, settleTenders } from '../../../shared/payment/settle-tenders';
import type { Cart, CartLine } from '../../../shared/pricing/cart';
import { lineDiscountParts } from '../../../shared/pricing/discount-sources';
import { type PricedCart, priceCart } from '../../../shared/pricing/price-cart';
import { lineCost } from '../../../shared/reports/line-cost';
import { mulDivRound } from '../../../shared/rounding';
import { pricingPolicy } from '../../../shared/store-settings';
import { removeParkedCart } from '../carts/parked-carts';
import { catalogStatements, type ProductRow } from '../catalog/product-records';
import type { HandlerContext } from '../handler-context';
import { requireSession } from '../handler-context';
import { couponMemberFor } from '../members/coupon-member';
import { memberPricingFor } from '../members/member-benefits';
import { linkOrderMember, requireKnownMember } from '../members/order-member';
import { decidePointsTender, queuePointsPayment } from '../members/points-payment';
import { pointsAtSale } from '../members/sale-points';
import { requireOpenShift } from '../shifts/shift-records';
import { recordMovement } from '../stock/stock-ledger';
import { refuseLine, refuseSale } from '../store/limit-refusals';
import { requireStore } from '../store/store-records';
import { enqueue } from '../sync/outbox';
import { couponSetup } from '../vouchers/coupon-context';
import { decideCoupons } from '../vouchers/coupon-redeem';
import type { Decided } from '../vouchers/redemption-decision';
import { auditCoupons, refuseUsedHere, writeRedemptions } from '../vouchers/redemption-write';
import { orderStatements, readOrderDetail, readOrderRow } from './order-records';
import { requestDigest } from './request-digest';

export type CommitInput = { id: string; cart: Cart; tenders: TenderInput[] };

/**
 * Pays an order: checks every line against the catalog, prices it with the shared engine, settles
 * the tenders, and writes order, lines, payments, stock movements and the outbox record in the
 * dispatcher's one transaction. The cart's id makes a second Pay, or a retry after a crash, return
 * the order already written.
 */
export function commitOrder(ctx: HandlerContext, input: CommitInput): { order: OrderDetail; replayed: boolean } {
  // The cart alone: after a crash the cashier may key the tender again differently, but the money
  // was taken the first time, and that payment is the one to show.
  const digest = requestDigest({ cart: input.cart });
  const replay = replayedOrder(ctx, input.id, digest);
  if (replay) return replay;
  const store = requireStore(ctx.db, ctx.now);
  const shift = requireOpenShift(ctx.db, ctx.deviceId);
  const products = checkLines(ctx, store, input.cart);
  const member = requireKnownMember(ctx.db, input.cart.memberId);
  const authoritative: Cart = {
    ...input.cart,
    // The catalog's tax rate counts, whatever the screen had cached.
    lines: input.cart.lines.map((line, i) => ({ ...line, taxRateBp: products[i].tax_rate_bp })),
  };
  // Coupons are judged again here whatever the screen showed: the renderer cannot be trusted.
  const coupons =
    authoritative.coupons.length > 0
      ? couponSetup(ctx, store, authoritative, products, couponMemberFor(ctx.db, member, input.id))
      : null;
  for (const voucher of coupons?.judged.values() ?? []) refuseUsedHere(ctx, store, voucher);
  // The member's tier from this till's cache, whatever the screen previewed (docs/members.md).
  const memberPricing = memberPricingFor(ctx.db, member, products);
  const priced = priceCart(authoritative, pricingPolicy(store.settings), coupons?.context, memberPricing);
  refuseSale(store, priced.gross, input.tenders, ctx.locale);
  const decided = coupons ? decideCoupons(ctx, store, priced, coupons) : [];
  if (priced.needsApproval) ctx.approve('discount.override');
  const points = decidePointsTender(ctx, member, input.tenders, priced.total);
  const settled = settleTenders(priced.total, input.tenders, store.settings.cashRounding);
  if (!settled.ok) throw tenderError(settled, store, ctx.locale);

  const number = writeOrder(ctx, {
    id: input.id,
    digest,
    store,
    channel: 'in_store',
    shiftId: shift.id,
    cart: authoritative,
    priced,
    settled,
    products,
  });
  linkOrderMember(ctx.db, input.id, member, member && pointsAtSale(ctx, member, points, settled.payments));
  removeParkedCart(ctx.db, input.id);
  const order = queueOrder(ctx, store, input.id, decided);
  queuePointsPayment(ctx.db, input.id, points, ctx.now);
  ctx.describe(`order:${order.id}`, {
    number,
    total: order.total,
    paid: order.paid,
    discount: order.discount,
    payments: order.payments.map((p) => ({ method: p.method, amount: p.amount, reference: p.reference })),
    ...(decided.length > 0 ? { coupons: auditCoupons(decided) } : {}),
    ...(member ? { member: member.id } : {}),
    ...(points ? { points: { points: points.points, fen: points.fen, hold: points.holdId ?? 'provisional' } } : {}),
  });
  ctx.emit({ type: 'orders.changed', days: [order.businessDay] });
  return { order, replayed: false };
}

/** The order already written under this id (a second Pay, a retry after a crash), or null. */
export function replayedOrder(
  ctx: HandlerContext,
  id: string,
  digest: string,
): { order: OrderDetail; replayed: true } | null {
  const existing = readOrderRow(ctx.db, id);
  if (!existing) return null;
  if (existing.request_digest !== digest) throw new AppError('id_reused', { what: { en: 'order', 'zh-CN': '订单' } });
  ctx.describe(`order:${existing.id}`, { replayed: true, number: existing.number });
  return { order: readOrderDetail(ctx.db, existing), replayed: true };
}

/** Queues the written order for the platform with its vouchers, and reads it back as the screen shows it. */
export function queueOrder(ctx: HandlerContext, store: StoreInfo, id: string, decided: Decided[]): OrderDetail {
  // The sale first, then its vouchers: the platform meets the order before what refers to it.
  enqueue(ctx.db, { id, type: 'order.paid', now: ctx.now });
  writeRedemptions(ctx, store, id, decided);
  const row = readOrderRow(ctx.db, id);
  if (!row) throw new Error('order vanished inside its own transaction');
  return readOrderDetail(ctx.db, row);
}

export type OrderWrite = {
  id: string;
  digest: string;
  store: StoreInfo;
  channel: Channel;
  /** Online orders are paid on the platform and may be accepted with no shift open. */
  shiftId: string | null;
  cart: Cart;
  priced: PricedCart;
  settled: OrderSettlement;
  products: ProductRow[];
};

/** How the order was paid: tenders at the counter, or the platform for an online order. */
export type OrderSettlement = {
  payments: (Omit<SettledPayment, 'method'> & { method: PaymentMethod })[];
  rounding: number;
};

/** The order row with its number, then its lines (and stock) and payments; returns the number. */
export function writeOrder(ctx: HandlerContext, w: OrderWrite): string {
  const session = requireSession(ctx);
  const q = orderStatements(ctx.db);
  const { last } = q.nextNumber.get(ctx.deviceId, w.store.businessDay) as { last: number };
  const number = `${w.store.deviceCode}-${String(last).padStart(4, '0')}`;
  q.insertOrder.run({
    id: w.id,
    number,
    deviceId: ctx.deviceId,
    businessDay: w.store.businessDay,
    channel: w.channel,
    shiftId: w.shiftId,
    cashierId: session.staffId,
    cashierName: session.name,
    approverName: ctx.approver?.name ?? null,
    paidAt: ctx.now,
    hour: localHourOf(ctx.now, w.store.timeZone),
    itemCount: itemCount(w.cart.lines),
    gross: w.priced.gross,
    // Every discount, coupons and member benefits included, so gross − discount = total holds on
    // the order as on its lines.
    discount: w.priced.manualDiscount + w.priced.couponDiscount + w.priced.memberDiscount,
    orderDiscountReason: w.cart.orderDiscount?.reason ?? null,
    total: w.priced.total,
    rounding: w.settled.rounding,
    tax: w.priced.taxBands.reduce((sum, band) => sum + band.tax, 0),
    methods: [...new Set(w.settled.payments.map((p) => p.method))].join(','),
    requestDigest: w.digest,
  });
  // A group-buy voucher is redeemed at the counter and the goods leave like any sale here.
  const stockKind = w.channel === 'in_store' || w.channel === 'group_buy' ? 'sale' : 'online_sale';
  writeLines(ctx, { orderId: w.id, cart: w.cart, priced: w.priced, products: w.products }, stockKind, session.staffId);
  writeDiscounts(ctx, w.id, w.store.businessDay, w.priced);
  w.settled.payments.forEach((payment, i) => {
    q.insertPayment.run({
      orderId: w.id,
      seq: i + 1,
      ...payment,
      businessDay: w.store.businessDay,
      shiftId: w.shiftId,
    });
  });
  return number;
}

/** Every line must name an active product at the price it has now, in a quantity its unit allows. */
function checkLines(ctx: HandlerContext, store: StoreInfo, cart: Cart): ProductRow[] {
  if (cart.lines.length === 0) throw new AppError('cart_empty');
  if (new Set(cart.lines.map((l) => l.lineId)).size !== cart.lines.length) throw new AppError('duplicate_line');
  const q = catalogStatements(ctx.db);
  return cart.lines.map((line) => {
    const product = q.productById.get(line.productId) as ProductRow | undefined;
    const name = product ? productName(product) : line.productId;
    if (product?.active !== 1) throw new AppError('product_unavailable', { name });
    if (product.price !== line.unitPrice) {
      const money = (amount: number) => formatMoney(amount as Money, store.currency, ctx.locale);
      throw new AppError(
        'price_changed',
        { name, was: money(line.unitPrice), now: money(product.price) },
        { lineId: line.lineId, productId: product.id, price: product.price },
      );
    }
    const fits = product.unit === 'kg' ? line.quantity.kind !== 'count' : line.quantity.kind === 'count';
    if (!fits) {
      const unit = product.unit === 'kg' ? { en: 'by weight', 'zh-CN': '重量' } : { en: 'by the item', 'zh-CN': '件' };
      throw new AppError('quantity_kind', { name, unit });
    }
    refuseLine(store, line, productName(product), ctx.locale);
    return product;
  });
}

function productName(product: ProductRow) {
  return { en: product.name_en, 'zh-CN': product.name_zh };
}

function writeLines(
  ctx: HandlerContext,
  { orderId, cart, priced, products }: { orderId: string; cart: Cart; priced: PricedCart; products: ProductRow[] },
  stockKind: 'sale' | 'online_sale',
  staffId: string,
): void {
  const q = orderStatements(ctx.db);
  cart.lines.forEach((line, i) => {
    const product = products[i];
    const price = priced.lines[i];
    const quantity = stockQuantity(line);
    q.insertLine.run({
      orderId,
      lineNo: i + 1,
      lineId: line.lineId,
      productId: product.id,
      sku: product.sku,
      nameZh: product.name_zh,
      nameEn: product.name_en,
      unit: product.unit,
      quantityKind: line.quantity.kind,
      quantity,
      unitPrice: line.unitPrice,
      gross: price.gross,
      lineDiscount: price.lineDiscount,
      // The column holds the coupons' and the member benefit's share too (migrations 0004, 0014).
      orderDiscount: price.orderDiscount + price.couponDiscount + price.memberDiscount,
      couponDiscount: price.couponDiscount,
      memberDiscount: price.memberDiscount,
      discountReason: line.discount?.reason ?? null,
      net: price.net,
      taxRateBp: price.taxRateBp,
      tax: price.tax,
      cost: lineCost(product.cost, product.unit, quantity),
    });
    recordMovement(ctx.db, {
      productId: product.id,
      kind: stockKind,
      quantity: -quantity,
      orderId,
      at: ctx.now,
      staffId,
    });
  });
}

/** The discount split by source (docs/data-model.md), with the lines it belongs to. */
function writeDiscounts(ctx: HandlerContext, orderId: string, businessDay: string, priced: PricedCart): void {
  const q = orderStatements(ctx.db);
  lineDiscountParts(priced).forEach((parts, i) => {
    parts.forEach((part, j) => {
      q.insertDiscount.run({
        orderId,
        lineNo: i + 1,
        seq: j + 1,
        businessDay,
        source: part.kind,
        campaignId: part.kind === 'coupon' ? part.campaignId : null,
        campaignName: part.kind === 'coupon' ? part.campaignName : null,
        amount: part.amount,
      });
    });
  });
}

/** Items, or grams; a price label's grams are worked back from its amount and the price per kg. */
function stockQuantity(line: CartLine): number {
  switch (line.quantity.kind) {
    case 'count':
      return line.quantity.count;
    case 'weight':
      return line.quantity.grams;
    case 'priced':
      return line.unitPrice > 0 ? Math.max(1, mulDivRound(line.quantity.amount, 1_000, line.unitPrice)) : 1;
    default: {
      const unreachable: never = line.quantity;
      throw new Error(`unknown quantity ${JSON.stringify(unreachable)}`);
    }
  }
}

function itemCount(lines: CartLine[]): number {
  return lines.reduce((sum, line) => sum + (line.quantity.kind === 'count' ? line.quantity.count : 1), 0);
}

function tenderError(
  settled: { code: 'tender_short'; due: number; paid: number } | { code: 'tender_over'; due: number; noncash: number },
  store: StoreInfo,
  locale: HandlerContext['locale'],
): AppError {
  const money = (amount: number) => formatMoney(amount as Money, store.currency, locale);
  return settled.code === 'tender_short'
    ? new AppError('tender_short', { due: money(settled.due), paid: money(settled.paid) }, settled)
    : new AppError('tender_over', { due: money(settled.due), noncash: money(settled.noncash) }, settled);
}
