import type { Text } from '../errors';
import type { MemberCodeRefusal } from './member-code';
import type { PhoneRefusal } from './phone';
import type { RedemptionRefusal } from './points';
import type { JournalRefusal } from './points-journal';
import type { LadderProblem } from './tiers';

/** What the cashier reads when a phone number is refused (shared/members/phone.ts). */
export const phoneMessages = {
  member_phone_empty: {
    en: 'Enter the customer’s mobile number.',
    'zh-CN': '请输入顾客的手机号。',
  },
  member_phone_too_long: {
    en: 'That is too long for a phone number. Enter the 11-digit mobile number.',
    'zh-CN': '输入内容过长，请输入 11 位手机号。',
  },
  member_phone_characters: {
    en: 'A phone number has only digits (spaces, dashes and +86 are fine). Check what was typed.',
    'zh-CN': '手机号只能包含数字（可带空格、短横线或 +86），请检查输入。',
  },
  member_phone_length: {
    en: 'A mainland mobile number has 11 digits. Check the number with the customer.',
    'zh-CN': '大陆手机号为 11 位数字，请与顾客核对。',
  },
  member_phone_not_mobile: {
    en: 'That is not a mainland mobile number (they start 13 to 19). Check the number with the customer.',
    'zh-CN': '这不是大陆手机号（应以 13 至 19 开头），请与顾客核对。',
  },
} satisfies Record<`member_${PhoneRefusal}`, Text>;

/** What the cashier reads when a scanned member code is refused (shared/members/member-code.ts). */
export const memberCodeMessages = {
  member_code_not_a_member_code: {
    en: 'This code is not a member code. Ask the customer to open the member code in the app.',
    'zh-CN': '这不是会员码，请顾客在 App 中打开会员码。',
  },
  member_code_damaged: {
    en: 'The member code is damaged or cut off. Scan it again.',
    'zh-CN': '会员码残缺或已损坏，请重新扫码。',
  },
  member_code_unknown_key: {
    en: 'This member code was signed with a key this till does not know. Sync now, or look the member up by phone.',
    'zh-CN': '该会员码的签名密钥本机未知，请立即同步，或用手机号查找会员。',
  },
  member_code_bad_signature: {
    en: 'The member code is forged or altered. Look the member up by phone instead.',
    'zh-CN': '会员码签名无效（伪造或被篡改），请改用手机号查找会员。',
  },
  member_code_not_yet_valid: {
    en: 'The member code is dated ahead of this till’s clock. Check the till’s date and time, or look the member up by phone.',
    'zh-CN': '会员码的时间晚于本机时钟，请检查本机日期时间，或用手机号查找会员。',
  },
  member_code_expired: {
    en: 'This member code has expired (they last a minute). Ask the customer to refresh the code in the app.',
    'zh-CN': '会员码已过期（有效期一分钟），请顾客在 App 中刷新会员码。',
  },
  member_code_other_brand: {
    en: 'This is another brand’s member code; it cannot be used in this store.',
    'zh-CN': '这是其他品牌的会员码，本店不能使用。',
  },
  member_code_retired_key: {
    en: 'This member code was signed with a key the platform has retired. Ask the customer to refresh the code in the app.',
    'zh-CN': '该会员码的签名密钥已被平台停用，请顾客在 App 中刷新会员码。',
  },
} satisfies Record<`member_code_${MemberCodeRefusal}`, Text>;

/** What the owner reads when a tier ladder cannot be saved (shared/members/tiers.ts). */
export const tierMessages = {
  tier_ladder_start: {
    en: 'The first tier, “{tier}”, must start at 0 growth, so every member has a tier.',
    'zh-CN': '第一个等级“{tier}”的成长值门槛须为 0，使每位会员都有等级。',
  },
  tier_ladder_order: {
    en: '“{tier}” must need more growth than “{previous}” before it.',
    'zh-CN': '“{tier}”的成长值门槛须高于前一等级“{previous}”。',
  },
  tier_ladder_same_id: {
    en: '“{tier}” and “{previous}” carry the same tier number.',
    'zh-CN': '“{tier}”与“{previous}”的等级编号相同。',
  },
  tier_benefit_twice: {
    en: '“{tier}” has two benefits of the same kind; keep one tier discount and one member price list.',
    'zh-CN': '“{tier}”有两项同类权益，折扣和会员价各保留一项。',
  },
  tier_member_price_twice: {
    en: '“{tier}” lists a product’s member price twice.',
    'zh-CN': '“{tier}”中有商品的会员价重复设置。',
  },
} satisfies Record<LadderProblem['code'], Text>;

/** What the cashier reads when points cannot pay as asked (shared/members/points.ts). */
export const redemptionMessages = {
  points_redeem_off: {
    en: 'This store does not take points as payment.',
    'zh-CN': '本店不支持积分抵现。',
  },
  points_not_whole_blocks: {
    en: 'Points are used in steps of {block}.',
    'zh-CN': '积分须按 {block} 的整数倍使用。',
  },
  points_below_min: {
    en: 'At least {min} points must be used at a time.',
    'zh-CN': '每单至少使用 {min} 积分。',
  },
  points_above_max: {
    en: 'At most {max} points can be used on one order.',
    'zh-CN': '每单最多使用 {max} 积分。',
  },
  points_over_balance: {
    en: 'The member can use {balance} points now, fewer than asked.',
    'zh-CN': '该会员当前可用积分为 {balance}，少于本次使用数。',
  },
  points_over_share: {
    en: 'Points can pay only part of this order: at most {max} points.',
    'zh-CN': '积分只能抵扣本单的一部分，最多 {max} 积分。',
  },
} satisfies Record<RedemptionRefusal['code'], Text>;

/** What the cashier reads when the points tender itself is not as the core can take it (points-payment.ts). */
export const pointsTenderMessages = {
  points_need_member: {
    en: 'Points can pay only when a member is on the sale. Identify the member first.',
    'zh-CN': '积分抵现须先识别会员，请先添加会员。',
  },
  points_tender_twice: {
    en: 'Points are already one of the payments. Change that payment instead of adding another.',
    'zh-CN': '本单已有一笔积分抵现，请修改该笔，不要再添加。',
  },
  points_value_changed: {
    en: 'The store’s points rate has changed: {points} points no longer pay what was shown. Take the points again.',
    'zh-CN': '本店积分抵现比例已变更，{points} 积分的抵扣金额与显示不符，请重新选择积分抵现。',
  },
} satisfies Record<string, Text>;

/** What the manager reads when a points movement is refused (shared/members/points-journal.ts). */
export const journalMessages = {
  points_movement_conflict: {
    en: 'Points movement {movementId} was already recorded with other figures; nothing was changed.',
    'zh-CN': '积分变动 {movementId} 已按不同数值记录，本次未做更改。',
  },
  points_short: {
    en: 'The member has {available} points available, fewer than the {asked} this needs.',
    'zh-CN': '该会员可用积分 {available}，不足本次所需的 {asked}。',
  },
  points_hold_unknown: {
    en: 'The points reserved for this order ({holdId}) are no longer held. Take the points again.',
    'zh-CN': '为本单预留的积分（{holdId}）已不在预留中，请重新使用积分。',
  },
  points_hold_exceeded: {
    en: 'This order has {held} points reserved; {asked} cannot be spent.',
    'zh-CN': '本单预留积分 {held}，不能使用 {asked}。',
  },
  points_reverse_exceeds: {
    en: 'The refunds of order {orderId} would reverse more points than it earned or spent.',
    'zh-CN': '订单 {orderId} 的退款冲回积分将超过该单获得或使用的积分。',
  },
} satisfies Record<JournalRefusal['code'], Text>;

/** What the owner reads when recency bands do not rise (shared/members/segments.ts). */
export const segmentMessages = {
  recency_bands_order: {
    en: 'Each recency band must end later than the one before: active, then sleeping, then churned.',
    'zh-CN': '各活跃度区间须依次递增：活跃、沉睡、流失的天数逐级加大。',
  },
  member_campaign_empty: {
    en: 'No member who agreed to marketing is in that segment yet. Choose other segments, or score the members first.',
    'zh-CN': '该分群中暂无同意接收营销信息的会员。请选择其他分群，或先计算会员评分。',
  },
  member_campaign_too_large: {
    en: 'That segment has more than {max} members. Choose a narrower segment.',
    'zh-CN': '该分群会员超过 {max} 人，请缩小分群范围。',
  },
  member_campaign_unknown: {
    en: 'There is no member campaign {id}.',
    'zh-CN': '没有编号为 {id} 的会员活动。',
  },
  scoring_schedule_time: {
    en: 'The daily scoring time is a time of day such as 04:30; {at} is not.',
    'zh-CN': '每日评分时间须为时刻，如 04:30；{at} 不是。',
  },
  scoring_schedule_zone: {
    en: '{timeZone} is not a time zone. Use a name such as Asia/Shanghai.',
    'zh-CN': '{timeZone} 不是时区，请使用 Asia/Shanghai 这样的名称。',
  },
} satisfies Record<string, Text>;

/** Finding, enrolling and attaching members, at the till and from the platform (docs/members.md). */
export const memberRecordMessages = {
  member_unknown: {
    en: 'No member has this number. Check it with the customer, or enrol them.',
    'zh-CN': '没有使用该手机号的会员，请与顾客核对号码，或为其办理入会。',
  },
  member_unknown_offline: {
    en: 'This number is not among the members this till knows, and the platform cannot be reached. Check the number, or try again when online.',
    'zh-CN': '本机已知的会员中没有该手机号，且暂时无法连接平台。请核对号码，或联网后再试。',
  },
  member_erased: {
    en: 'This member’s details were erased at their request. They can enrol again.',
    'zh-CN': '该会员已应本人要求删除个人信息，可重新办理入会。',
  },
  member_exists: {
    en: 'This number is already a member. Look them up by phone instead.',
    'zh-CN': '该手机号已是会员，请直接用手机号查找。',
  },
  member_enrolment_unknown: {
    en: 'This enrolment is not on the platform. Start it again.',
    'zh-CN': '平台上没有这次入会申请，请重新开始。',
  },
  member_enrolment_code_wrong: {
    en: 'That code is not the one sent to the customer. {left} tries left.',
    'zh-CN': '验证码与发送给顾客的不一致，还可尝试 {left} 次。',
  },
  member_enrolment_attempts: {
    en: 'Too many wrong codes. Start the enrolment again to send a new code.',
    'zh-CN': '验证码错误次数过多，请重新开始入会以发送新验证码。',
  },
  member_enrolment_expired: {
    en: 'The code has expired (codes last {minutes} minutes). Start the enrolment again to send a new code.',
    'zh-CN': '验证码已过期（有效期 {minutes} 分钟），请重新开始入会以发送新验证码。',
  },
  member_enrolment_code_format: {
    en: 'The code is the 6 digits sent to the customer’s phone.',
    'zh-CN': '验证码为发送到顾客手机的 6 位数字。',
  },
  member_code_replayed: {
    en: 'This member code was already used at another till. Ask the customer to refresh the code in the app.',
    'zh-CN': '该会员码已在其他收银机使用过，请顾客在 App 中刷新会员码。',
  },
  member_enrol_offline: {
    en: 'Enrolling needs the platform, which this till cannot reach now. Try again when online, or the customer can join in the app.',
    'zh-CN': '办理入会需要连接平台，本机暂时无法连接。请联网后再试，或请顾客在 App 中入会。',
  },
  member_not_identified: {
    en: 'The member on this sale is not known at this till. Identify them again, or remove them from the sale.',
    'zh-CN': '本单的会员在本机未知，请重新识别会员，或将其从本单移除。',
  },
} satisfies Record<string, Text>;

/** Members from online orders and member-code key rotation, on the platform (docs/members.md). */
export const onlineMemberMessages = {
  member_consent_required: {
    en: 'This number is not a member yet, and an online order makes a member only with the customer’s consent to marketing. Ask for consent in the app, or place the order without the number.',
    'zh-CN':
      '该手机号尚未入会；线上订单须经顾客同意接收营销信息才能为其办理入会。请在 App 中征得同意，或不带手机号下单。',
  },
  online_order_member_twice: {
    en: 'An online order names its member once: by member id or by phone number, not both.',
    'zh-CN': '线上订单只能用一种方式指定会员：会员编号或手机号，不能同时使用。',
  },
  online_order_replay_mismatch: {
    en: 'Online order {id} was already placed with other items or another customer; a resubmission must send the same order.',
    'zh-CN': '线上订单 {id} 已按不同的商品或顾客下单；重复提交须与原订单完全一致。',
  },
  member_key_overlap: {
    en: 'The overlap is 0 to {max} seconds (0 retires the old key at once); {value} is not.',
    'zh-CN': '过渡期须为 0 至 {max} 秒（0 表示立即停用旧密钥），{value} 不符合。',
  },
} satisfies Record<string, Text>;

/** Reports → Members without the platform (electron/core/members/member-report-call.ts). */
export const memberReportMessages = {
  member_report_not_paired: {
    en: 'Member figures are computed on the platform, and this till is not paired with one.',
    'zh-CN': '会员数据由平台计算，本收银机未绑定平台。',
  },
  member_report_offline: {
    en: 'Member figures need the platform, which did not answer ({detail}). Try again when the till is online.',
    'zh-CN': '会员数据需要连接平台，平台无应答（{detail}）。请在联网后重试。',
  },
} satisfies Record<string, Text>;

export const memberMessages = {
  ...memberReportMessages,
  ...memberRecordMessages,
  ...onlineMemberMessages,
  ...phoneMessages,
  ...memberCodeMessages,
  ...tierMessages,
  ...redemptionMessages,
  ...pointsTenderMessages,
  ...journalMessages,
  ...segmentMessages,
};
