import type { Text } from '../errors';

/**
 * What the operator and the manager read about points on the platform (docs/members.md, "Points on
 * the platform"): the store's rules as set from the CLI or API, and offline spends it could not honour.
 */
export const pointsLedgerMessages = {
  points_rules_earn: {
    en: 'Points per yuan is a whole number from 0 to {max}; {value} is not.',
    'zh-CN': '每元积分应为 0 至 {max} 的整数；{value} 不符合。',
  },
  points_rules_rate: {
    en: 'The redemption rate is whole points for whole fen, at most {maxPoints} points for at most {maxFen} fen (100:100 is 1 point a fen); {value} is not.',
    'zh-CN':
      '抵现比例应为整数积分抵整数分，最多 {maxPoints} 积分抵 {maxFen} 分（100:100 即 1 积分抵 1 分）；{value} 不符合。',
  },
  points_rules_range: {
    en: 'The fewest points an order may use ({min}) must be at most the most ({max}), and the most at least 1 and at most {ceiling}.',
    'zh-CN': '每单最少使用积分（{min}）不能多于最多使用积分（{max}），最多使用积分应为 1 至 {ceiling}。',
  },
  points_rules_share: {
    en: 'The share of an order points may pay is a percentage from 0.01 % to 100 % in basis points (1 to 10000); {value} is not.',
    'zh-CN': '积分可抵扣的订单比例应为 1 至 10000 个基点（0.01% 至 100%）；{value} 不符合。',
  },
  points_rules_offline_cap: {
    en: 'The offline cap is the points one till may spend for a member without the platform, 0 to {max}; {value} is not.',
    'zh-CN': '离线上限是收银机在无法连接平台时可为一位会员使用的积分，应为 0 至 {max}；{value} 不符合。',
  },
  points_rules_unset: {
    en: 'This store has no points rules yet: it earns and takes no points.',
    'zh-CN': '该门店尚未设置积分规则：不累积也不抵现积分。',
  },
  points_spend_lost: {
    en: 'Points spent offline on order {orderId}: the member had {short} points fewer than used. The sale stands; the shortfall is recorded as a loss.',
    'zh-CN': '订单 {orderId} 离线使用的积分中，有 {short} 积分超出会员余额。交易有效，差额已记为损失。',
  },
  points_payment_mismatch: {
    en: 'Order {orderId} spent {points} points, but its points payment was {paid} fen: not what those points pay at the store’s rate. The points were not taken.',
    'zh-CN': '订单 {orderId} 使用 {points} 积分，但其积分抵现金额为 {paid} 分，与本店抵现比例不符，积分未扣除。',
  },
  points_order_unknown: {
    en: 'Points were spent on order {orderId}, which the platform does not have for this member at this store.',
    'zh-CN': '积分用于订单 {orderId}，但平台在本门店没有该会员的这笔订单。',
  },
  points_expire_date: {
    en: 'Give the date before which earned points expire as YYYY-MM-DD; {value} is not a date.',
    'zh-CN': '请以 YYYY-MM-DD 格式填写积分过期的截止日期；{value} 不是有效日期。',
  },
} satisfies Record<string, Text>;
