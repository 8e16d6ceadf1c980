import type { Locale } from '../../shared/locale';

/** Everything the rating page says, in both languages (a customer's phone picks, the page can switch). */
export const feedbackWords = {
  en: {
    title: 'Rate your visit',
    question: 'How likely are you to recommend {store} to a friend?',
    scale: 'Your score from 0 (not at all likely) to 10 (extremely likely)',
    low: 'Not at all likely',
    high: 'Extremely likely',
    order: 'Order {number}',
    orderAt: 'Order {number}, {at}',
    comment: 'Tell us more (optional)',
    commentHint: 'Up to {max} characters.',
    send: 'Send',
    change: 'Change my answer',
    switchTo: '中文',
    given: 'You answered {score} on {at}. You can change it until {until}.',
    thanks: 'Thank you! Your answer helps {store} do better.',
    thanksGiven: 'You answered {score}.',
    closed: 'You answered {score} on {at}. Answers can be changed for {hours} hours; this one can no longer be.',
    noScore: 'Choose a score from 0 to 10.',
    commentTooLong: 'The comment can be at most {max} characters; yours has {count}.',
    stale: 'This page was open too long or was sent from elsewhere. Please check your answer and send it again.',
    invalid: 'This link is not valid. Scan the QR code on your receipt again.',
    expired: 'This receipt’s link has expired: answers are taken for {days} days after a visit.',
    tooMany: 'Too many tries from this network. Please try again in {minutes} min.',
  },
  'zh-CN': {
    title: '评价本次消费',
    question: '您有多大可能向朋友推荐{store}？',
    scale: '请打分：0（完全不可能）到 10（非常可能）',
    low: '完全不可能',
    high: '非常可能',
    order: '订单 {number}',
    orderAt: '订单 {number}，{at}',
    comment: '还想说点什么（选填）',
    commentHint: '最多 {max} 个字。',
    send: '提交',
    change: '修改我的评价',
    switchTo: 'English',
    given: '您已于 {at} 打了 {score} 分，{until} 前可以修改。',
    thanks: '谢谢您！您的评价能帮助{store}做得更好。',
    thanksGiven: '您打了 {score} 分。',
    closed: '您已于 {at} 打了 {score} 分。评价提交后 {hours} 小时内可修改，现已不能修改。',
    noScore: '请选择 0 到 10 之间的分数。',
    commentTooLong: '留言最多 {max} 个字，您输入了 {count} 个。',
    stale: '页面打开时间过长，或不是从本页提交的。请确认您的评价后重新提交。',
    invalid: '该链接无效，请重新扫描小票上的二维码。',
    expired: '该小票的评价链接已过期：消费后 {days} 天内可以评价。',
    tooMany: '该网络尝试次数过多，请 {minutes} 分钟后再试。',
  },
} satisfies Record<Locale, Record<string, string>>;

export type FeedbackWord = keyof (typeof feedbackWords)['en'];

export function feedbackText(locale: Locale, key: FeedbackWord, params: Record<string, string | number> = {}): string {
  return feedbackWords[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
