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
  /** `message`: the platform's words with the value as it is now. */
  catalog_version_stale: { en: '{message}', 'zh-CN': '{message}' },
  catalog_platform_refused: { en: '{message}', 'zh-CN': '{message}' },
  catalog_local_price_unpaired: {
    en: 'This till is not paired with the platform: a store price of the brand’s catalog is set through it.',
    'zh-CN': '本机未绑定平台，品牌商品的门店价格需通过平台设定。',
  },
  catalog_local_price_own_product: {
    en: 'This product is the store’s own (local only): change its price in the product editor.',
    'zh-CN': '该商品为本店自有商品（仅本地），请在商品编辑中修改价格。',
  },
  product_franchise_owned: {
    en: 'This product belongs to the brand’s catalog: its owner changes it at head office. Here you can change its cost, and its price where the owner allows this store to set its own.',
    'zh-CN': '该商品属于品牌商品目录，由店主在总部修改。本店可修改其成本；店主允许时，可设定本店价格。',
  },
  owner_needs_platform: {
    en: 'This needs an answer from the platform; try again.',
    'zh-CN': '此操作需要平台应答，请重试。',
  },
} satisfies Record<string, Text>;
