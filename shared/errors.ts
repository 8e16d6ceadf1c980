import { approvalMessages } from './approvals/approval-messages';
import { headOfficeMessages } from './head-office/head-office-messages';
import { limitMessages } from './limit-messages';
import type { Locale } from './locale';
import { memberMessages } from './members/member-messages';
import { drillMessages } from './reports/drill-messages';
import type { Permission } from './roles';
import { transferMessages } from './transfers/transfer-messages';
import { voucherMessages } from './vouchers/voucher-messages';

export type Text = Record<Locale, string>;

const messages = {
  /** `detail` names each field and what it allows (shared/field-messages.ts). */
  invalid_input: { en: '{detail}.', 'zh-CN': '{detail}。' },
  unknown_method: { en: 'Unknown action "{method}".', 'zh-CN': '未知操作“{method}”。' },
  unauthenticated: { en: 'Please sign in first.', 'zh-CN': '请先登录。' },
  session_locked: {
    en: 'The screen is locked. Enter your PIN to continue.',
    'zh-CN': '屏幕已锁定，请输入 PIN 继续。',
  },
  forbidden: {
    en: 'A {role} may not {action}.',
    'zh-CN': '{role}无权{action}。',
  },
  approval_required: {
    en: 'A manager must approve {action:noun}.',
    'zh-CN': '{action:noun}需要店长授权。',
  },
  approval_invalid: {
    en: 'That PIN is wrong, or that person may not let others {action}. {left} left before {lock}.',
    'zh-CN': '授权 PIN 错误，或该员工无权授权他人{action}。还可再试 {left} 次，之后{lock}。',
  },
  self_approval: {
    en: 'You cannot approve your own action; ask another manager.',
    'zh-CN': '不能为自己的操作授权，请另一位店长授权。',
  },
  wrong_pin: {
    en: 'Wrong PIN. {left} left before {lock}.',
    'zh-CN': 'PIN 错误。还可再试 {left} 次，之后将{lock}。',
  },
  locked_out: {
    en: 'Too many wrong PINs. {name} can try again {when}.',
    'zh-CN': 'PIN 错误次数过多，{name}需{when}后才能再试。',
  },
  staff_inactive: {
    en: 'This staff member is deactivated.',
    'zh-CN': '该员工已停用。',
  },
  not_found: { en: 'Not found: {what}.', 'zh-CN': '未找到：{what}。' },
  duplicate: {
    en: '{field} "{value}" is already in use.',
    'zh-CN': '{field}“{value}”已被使用。',
  },
  last_owner: {
    en: 'The store must keep at least one active owner.',
    'zh-CN': '门店必须至少保留一位在职店主。',
  },
  already_set_up: {
    en: 'This store is already set up.',
    'zh-CN': '门店已完成设置。',
  },
  not_set_up: {
    en: 'The store has not been set up yet.',
    'zh-CN': '门店尚未设置。',
  },
  no_open_shift: {
    en: 'No shift is open on this till. Open a shift with a cash float first.',
    'zh-CN': '本收银机没有开班，请先录入备用金开班。',
  },
  shift_already_open: {
    en: 'A shift is already open on this till (opened by {name}).',
    'zh-CN': '本收银机已有班次在进行（{name} 开班）。',
  },
  cart_empty: { en: 'The order has no items.', 'zh-CN': '订单中没有商品。' },
  product_unavailable: {
    en: '"{name}" is not on sale (unknown or deactivated). Remove it from the order.',
    'zh-CN': '“{name}”不可售（不存在或已停用），请从订单中移除。',
  },
  price_changed: {
    en: 'The price of "{name}" changed from {was} to {now} since it was added. Re-add the item.',
    'zh-CN': '“{name}”的价格已从 {was} 改为 {now}，请重新添加该商品。',
  },
  quantity_kind: {
    en: '"{name}" is sold {unit}; the quantity on that line does not fit.',
    'zh-CN': '“{name}”按{unit}销售，该行的数量类型不符。',
  },
  duplicate_line: {
    en: 'Two lines of the order carry the same line id.',
    'zh-CN': '订单中有两行使用了相同的行号。',
  },
  tender_short: {
    en: 'Payment is short: {due} is due, {paid} was tendered.',
    'zh-CN': '付款不足：应收 {due}，实收 {paid}。',
  },
  tender_over: {
    en: 'Card and wallet payments ({noncash}) cannot exceed the amount due ({due}); only cash gives change.',
    'zh-CN': '银行卡和移动支付合计（{noncash}）不能超过应收（{due}），只有现金可以找零。',
  },
  id_reused: {
    en: 'This {what} id was already used for a different request; nothing was changed.',
    'zh-CN': '该{what}编号已用于另一笔不同的请求，本次未做任何更改。',
  },
  already_paid: {
    en: 'Order {number} is already paid; a paid order cannot be parked or voided. Refund it instead.',
    'zh-CN': '订单 {number} 已付款，不能挂单或作废，请改为退款。',
  },
  refund_line_unknown: {
    en: 'Order {number} has no line {line}.',
    'zh-CN': '订单 {number} 没有第 {line} 行。',
  },
  refund_exceeds: {
    en: 'Line {line} ("{name}"): only {left} left to refund, {asked} asked.',
    'zh-CN': '第 {line} 行（“{name}”）：可退数量仅剩 {left}，申请退 {asked}。',
  },
  refund_duplicate_line: {
    en: 'Line {line} appears twice in the refund.',
    'zh-CN': '第 {line} 行在退款中出现了两次。',
  },
  online_order_unknown: {
    en: 'No online order {what} for this store.',
    'zh-CN': '本店没有线上订单 {what}。',
  },
  online_order_step: {
    en: 'An online order that is {status} cannot be {step}.',
    'zh-CN': '状态为“{status}”的线上订单不能{step}。',
  },
  pickup_code_unknown: {
    en: 'No open online order has pickup code {code}. Check the code on the customer’s phone.',
    'zh-CN': '没有取餐码为 {code} 的待取订单，请核对顾客手机上的取餐码。',
  },
  stock_quantity_invalid: {
    en: 'Goods received or wasted are more than zero; an adjustment is not zero.',
    'zh-CN': '入库或报损数量须大于零；调整数量不能为零。',
  },
  stock_count_negative: {
    en: 'A count cannot be below zero.',
    'zh-CN': '盘点数量不能小于零。',
  },
  already_paired: {
    en: 'This till is already paired with {url}.',
    'zh-CN': '本收银机已绑定平台 {url}。',
  },
  platform_unreachable: {
    en: 'The platform at {url} did not answer ({detail}). Sales go on offline; sync resumes by itself.',
    'zh-CN': '平台 {url} 无应答（{detail}）。可继续离线收银，恢复后自动同步。',
  },
  platform_refused: {
    en: 'The platform refused: {message} ({code})',
    'zh-CN': '平台拒绝：{message}（{code}）',
  },
  host_token_invalid: {
    en: 'This page is missing its access token. Open the address Counter printed when it started.',
    'zh-CN': '页面缺少访问令牌，请打开 Counter 启动时打印的地址。',
  },
  sample_order: {
    en: 'This is a sample order from the demo store’s past weeks; it cannot be refunded. Refund a sale made on this till.',
    'zh-CN': '这是演示门店往期的示例订单，不能退款。请对在本机完成的销售办理退款。',
  },
  reconcile_not_paired: {
    en: 'This till is not paired with a platform, so there is no settlement statement to compare with.',
    'zh-CN': '本收银机未绑定平台，没有可核对的结算单。',
  },
  reconcile_offline: {
    en: 'The platform at {url} did not answer ({detail}), so its statement for {day} cannot be fetched now. Try again when the till is online.',
    'zh-CN': '平台 {url} 无应答（{detail}），暂时无法获取 {day} 的结算单。请在联网后重试。',
  },
  reconcile_future_day: {
    en: '{day} has not come yet: the platform has no statement for it. Choose today or an earlier day.',
    'zh-CN': '{day} 尚未到来，平台还没有这一天的结算单。请选择今天或更早的日期。',
  },
  report_day_invalid: {
    en: '{day} is not a day of the calendar: check its month and day.',
    'zh-CN': '{day} 不是有效的日期，请检查月份和日期。',
  },
  report_range_backwards: {
    en: 'A report’s first day ({from}) must be on or before its last day ({to}).',
    'zh-CN': '报表的开始日期（{from}）须早于或等于结束日期（{to}）。',
  },
  report_range_too_long: {
    en: 'A report can cover at most {max} days (three years); this range has {days}. Choose a shorter range.',
    'zh-CN': '报表最长覆盖 {max} 天（三年），此范围有 {days} 天，请缩短范围。',
  },
  payload_too_large: {
    en: 'The request is too large (limit {limit}).',
    'zh-CN': '请求内容过大（上限 {limit}）。',
  },
  internal: {
    en: 'Something went wrong on our side; nothing was saved. Reference {ref}.',
    'zh-CN': '系统出错，本次操作未保存。参考编号 {ref}。',
  },
  ...voucherMessages,
  ...limitMessages,
  ...drillMessages,
  ...approvalMessages,
  ...memberMessages,
  ...headOfficeMessages,
  ...transferMessages,
} satisfies Record<string, Text>;

export type ErrorCode = keyof typeof messages;
export const errorCodes = Object.keys(messages) as ErrorCode[];

/**
 * A param may itself be a text in both languages (a field or action name). A phrase has other
 * grammatical forms too: `{action}` takes its main form, `{action:noun}` the form that fits after
 * "approve" — one wording cannot fit every sentence.
 */
export type Phrase = Text & { forms?: Record<string, Text> };
export type ErrorParams = Record<string, string | number | Phrase>;

export type AppErrorShape = {
  code: ErrorCode;
  message: string;
  details?: unknown;
};

/** A refusal the user should read: a code for programs, params for the message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly details?: unknown;

  constructor(code: ErrorCode, params: ErrorParams = {}, details?: unknown) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

export function errorMessage(code: ErrorCode, params: ErrorParams, locale: Locale): string {
  return fillTemplate(messages[code][locale], params, locale);
}

function fillTemplate(template: string, params: ErrorParams, locale: Locale): string {
  return template.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, key: string, form: string | undefined) => {
    const value = params[key];
    if (value === undefined) return whole;
    if (typeof value !== 'object') return String(value);
    return (form ? value.forms?.[form] : undefined)?.[locale] ?? value[locale];
  });
}

/** The placeholders a message uses, with their forms: what a test checks every phrase supplies. */
export function messagePlaceholders(code: ErrorCode): { key: string; form: string | null }[] {
  const found = new Map<string, { key: string; form: string | null }>();
  for (const template of Object.values(messages[code])) {
    for (const [, key, form] of template.matchAll(/\{(\w+)(?::(\w+))?\}/g)) {
      if (key) found.set(`${key}:${form ?? ''}`, { key, form: form ?? null });
    }
  }
  return [...found.values()];
}

const roleNames: Record<string, Text> = {
  cashier: { en: 'cashier', 'zh-CN': '收银员' },
  manager: { en: 'manager', 'zh-CN': '店长' },
  owner: { en: 'owner', 'zh-CN': '店主' },
};

type ActionWords = { verb: Text; noun: Text };

/** What each permission lets a person do: "A cashier may not {verb}", "A manager must approve {noun}". */
const actionNames: Record<Permission, ActionWords> = {
  sell: { verb: { en: 'sell', 'zh-CN': '收银' }, noun: { en: 'a sale', 'zh-CN': '收银' } },
  'discount.override': {
    verb: { en: 'give a large manual discount', 'zh-CN': '给予大额手工折扣' },
    noun: { en: 'a large manual discount', 'zh-CN': '大额手工折扣' },
  },
  refund: { verb: { en: 'refund an order', 'zh-CN': '退款' }, noun: { en: 'a refund', 'zh-CN': '退款' } },
  'order.void': {
    verb: { en: 'void an order', 'zh-CN': '作废订单' },
    noun: { en: 'voiding an order', 'zh-CN': '作废订单' },
  },
  'cash.out': {
    verb: { en: 'take cash out of the drawer', 'zh-CN': '从钱箱取出现金' },
    noun: { en: 'taking cash out of the drawer', 'zh-CN': '从钱箱取出现金' },
  },
  'drawer.noSale': {
    verb: { en: 'open the cash drawer without a sale', 'zh-CN': '无交易开钱箱' },
    noun: { en: 'opening the cash drawer without a sale', 'zh-CN': '无交易开钱箱' },
  },
  'shift.closeWithVariance': {
    verb: { en: 'close a shift with a cash variance', 'zh-CN': '有差额时交班' },
    noun: { en: 'closing a shift with a cash variance', 'zh-CN': '有差额时交班' },
  },
  'catalog.edit': {
    verb: { en: 'edit the catalog and prices', 'zh-CN': '编辑商品和价格' },
    noun: { en: 'changes to the catalog and prices', 'zh-CN': '编辑商品和价格' },
  },
  'stock.edit': {
    verb: { en: 'change stock', 'zh-CN': '调整库存' },
    noun: { en: 'a stock change', 'zh-CN': '调整库存' },
  },
  'reports.view': {
    verb: { en: 'view reports', 'zh-CN': '查看报表' },
    noun: { en: 'viewing reports', 'zh-CN': '查看报表' },
  },
  'audit.view': {
    verb: { en: 'view the audit log', 'zh-CN': '查看审计日志' },
    noun: { en: 'viewing the audit log', 'zh-CN': '查看审计日志' },
  },
  'staff.manage': {
    verb: { en: 'manage staff and roles', 'zh-CN': '管理员工和角色' },
    noun: { en: 'changes to staff and roles', 'zh-CN': '管理员工和角色' },
  },
  'settings.manage': {
    verb: { en: 'change store settings', 'zh-CN': '修改门店设置' },
    noun: { en: 'changes to store settings', 'zh-CN': '修改门店设置' },
  },
  'platform.pair': {
    verb: { en: 'pair with the platform', 'zh-CN': '绑定平台' },
    noun: { en: 'pairing with the platform', 'zh-CN': '绑定平台' },
  },
  'risk.manage': {
    verb: { en: 'change risk limits', 'zh-CN': '修改风控限额' },
    noun: { en: 'changes to risk limits', 'zh-CN': '修改风控限额' },
  },
  'cash.inAboveLimit': {
    verb: { en: 'put more cash in than the store’s limit', 'zh-CN': '存入超过门店限额的现金' },
    noun: { en: 'a cash in above the store’s limit', 'zh-CN': '存入超过门店限额的现金' },
  },
  'staff.unlock': {
    verb: { en: 'unlock a locked-out staff member', 'zh-CN': '解锁被锁定的员工' },
    noun: { en: 'unlocking a locked-out staff member', 'zh-CN': '解锁被锁定的员工' },
  },
  'feedback.followUp': {
    verb: { en: 'mark customer feedback followed up', 'zh-CN': '标记顾客评价已跟进' },
    noun: { en: 'marking customer feedback followed up', 'zh-CN': '标记顾客评价已跟进' },
  },
  'franchise.view': {
    verb: { en: 'sign in to head office', 'zh-CN': '登录总部' },
    noun: { en: 'signing in to head office', 'zh-CN': '登录总部' },
  },
};

export function roleText(role: string): Text {
  return roleNames[role] ?? { en: role, 'zh-CN': role };
}

/** `{action}` in a message reads as the verb phrase, `{action:noun}` as the noun phrase. */
export function actionText(permission: Permission): Phrase {
  const { verb, noun } = actionNames[permission];
  return { ...verb, forms: { noun } };
}
