import type { Text } from '../errors';

/** Refusals of the owner's platform sign-in and of the franchise views (head office). */
export const headOfficeMessages = {
  owner_platform_url_needed: {
    en: 'This till is not paired with a platform: enter the address of the platform to sign in to.',
    'zh-CN': '本机未绑定平台，请输入要登录的平台地址。',
  },
  owner_not_signed_in: {
    en: 'Sign in to the platform as the owner first.',
    'zh-CN': '请先以店主身份登录平台。',
  },
  /** `message`: the platform's own words, already in the reader's language. */
  owner_platform_refused: { en: '{message}', 'zh-CN': '{message}' },
  owner_platform_unreachable: {
    en: 'The platform at {url} did not answer ({detail}). Check the address and the network, then try again.',
    'zh-CN': '平台 {url} 无应答（{detail}），请检查地址和网络后重试。',
  },
  owner_platform_answer_invalid: {
    en: 'The platform at {url} answered in a form this version of Counter does not know; update Counter or the platform.',
    'zh-CN': '平台 {url} 的应答格式无法识别，请更新 Counter 或平台。',
  },
  owner_needs_platform: {
    en: 'This needs an answer from the platform; try again.',
    'zh-CN': '此操作需要平台应答，请重试。',
  },
} satisfies Record<string, Text>;
