import type { OrderDetail, OrderLine, PaymentMethod, RefundSummary } from '../../../shared/contract/orders';
import type { StoreInfo } from '../../../shared/contract/store';
import type { Locale } from '../../../shared/locale';
import { discountTotal } from '../../../shared/pricing/discount-sources';
import { discountSourceText } from './discount-source-words';
import { escapeHtml, moneyText, type Row, receiptStyle, rows, timeText } from './receipt-markup';

const words = {
  en: {
    title: 'REFUND',
    refund: 'Refund',
    order: 'Order',
    time: 'Time',
    staff: 'Staff',
    approver: 'Approved by',
    reason: 'Reason',
    goods: 'Goods returned',
    refunded: 'Refunded',
    pointsGivenBack: 'Points given back',
    pointsTakenBack: 'Earned points taken back',
    methods: {
      cash: 'Cash',
      card: 'Bank card',
      wallet: 'Mobile wallet',
      platform_prepaid: 'Platform prepaid',
      points: 'Points',
    },
  },
  'zh-CN': {
    title: '退款单',
    refund: '退款单号',
    order: '原单号',
    time: '时间',
    staff: '经办人',
    approver: '授权人',
    reason: '原因',
    goods: '退回商品',
    refunded: '实退',
    pointsGivenBack: '退回积分',
    pointsTakenBack: '扣回本单所得积分',
    methods: { cash: '现金', card: '银行卡', wallet: '移动支付', platform_prepaid: '平台预付', points: '积分抵现' },
  },
} satisfies Record<Locale, unknown>;

export type RefundSlipOptions = { width: '58' | '80'; locale: Locale };

/**
 * The slip for one refund: what came back, then the goods' value less each discount the order gave
 * on them, by the order's own sources (coupons by campaign), which is what was paid back, and to
 * which tenders. Its deductions add up: goods − discounts given back = refunded.
 */
export function refundSlipHtml(
  order: OrderDetail,
  refund: RefundSummary,
  store: StoreInfo,
  options: RefundSlipOptions,
): string {
  const w = words[options.locale];
  const money = moneyText(store.currency, options.locale);
  const header = [
    `<h1>${escapeHtml(store.name)}</h1>`,
    `<div class="mark">${w.title}</div>`,
    rows([
      [w.refund, `<b>${escapeHtml(refund.number)}</b>`],
      [w.order, escapeHtml(order.number)],
      [w.time, timeText(refund.at, store.timeZone, options.locale)],
      [w.staff, escapeHtml(refund.staffName)],
      ...(refund.approverName ? [[w.approver, escapeHtml(refund.approverName)] as Row] : []),
      [w.reason, escapeHtml(refund.reason)],
    ]),
    '<hr>',
  ].join('');
  const goods = refund.lines.flatMap((part): Row[] => {
    const line = order.lines.find((l) => l.lineNo === part.lineNo);
    return line ? [[lineName(line, options.locale), quantityText(line, part.quantity), 'sub']] : [];
  });
  const totals: Row[] = [
    [w.goods, money(refund.amount + discountTotal(refund.discounts))],
    ...refund.discounts.map((part): Row => [discountSourceText(part, options.locale), `−${money(part.amount)}`]),
    [w.refunded, money(refund.amount), 'big'],
  ];
  const tenders = refund.tenders.map((t): Row => [w.methods[t.method as PaymentMethod], money(t.amount)]);
  // The member's points it reverses, as the platform will (docs/members.md, "Reversal on refund").
  if (refund.points && refund.points.givenBack > 0) tenders.push([w.pointsGivenBack, String(refund.points.givenBack)]);
  if (refund.points && refund.points.takenBack > 0) tenders.push([w.pointsTakenBack, String(refund.points.takenBack)]);
  return [
    receiptStyle(options.width),
    `<div class="receipt" data-refund="${escapeHtml(refund.number)}">`,
    header,
    rows(goods),
    '<hr>',
    rows(totals),
    tenders.length > 0 ? `<hr>${rows(tenders)}` : '',
    '</div>',
  ].join('');
}

function lineName(line: OrderLine, locale: Locale): string {
  return escapeHtml(locale === 'zh-CN' ? line.nameZh : line.nameEn);
}

function quantityText(line: OrderLine, quantity: number): string {
  return line.quantityKind === 'count' ? `× ${quantity}` : `${(quantity / 1000).toFixed(3)} kg`;
}
