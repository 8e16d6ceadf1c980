import { AppError, actionText, roleText } from '../../../shared/errors';
import { decideAccess } from '../../../shared/roles';
import { feedbackLinkFor } from '../feedback/feedback-link';
import { type HandlerContext, type Handlers, requireSession } from '../handler-context';
import { receiptHtml } from '../receipts/receipt-html';
import { refundSlipHtml } from '../receipts/refund-slip-html';
import { requireStore } from '../store/store-records';
import { commitOrder } from './order-commit';
import { drillOrders, isDrillDown } from './order-drill';
import { listOrders } from './order-list';
import { readOrderDetail, readOrderRow } from './order-records';
import { refundOrder } from './order-refund';

function requireOrder(ctx: HandlerContext, id: string) {
  const row = readOrderRow(ctx.db, id);
  if (!row) throw new AppError('not_found', { what: { en: 'order', 'zh-CN': '订单' } });
  return readOrderDetail(ctx.db, row);
}

function receipt(ctx: HandlerContext, id: string, width: '58' | '80' | undefined, copy: boolean) {
  const store = requireStore(ctx.db, ctx.now);
  const order = requireOrder(ctx, id);
  const html = receiptHtml(order, store, {
    width: width ?? store.settings.receiptWidth,
    copy,
    locale: ctx.locale,
    feedbackUrl: feedbackLinkFor(ctx.sync.link, order.id),
  });
  return { order, html };
}

/** The slip of one of the order's refunds. */
function refundSlip(ctx: HandlerContext, id: string, refundId: string, width: '58' | '80' | undefined) {
  const store = requireStore(ctx.db, ctx.now);
  const order = requireOrder(ctx, id);
  const refund = order.refunds.find((r) => r.id === refundId);
  if (!refund) throw new AppError('not_found', { what: { en: 'refund', 'zh-CN': '退款' } });
  return refundSlipHtml(order, refund, store, { width: width ?? store.settings.receiptWidth, locale: ctx.locale });
}

export const orderHandlers = {
  'orders.commit': (ctx, input) => commitOrder(ctx, input),

  'orders.list': (ctx, input) => {
    if (!isDrillDown(input)) return listOrders(ctx.db, input);
    // A span's sums are a report's figures: only those who may read reports may ask for them.
    const session = requireSession(ctx);
    if (decideAccess(session.role, 'reports.view') !== 'allow') {
      throw new AppError('forbidden', { role: roleText(session.role), action: actionText('reports.view') });
    }
    return drillOrders(ctx.db, input, requireStore(ctx.db, ctx.now));
  },

  'orders.get': (ctx, input) => requireOrder(ctx, input.id),

  'orders.receipt': (ctx, input) => ({
    html: input.refundId
      ? refundSlip(ctx, input.id, input.refundId, input.width)
      : receipt(ctx, input.id, input.width, false).html,
  }),

  'orders.reprint': (ctx, input) => {
    const { order, html } = receipt(ctx, input.id, input.width, true);
    ctx.describe(`order:${order.id}`, { reprint: order.number });
    return { html };
  },

  'orders.refund': (ctx, input) => refundOrder(ctx, input),
} satisfies Partial<Handlers>;
