import type { OrderDetail } from '../../../shared/contract/orders';
import { AppError } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import type { Cart } from '../../../shared/pricing/cart';
import { priceCart } from '../../../shared/pricing/price-cart';
import { pricingPolicy } from '../../../shared/store-settings';
import { catalogStatements, type ProductRow } from '../catalog/product-records';
import type { HandlerContext } from '../handler-context';
import { queueOrder, replayedOrder, writeOrder } from '../orders/order-commit';
import { recordGroupBuySettlement } from '../orders/order-settlements';
import { requestDigest } from '../orders/request-digest';
import { openShiftOf } from '../shifts/shift-records';
import { requireStore } from '../store/store-records';
import { decideRedemption } from './redemption-decision';
import { auditCoupons } from './redemption-write';
import { judgeFully } from './voucher-check';

export type GroupBuyInput = { orderId: string; redemptionId: string; code: string };

/**
 * 团购核销: a group-buy voucher bought on a platform becomes a `group_buy` order for its set menu,
 * one unit at the voucher's value, paid `platform_prepaid`; the goods leave stock like a sale.
 * Retrying with the same order id returns the order already written.
 */
export function redeemGroupBuy(ctx: HandlerContext, input: GroupBuyInput): { order: OrderDetail; replayed: boolean } {
  const digest = requestDigest({ groupBuy: input.code, redemptionId: input.redemptionId });
  const replay = replayedOrder(ctx, input.orderId, digest);
  if (replay) return replay;
  const store = requireStore(ctx.db, ctx.now);
  const { voucher } = judgeFully(ctx, store, input.code);
  if (voucher.claims.type !== 'group_buy') throw new AppError('voucher_not_group_buy');
  const sku = voucher.campaign.rules.itemSku;
  const product = sku ? (catalogStatements(ctx.db).productBySku.get(sku) as ProductRow | undefined) : undefined;
  if (product?.active !== 1) {
    throw new AppError('product_unavailable', {
      name: product ? product.name_zh : `${voucher.campaign.name} (${sku})`,
    });
  }
  const value = voucher.claims.value;
  const decided = decideRedemption(
    ctx,
    store,
    { redemptionId: input.redemptionId, voucher, amount: value },
    { count: 0, value: 0 },
  );
  const cart: Cart = {
    lines: [
      {
        lineId: `${input.redemptionId}:1`,
        productId: product.id,
        // The set menu at what the customer paid the platform for it, whatever the shelf price.
        unitPrice: value as Money,
        taxRateBp: product.tax_rate_bp,
        quantity: { kind: 'count', count: 1 },
        discount: null,
      },
    ],
    orderDiscount: null,
    coupons: [],
  };
  const priced = priceCart(cart, pricingPolicy(store.settings));
  const number = writeOrder(ctx, {
    id: input.orderId,
    digest,
    store,
    channel: 'group_buy',
    // Paid on the platform: no cash moves, so no shift is needed (it is recorded when one is open).
    shiftId: openShiftOf(ctx.db, ctx.deviceId)?.id ?? null,
    cart,
    priced,
    settled: {
      payments: [
        {
          method: 'platform_prepaid',
          amount: priced.total as Money,
          tendered: null,
          change: null,
          reference: voucher.claims.voucherId,
          points: null,
        },
      ],
      rounding: 0,
    },
    products: [product],
  });
  recordGroupBuySettlement(ctx.db, {
    orderId: input.orderId,
    voucherId: voucher.claims.voucherId,
    price: priced.total,
    settlementPrice: voucher.campaign.settlementPrice,
  });
  const order = queueOrder(ctx, store, input.orderId, [decided]);
  ctx.describe(`order:${input.orderId}`, {
    number,
    groupBuy: true,
    total: priced.total,
    coupons: auditCoupons([decided]),
  });
  ctx.emit({ type: 'orders.changed', days: [order.businessDay] });
  ctx.emit({ type: 'vouchers.changed' });
  return { order, replayed: false };
}
