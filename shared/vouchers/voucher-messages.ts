import type { Text } from '../errors';
import { audienceMessages } from './campaign-audience';

/**
 * What the cashier reads out when a voucher is refused, one message per reason (PROTOCOL.md). Money
 * and times arrive formatted for the reader; `store` is a store's name.
 */
export const voucherMessages = {
  voucher_not_a_voucher: {
    en: 'This code is not a voucher. Ask the customer to open the voucher in the app and scan that.',
    'zh-CN': '这不是券码。请顾客在 App 中打开券码后再扫。',
  },
  voucher_damaged: {
    en: 'The voucher code is damaged or cut off. Scan it again, or type the code under the QR.',
    'zh-CN': '券码残缺或已损坏。请重新扫码，或输入二维码下方的券号。',
  },
  voucher_unknown_key: {
    en: 'This voucher was signed with a key this till does not know (or one retired before it was issued). Sync now and scan again.',
    'zh-CN': '该券的签名密钥本机未知（或签发时已停用）。请立即同步后重新扫码。',
  },
  voucher_no_keys: {
    en: 'This till has no voucher keys yet. Pair it with the platform in Settings → Platform and let it sync.',
    'zh-CN': '本机尚未获取券验签密钥。请在“设置 → 平台”绑定平台并完成同步。',
  },
  voucher_bad_signature: {
    en: 'The voucher signature is forged or altered. Do not accept it.',
    'zh-CN': '券码签名无效（伪造或被篡改），请勿核销。',
  },
  voucher_not_yet_valid: {
    en: 'This voucher can be used from {from}.',
    'zh-CN': '该券 {from} 起才可使用。',
  },
  voucher_expired: {
    en: 'This voucher expired on {at}.',
    'zh-CN': '该券已于 {at} 过期。',
  },
  voucher_other_store: {
    en: 'This voucher is for another store and cannot be used here.',
    'zh-CN': '该券仅限其他门店使用，本店不能核销。',
  },
  voucher_revoked: {
    en: 'This voucher has been used or withdrawn by the platform.',
    'zh-CN': '该券已被使用或已被平台作废。',
  },
  voucher_blocked: {
    en: 'The platform has blocked this voucher. The customer should contact the platform.',
    'zh-CN': '该券已被平台冻结，请顾客联系平台客服。',
  },
  voucher_disputed: {
    en: 'This voucher is under dispute after being used twice; it cannot be used again.',
    'zh-CN': '该券因重复核销正在核查，不能再次使用。',
  },
  voucher_unknown: {
    en: 'The platform does not know this voucher. Check the code with the customer.',
    'zh-CN': '平台上没有这张券，请与顾客核对券号。',
  },
  voucher_already_redeemed: {
    en: 'This voucher was already redeemed at {store} on {at}.',
    'zh-CN': '该券已于 {at} 在 {store} 核销。',
  },
  voucher_held: {
    en: 'Another till is redeeming this voucher right now. Wait a moment and scan again.',
    'zh-CN': '另一台收银机正在核销这张券，请稍后再扫。',
  },
  token_superseded: {
    en: 'This is an old picture of the voucher. Ask the customer to show the live code in the app.',
    'zh-CN': '这是旧的券码截图，请顾客在 App 中出示最新券码。',
  },
  customer_limit: {
    en: 'This customer has already used this offer {limit} times, the most it allows.',
    'zh-CN': '该顾客已使用此活动 {limit} 次，已达上限。',
  },
  voucher_campaign_unknown: {
    en: 'This till has not yet received the offer this voucher belongs to. Sync now and scan again.',
    'zh-CN': '本机尚未收到该券所属的活动，请立即同步后重新扫码。',
  },
  voucher_campaign_inactive: {
    en: 'The offer "{campaign}" has been stopped by the platform.',
    'zh-CN': '活动“{campaign}”已被平台停止。',
  },
  voucher_below_min_spend: {
    en: '"{campaign}" needs {minSpend} of eligible goods; this order has {spend}.',
    'zh-CN': '“{campaign}”需满 {minSpend}（可用商品），本单仅 {spend}。',
  },
  voucher_not_combinable: {
    en: '"{campaign}" cannot be combined with "{other}" on one order.',
    'zh-CN': '“{campaign}”不能与“{other}”同单使用。',
  },
  voucher_nothing_in_scope: {
    en: 'Nothing in this order is covered by "{campaign}".',
    'zh-CN': '本单没有“{campaign}”适用的商品。',
  },
  voucher_outside_hours: {
    en: '"{campaign}" can only be used at its set times ({hours}).',
    'zh-CN': '“{campaign}”仅限指定时段使用（{hours}）。',
  },
  voucher_per_order_limit: {
    en: 'One order can carry at most {max} of "{campaign}".',
    'zh-CN': '每单最多使用 {max} 张“{campaign}”。',
  },
  voucher_duplicate: {
    en: 'This voucher is already on the order.',
    'zh-CN': '这张券已在本单中。',
  },
  voucher_free_item_missing: {
    en: 'Add the free item {item} to the order first, then scan the voucher again.',
    'zh-CN': '请先把赠品 {item} 加入订单，再扫券。',
  },
  voucher_group_buy_at_redeem: {
    en: 'This is a group-buy voucher: redeem it on the Redeem screen (F2), not in checkout.',
    'zh-CN': '这是团购券，请在“团购核销”（F2）中核销，不要在收银中使用。',
  },
  voucher_not_group_buy: {
    en: 'This is a coupon, not a group-buy voucher: scan it in checkout with the goods it discounts.',
    'zh-CN': '这是优惠券而非团购券，请在收银时随商品一起扫码使用。',
  },
  voucher_offline_not_allowed: {
    en: 'The platform cannot be reached and "{campaign}" can only be redeemed online. Try again when the till is online.',
    'zh-CN': '无法连接平台，“{campaign}”只能在线核销。请联网后再试。',
  },
  voucher_offline_limit: {
    en: 'The platform cannot be reached and the offline limit is reached ({limit}). Try again when the till is online.',
    'zh-CN': '无法连接平台，且已达离线核销上限（{limit}）。请联网后再试。',
  },
  voucher_short_code_offline: {
    en: 'Short group-buy codes are checked on the platform, which cannot be reached. Scan the QR code instead, or try again online.',
    'zh-CN': '团购短码需在平台查询，当前无法连接平台。请扫二维码，或联网后再试。',
  },
  reversal_window_passed: {
    en: 'The voucher can no longer be given back: its {hours}-hour window has passed.',
    'zh-CN': '已超过 {hours} 小时退券期限，券不能退回。',
  },
  redemption_conflict_lost: {
    en: 'The voucher had already been redeemed at {store} on {at}; this offline redemption lost and was recorded as a loss.',
    'zh-CN': '该券已于 {at} 在 {store} 核销，本次离线核销冲突失败，已记为损失。',
  },
  redemption_not_lost: {
    en: 'Only a redemption lost to another one can be resolved; this one is {state}.',
    'zh-CN': '只有冲突失败的核销才能处理，该核销当前为“{state}”。',
  },
  redemption_not_found: {
    en: 'No redemption {id} is recorded.',
    'zh-CN': '没有编号为 {id} 的核销记录。',
  },
  ...audienceMessages,
} satisfies Record<string, Text>;

export type VoucherMessageCode = keyof typeof voucherMessages;
