import type { OrderDetail, OrderLine, PaymentMethod } from '../../../shared/contract/orders';
import type { StoreInfo } from '../../../shared/contract/store';
import type { Locale } from '../../../shared/locale';
import { qrSvg } from './qr-svg';
import { escapeHtml, moneyText, type Row, receiptStyle, rows, timeText } from './receipt-markup';

const words = {
  en: {
    order: 'Order',
    day: 'Business day',
    time: 'Time',
    cashier: 'Cashier',
    memberOf: 'Member',
    gross: 'Subtotal',
    orderDiscount: 'Order discount',
    lineDiscount: 'Discount',
    total: 'Total',
    rounding: 'Rounding',
    paid: 'Paid',
    change: 'Change',
    tax: 'incl. tax',
    copy: 'COPY — reprinted',
    refunded: 'Refunded',
    scan: 'Scan for your e-receipt and review',
    rate: 'Scan to rate your visit',
    items: 'items',
    coupon: 'Coupon',
    member: 'Member benefit',
    groupBuy: 'Group-buy voucher',
    provisional: 'Provisional — to be confirmed by the platform',
    pointsUsed: 'Points used',
    pointsEarned: 'Points earned',
    pointsBalance: 'Points balance',
    pointsLastKnown: 'As last known at this till; to be confirmed by the platform',
    methods: {
      cash: 'Cash',
      card: 'Bank card',
      wallet: 'Mobile wallet',
      platform_prepaid: 'Platform prepaid',
      points: 'Points',
    },
  },
  'zh-CN': {
    order: '单号',
    day: '营业日',
    time: '时间',
    cashier: '收银员',
    memberOf: '会员',
    gross: '小计',
    orderDiscount: '整单优惠',
    lineDiscount: '优惠',
    total: '合计',
    rounding: '抹零',
    paid: '实收',
    change: '找零',
    tax: '含税',
    copy: '重印副本',
    refunded: '已退款',
    scan: '扫码查看电子小票并评价',
    rate: '扫码评价本次消费',
    items: '件',
    coupon: '优惠券',
    member: '会员优惠',
    groupBuy: '团购券',
    provisional: '临时核销，待平台确认',
    pointsUsed: '本单使用积分',
    pointsEarned: '本单获得积分',
    pointsBalance: '积分余额',
    pointsLastKnown: '按本机最近所知计算，待平台确认',
    methods: { cash: '现金', card: '银行卡', wallet: '移动支付', platform_prepaid: '平台预付', points: '积分抵现' },
  },
} satisfies Record<Locale, unknown>;

/** The member masked and their tier at the sale; an erased member's number is no longer printed. */
function memberRows(order: OrderDetail, locale: Locale, label: string): Row[] {
  const { member } = order;
  if (!member) return [];
  const shown = [member.maskedPhone, member.tier?.[locale]].filter((part) => part).join(' · ');
  return shown ? [[label, escapeHtml(shown)]] : [];
}

export type ReceiptOptions = {
  width: '58' | '80';
  copy: boolean;
  locale: Locale;
  /** The platform's rating page for this order (a paired till); it takes the QR over the store's e-receipt link. */
  feedbackUrl: string | null;
};

/**
 * A member's points on the sale: those its points payments used, those it earns, and the balance
 * after it, with a word when that balance was only as last known here (docs/members.md).
 */
function pointsRows(order: OrderDetail, w: (typeof words)[Locale]): Row[] {
  const used = order.payments.reduce((sum, p) => sum + (p.points ?? 0), 0);
  const points = order.member?.points;
  const earned = points?.earned ?? 0;
  const after = points?.after ?? null;
  return [
    ...(used > 0 ? [[w.pointsUsed, String(used)] satisfies Row] : []),
    ...(earned > 0 ? [[w.pointsEarned, String(earned)] satisfies Row] : []),
    ...(after !== null ? [[w.pointsBalance, String(after)] satisfies Row] : []),
    ...(after !== null && points?.known === 'offline' ? [[w.pointsLastKnown, '', 'sub'] satisfies Row] : []),
  ];
}

/**
 * The customer's receipt as self-contained HTML (no scripts, no images to fetch): store details,
 * lines with discounts and reasons, totals, tax, payments and change, and a QR to the rating page
 * (or, on a till not paired with a platform, to the store's e-receipt link).
 */
export function receiptHtml(order: OrderDetail, store: StoreInfo, options: ReceiptOptions): string {
  const w = words[options.locale];
  const money = moneyText(store.currency, options.locale);
  const s = store.settings;
  const header = [
    `<h1>${escapeHtml(store.name)}</h1>`,
    s.address ? `<div class="c">${escapeHtml(s.address)}</div>` : '',
    s.phone ? `<div class="c">${escapeHtml(s.phone)}</div>` : '',
    options.copy ? `<div class="mark">${w.copy}</div>` : '',
    '<hr>',
    rows([
      [w.order, `<b>${escapeHtml(order.number)}</b>`],
      [w.day, order.businessDay],
      [w.time, timeText(order.paidAt, store.timeZone, options.locale)],
      [w.cashier, escapeHtml(order.cashierName)],
      ...memberRows(order, options.locale, w.memberOf),
    ]),
    '<hr>',
  ].join('');
  // Each discount source once: line discounts under their lines, the rest here; no sum of them all,
  // which would count every one of them a second time.
  const totals: Row[] = [[w.gross, money(order.gross)], ...discountRows(order, options.locale, money)];
  if (order.rounding !== 0) totals.push([w.rounding, money(order.rounding)]);
  totals.push([w.total, money(order.paid), 'big']);
  for (const band of order.taxBands) {
    totals.push([`${w.tax} ${band.taxRateBp / 100}%`, money(band.tax), 'sub']);
  }
  const payments: Row[] = order.payments.flatMap((p): Row[] => {
    const label = `${w.methods[p.method as PaymentMethod]}${p.reference ? ` ${escapeHtml(p.reference)}` : ''}`;
    const paid: Row = [label, money(p.tendered ?? p.amount)];
    return p.change ? [paid, [w.change, money(p.change)]] : [paid];
  });
  payments.push(...groupBuyRows(order, options.locale, money));
  payments.push(...pointsRows(order, w));
  if (order.refunded > 0) payments.push([w.refunded, `−${money(order.refunded)}`]);
  const url = options.feedbackUrl ?? receiptUrl(s.receiptUrlPattern, order);
  const caption = options.feedbackUrl ? w.rate : w.scan;
  const footer = [
    url ? `<div class="qr">${qrSvg(url, options.width === '58' ? 30 : 36)}</div><div class="c">${caption}</div>` : '',
    s.receiptFooter ? `<div class="c">${escapeHtml(s.receiptFooter)}</div>` : '',
  ].join('');
  return [
    receiptStyle(options.width),
    `<div class="receipt" data-order="${escapeHtml(order.number)}">`,
    header,
    rows(order.lines.flatMap((line) => lineRows(line, options.locale, money))),
    '<hr>',
    rows(totals),
    '<hr>',
    rows(payments),
    footer,
    '</div>',
  ].join('');
}

/**
 * The order's discounts past its lines, by source: the member benefit, each coupon campaign with
 * what its coupons took off (one decided offline says it awaits the platform), then the manual order
 * discount with its reason. Manual line discounts are printed under their lines.
 */
function discountRows(order: OrderDetail, locale: Locale, money: (amount: number) => string): Row[] {
  const w = words[locale];
  return order.discounts.flatMap((part): Row[] => {
    switch (part.kind) {
      case 'member':
        return [[w.member, `−${money(part.amount)}`]];
      case 'manual_line':
        return [];
      case 'manual_order': {
        const reason = order.orderDiscountReason ? ` (${escapeHtml(order.orderDiscountReason)})` : '';
        return [[`${w.orderDiscount}${reason}`, `−${money(part.amount)}`]];
      }
      case 'coupon': {
        const row: Row = [`${w.coupon} ${escapeHtml(part.campaignName)}`.trim(), `−${money(part.amount)}`];
        const provisional = order.coupons.some(
          (c) => c.type !== 'group_buy' && c.campaignName === part.campaignName && c.state === 'OFFLINE_PROVISIONAL',
        );
        return provisional ? [row, [w.provisional, '', 'sub']] : [row];
      }
      default: {
        const unreachable: never = part;
        throw new Error(`unknown discount source ${JSON.stringify(unreachable)}`);
      }
    }
  });
}

/** A group-buy voucher paid for the order (it is no discount): named with its id by the payments. */
function groupBuyRows(order: OrderDetail, locale: Locale, money: (amount: number) => string): Row[] {
  const w = words[locale];
  return order.coupons
    .filter((c) => c.type === 'group_buy')
    .flatMap((c): Row[] => [
      [`${w.groupBuy} ${escapeHtml(c.campaignName)}`, money(c.amount)],
      [escapeHtml(c.voucherId), '', 'sub'],
      ...(c.state === 'OFFLINE_PROVISIONAL' ? [[w.provisional, '', 'sub'] as Row] : []),
    ]);
}

function lineRows(line: OrderLine, locale: Locale, money: (amount: number) => string): Row[] {
  const name = escapeHtml(locale === 'zh-CN' ? line.nameZh : line.nameEn);
  const quantity =
    line.quantityKind === 'count'
      ? `${line.quantity} × ${money(line.unitPrice)}`
      : `${(line.quantity / 1000).toFixed(3)} kg × ${money(line.unitPrice)}/kg`;
  const out: Row[] = [
    [name, money(line.gross)],
    [quantity, '', 'sub'],
  ];
  // Only the line's own discount: coupons and the order discount show once, in the totals.
  const own = line.discounts.find((part) => part.kind === 'manual_line');
  if (own) {
    const reason = line.discountReason ? escapeHtml(line.discountReason) : '';
    out.push([reason || words[locale].lineDiscount, `−${money(own.amount)}`, 'sub']);
  }
  return out;
}

/** The store's pattern with this order filled in; empty when the store set none. */
export function receiptUrl(pattern: string, order: { id: string; number: string }): string {
  if (!pattern) return '';
  return pattern
    .replaceAll('{id}', encodeURIComponent(order.id))
    .replaceAll('{number}', encodeURIComponent(order.number));
}
