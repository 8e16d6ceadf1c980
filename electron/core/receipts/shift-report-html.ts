import type { ShiftReport } from '../../../shared/contract/shifts';
import type { Locale } from '../../../shared/locale';
import { discountSourceText } from './discount-source-words';
import { escapeHtml, moneyText, type Row, receiptStyle, rows, timeText } from './receipt-markup';

const words = {
  en: {
    x: 'X report (shift so far)',
    z: 'Z report',
    device: 'Till',
    day: 'Business day',
    opened: 'Opened',
    closed: 'Closed',
    printed: 'Printed',
    orders: 'Orders',
    gross: 'Gross sales',
    discounts: 'Discounts',
    net: 'Net sales',
    rounding: 'Cash rounding',
    byMethod: 'By payment method',
    byChannel: 'By channel',
    refunds: 'Refunds',
    float: 'Float',
    cashIn: 'Cash in',
    cashOut: 'Cash out',
    expected: 'Expected cash',
    counted: 'Counted cash',
    variance: 'Variance',
    approved: 'Variance approved by',
    copy: 'COPY — reprinted',
    methods: {
      cash: 'Cash',
      card: 'Bank card',
      wallet: 'Mobile wallet',
      platform_prepaid: 'Platform prepaid',
      points: 'Points',
    },
    channels: { in_store: 'In store', online_delivery: 'Delivery', online_pickup: 'Pickup', group_buy: 'Group-buy' },
  },
  'zh-CN': {
    x: 'X 报表（当班至今）',
    z: 'Z 报表',
    device: '收银机',
    day: '营业日',
    opened: '开班',
    closed: '交班',
    printed: '打印时间',
    orders: '订单数',
    gross: '销售总额',
    discounts: '优惠',
    net: '净销售额',
    rounding: '抹零',
    byMethod: '按支付方式',
    byChannel: '按渠道',
    refunds: '退款',
    float: '备用金',
    cashIn: '存入现金',
    cashOut: '取出现金',
    expected: '应有现金',
    counted: '实点现金',
    variance: '差额',
    approved: '差额授权人',
    copy: '重印副本',
    methods: { cash: '现金', card: '银行卡', wallet: '移动支付', platform_prepaid: '平台预付', points: '积分抵现' },
    channels: { in_store: '堂食/门店', online_delivery: '外卖', online_pickup: '自提', group_buy: '团购' },
  },
} satisfies Record<Locale, unknown>;

/** X and Z reports on roll paper, the same layout as receipts. */
export function shiftReportHtml(
  report: ShiftReport,
  timeZone: string,
  locale: Locale,
  width: '58' | '80',
  copy = false,
): string {
  const w = words[locale];
  const money = moneyText(report.currency, locale);
  const at = (t: number) => timeText(t, timeZone, locale);
  const title = report.kind === 'z' ? `${w.z} #${report.zNumber}` : w.x;
  const head: Row[] = [
    [w.device, escapeHtml(report.deviceCode)],
    [w.day, report.businessDay],
    [w.opened, `${at(report.openedAt)} ${escapeHtml(report.openedByName)}`],
  ];
  if (report.closedAt !== null)
    head.push([w.closed, `${at(report.closedAt)} ${escapeHtml(report.closedByName ?? '')}`]);
  head.push([w.printed, at(report.printedAt)]);
  const sales: Row[] = [
    [w.orders, String(report.orders)],
    [w.gross, money(report.gross)],
    [w.discounts, `−${money(report.discounts)}`],
    ...report.discountsBySource.map((part): Row => [discountSourceText(part, locale), `−${money(part.amount)}`, 'sub']),
    [w.net, money(report.net), 'big'],
  ];
  if (report.rounding !== 0) sales.push([w.rounding, money(report.rounding)]);
  const methods: Row[] = report.byMethod.map((m) => [`${w.methods[m.method]} (${m.count})`, money(m.amount)]);
  const channels: Row[] = report.byChannel.map((c) => [`${w.channels[c.channel]} (${c.count})`, money(c.amount)]);
  const refunds: Row[] = [[`${w.refunds} (${report.refunds.count})`, `−${money(report.refunds.amount)}`]];
  for (const m of report.refundsByMethod) refunds.push([w.methods[m.method], `−${money(m.amount)}`, 'sub']);
  const cash: Row[] = [
    [w.float, money(report.float)],
    [`${w.cashIn} (${report.cashIn.count})`, money(report.cashIn.amount)],
    [`${w.cashOut} (${report.cashOut.count})`, `−${money(report.cashOut.amount)}`],
    [w.expected, money(report.expectedCash), 'big'],
  ];
  if (report.countedCash !== null) cash.push([w.counted, money(report.countedCash), 'big']);
  if (report.variance !== null) cash.push([w.variance, money(report.variance), 'big']);
  if (report.varianceApprovedByName) cash.push([w.approved, escapeHtml(report.varianceApprovedByName)]);
  return [
    receiptStyle(width),
    `<div class="receipt" data-report="${report.kind}">`,
    `<h1>${escapeHtml(report.storeName)}</h1><div class="c"><b>${title}</b></div>`,
    copy ? `<div class="mark">${w.copy}</div>` : '',
    '<hr>',
    rows(head),
    '<hr>',
    rows(sales),
    `<hr><div><b>${w.byMethod}</b></div>`,
    rows(methods),
    `<hr><div><b>${w.byChannel}</b></div>`,
    rows(channels),
    '<hr>',
    rows(refunds),
    '<hr>',
    rows(cash),
    '</div>',
  ].join('');
}
