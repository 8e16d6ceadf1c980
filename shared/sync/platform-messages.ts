import type { Locale } from '../locale';
import {
  journalMessages,
  memberCodeMessages,
  memberRecordMessages,
  onlineMemberMessages,
  phoneMessages,
  redemptionMessages,
  segmentMessages,
  tierMessages,
} from '../members/member-messages';
import { pointsLedgerMessages } from '../members/points-messages';
import { tierShapeMessages } from '../members/tier-shape';
import { franchiseMessages } from '../platform-api/franchise-messages';
import { transferMessages } from '../platform-api/transfer-messages';
import { voucherMessages } from '../vouchers/voucher-messages';

type Message = { en: string; zh: string };
/** A parameter may itself be bilingual, like a product's name. */
export type MessageParams = Record<string, string | number | Message>;

/**
 * Every code the platform answers with, in both languages. Shared so a till can put a stored
 * result (a refused sale, a failed pairing) into the words of whoever reads it later.
 */
const platformMessages = {
  not_found: { en: 'No such endpoint.', zh: '没有这个接口。' },
  body_invalid: { en: 'The request body is not valid JSON.', zh: '请求内容不是有效的 JSON。' },
  body_too_large: {
    en: 'The request body is larger than the {limit} this endpoint takes.',
    zh: '请求内容超过该接口允许的 {limit}。',
  },
  content_type_unsupported: { en: 'Send the body as application/json.', zh: '请以 application/json 发送请求内容。' },
  request_invalid: { en: 'The request is not valid: {detail}', zh: '请求无效：{detail}' },
  internal: { en: 'The platform failed to handle the request.', zh: '平台处理请求时出错。' },
  not_ready: {
    en: 'This platform process is not ready: {detail}',
    zh: '该平台进程尚未就绪：{detail}',
  },
  admin_token_invalid: { en: 'The admin token is missing or wrong.', zh: '管理令牌缺失或不正确。' },
  store_unknown: { en: 'There is no such store.', zh: '没有这家门店。' },
  device_unknown: { en: 'This device is not paired with the platform.', zh: '该设备未与平台配对。' },
  pairing_code_invalid: {
    en: 'The pairing code is wrong, expired or already used.',
    zh: '配对码错误、已过期或已被使用。',
  },
  pairing_attempts: {
    en: 'Too many wrong pairing codes from this address; try again in {minutes} min.',
    zh: '该地址输错配对码次数过多，请 {minutes} 分钟后再试。',
  },
  public_key_invalid: {
    en: 'The device public key is not a valid Ed25519 key.',
    zh: '设备公钥不是有效的 Ed25519 密钥。',
  },
  signature_missing: { en: 'The request is not signed.', zh: '请求未签名。' },
  signature_invalid: { en: 'The request signature does not verify.', zh: '请求签名校验失败。' },
  timestamp_stale: {
    en: 'The request time is too far from the platform clock; check the device clock.',
    zh: '请求时间与平台时间相差过大，请检查设备时钟。',
  },
  request_replayed: { en: 'This request was already received.', zh: '该请求已收到过。' },
  device_revoked: { en: 'This device was revoked; pair it again.', zh: '该设备已被停用，请重新配对。' },
  device_mismatch: {
    en: 'The body names a different device than the signature.',
    zh: '请求内容中的设备与签名设备不一致。',
  },
  sku_duplicate: { en: 'SKU {sku} appears more than once.', zh: '商品编码 {sku} 重复出现。' },
  product_unknown: { en: 'There is no product with SKU {sku}.', zh: '没有商品编码为 {sku} 的商品。' },
  product_unavailable: { en: '{name} is not sold online.', zh: '{name} 不在线上销售。' },
  sold_out: { en: '{name} is sold out at this store.', zh: '{name} 在该门店已估清。' },
  day_invalid: { en: 'The day must be a date like 2025-01-31.', zh: '日期格式应为 2025-01-31。' },
  online_order_unknown: { en: 'There is no such online order at this store.', zh: '该门店没有这个线上订单。' },
  online_order_state: {
    en: 'The online order cannot go from {from} to {step}.',
    zh: '线上订单不能从 {from} 执行 {step}。',
  },
  online_order_cancelled: { en: 'The customer cancelled this online order.', zh: '顾客已取消该线上订单。' },
  payload_invalid: { en: 'The record is not valid: {detail}', zh: '记录无效：{detail}' },
  order_unknown: { en: 'The refunded order is not on the platform.', zh: '被退款的订单不在平台上。' },
  seq_reused: {
    en: 'Sequence {seq} already holds a different record; was a backup restored?',
    zh: '序号 {seq} 已对应另一条记录，是否恢复过备份？',
  },
  campaign_unknown: { en: 'There is no campaign {id}.', zh: '没有编号为 {id} 的活动。' },
  idempotency_mismatch: {
    en: 'Idempotency-Key {id} was already used for a different request; a retry must send the same body.',
    zh: '幂等键 {id} 已用于另一个请求；重试必须发送相同的内容。',
  },
  idempotency_key_missing: {
    en: "The Idempotency-Key header must be present and equal the body's id.",
    zh: '必须提供 Idempotency-Key 请求头，且与请求内容中的 id 相同。',
  },
  voucher_state: {
    en: 'Voucher {id} is {state}; it can no longer be blocked or revoked.',
    zh: '券 {id} 当前为 {state}，不能再冻结或作废。',
  },
  redemption_state: {
    en: 'Redemption {id} is {state} and cannot be {step}.',
    zh: '核销记录 {id} 当前为 {state}，不能{step}。',
  },
  claimed_time_invalid: {
    en: "This record says it happened {when}, which the till cannot have recorded; check the till's date and time.",
    zh: '该记录的时间{when}，不可能由收银机记下；请检查收银机的日期和时间。',
  },
  offline_redemption_not_allowed: {
    en: '"{campaign}" may only be redeemed online; the platform does not accept this offline redemption.',
    zh: '“{campaign}”只能在线核销，平台不接受这笔离线核销。',
  },
  offline_redemption_refused: {
    en: 'The platform does not accept this offline redemption: past the limit of {limit}.',
    zh: '平台不接受这笔离线核销：超出上限（{limit}）。',
  },
  refund_over_order: {
    en: 'This refund of {amount} is more than is left to refund on its order ({left}).',
    zh: '本次退款 {amount} 超过该订单剩余可退金额（{left}）。',
  },
  refund_line_over: {
    en: 'Line {line} ({sku}) of the order has {left} left to refund; this refund returns {quantity}.',
    zh: '订单第 {line} 行（{sku}）剩余可退 {left}，本次退 {quantity}。',
  },
  refund_line_unknown: {
    en: 'The refunded order has no line {line} with SKU {sku}.',
    zh: '被退款的订单没有第 {line} 行（商品编码 {sku}）。',
  },
  record_sums: {
    en: 'The figures of this record do not add up: {what}.',
    zh: '该记录的数字对不上：{what}。',
  },
  commission_rate_invalid: {
    en: 'A commission rate is a whole number of basis points from 0 to 10000 (0 % to 100 %); {value} is not.',
    zh: '佣金比例应为 0 至 10000 个基点（0 % 至 100 %）的整数；{value} 不符合。',
  },
  settlement_amount_invalid: {
    en: '{what} must be an amount from 0 to {max}; {value} is not.',
    zh: '{what}应为 0 至 {max} 之间的金额；{value} 不符合。',
  },
  promotions_over_total: {
    en: 'The promotions ({promotions}) are more than the order’s goods are worth ({total}).',
    zh: '优惠合计（{promotions}）超过订单商品金额（{total}）。',
  },
  settlement_price_invalid: {
    en: 'The settlement price must be from 0 up to the voucher’s price ({price}); {value} is not.',
    zh: '结算价应在 0 至券面价格（{price}）之间；{value} 不符合。',
  },
  settlement_price_not_group_buy: {
    en: 'Only a group-buy campaign has a settlement price.',
    zh: '只有团购活动才有结算价。',
  },
  value_out_of_range: {
    en: '{what} is {value}, more than a till can record ({max}).',
    zh: '{what}为 {value}，超过收银机可记录的上限（{max}）。',
  },
  feedback_unknown: {
    en: 'No customer has answered about this order at this store.',
    zh: '该门店没有顾客对这笔订单的评价。',
  },
  range_invalid: {
    en: 'The days must run from a first to a last day, at most {max} days.',
    zh: '日期应从开始日到结束日，最多 {max} 天。',
  },
} satisfies Record<string, Message>;

type TillText = { en: string; 'zh-CN': string };

function asPlatform<T extends Record<string, TillText>>(texts: T): Record<keyof T, Message> {
  return Object.fromEntries(
    Object.entries(texts).map(([code, text]) => [code, { en: text.en, zh: text['zh-CN'] }]),
  ) as Record<keyof T, Message>;
}

// The redemption and member APIs refuse with the codes the till words the same way (one text each).
const messages = {
  ...platformMessages,
  ...asPlatform(voucherMessages),
  ...asPlatform(memberRecordMessages),
  ...asPlatform(segmentMessages),
  ...asPlatform(phoneMessages),
  ...asPlatform(memberCodeMessages),
  ...franchiseMessages,
  ...asPlatform(tierMessages),
  ...asPlatform(tierShapeMessages),
  ...asPlatform(journalMessages),
  ...asPlatform(redemptionMessages),
  ...asPlatform(pointsLedgerMessages),
  ...asPlatform(onlineMemberMessages),
  ...transferMessages,
};

export type ErrorCode = keyof typeof messages;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(messages, code);
}

/** The message for `code` with `{name}` placeholders filled in. */
export function messageFor(code: ErrorCode, locale: Locale, params: MessageParams = {}): string {
  const pick = (message: Message) => (locale === 'zh-CN' ? message.zh : message.en);
  return pick(messages[code]).replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined) return whole;
    return typeof value === 'object' ? pick(value) : String(value);
  });
}

/** A code the platform sent, worded for `locale`; `fallback` (the platform's own words) when unknown. */
export function platformMessage(
  code: string,
  locale: Locale,
  params: MessageParams | undefined,
  fallback: string,
): string {
  return isErrorCode(code) ? messageFor(code, locale, params) : fallback;
}
