/** What the platform answers an owner and the operator about organisations, owners and sessions. */
export const franchiseMessages = {
  owner_session_invalid: {
    en: 'Sign in as the owner again: this session is missing, ended or revoked.',
    zh: '请重新以店主身份登录：会话缺失、已结束或已被撤销。',
  },
  owner_sign_in_failed: { en: 'The login or the password is wrong.', zh: '账号或密码不正确。' },
  owner_sign_in_locked: {
    en: 'Too many sign-in attempts for this login; try again in {minutes} min.',
    zh: '该账号登录尝试次数过多，请 {minutes} 分钟后再试。',
  },
  owner_invitation_invalid: {
    en: 'The invitation code is wrong, expired or already used; ask the operator for a new one.',
    zh: '邀请码错误、已过期或已被使用，请向运营方索取新的邀请码。',
  },
  owner_password_weak: {
    en: 'The password must have {min} to {max} characters.',
    zh: '密码长度应为 {min} 至 {max} 个字符。',
  },
  owner_login_taken: { en: 'An owner already signs in as {login}.', zh: '已有店主使用账号 {login}。' },
  owner_unknown: { en: 'There is no such owner.', zh: '没有这个店主。' },
  organisation_unknown: { en: 'There is no such organisation.', zh: '没有这个品牌。' },
  catalog_version_stale: {
    en: '{sku} {name} was changed in the meantime: it is now {price}, {state}. Nothing was saved; make your change again on the current value.',
    zh: '{sku} {name} 已被他人修改：当前价格 {price}，{state}。本次修改未保存，请在当前值上重新修改。',
  },
  product_sku_taken: {
    en: 'The SKU {sku} is used by another catalog on the platform; give the product a SKU of its own.',
    zh: '商品编码 {sku} 已被平台上的其他商品目录使用，请为该商品另设编码。',
  },
  local_price_not_allowed: {
    en: 'The owner has not allowed this store to set its own price of {sku}; ask head office to change it.',
    zh: '店主未允许本店自行设定 {sku} 的价格，请联系总部修改。',
  },
  void_of_paid_sale: {
    en: 'This void names a sale the platform holds as paid; a paid sale is never voided.',
    zh: '该作废记录对应的是平台上已付款的销售；已付款的销售不能作废。',
  },
  low_stock_level_invalid: {
    en: 'The low-stock level of {sku} must be a whole number from 0 to {max} (items, or grams for goods sold by weight).',
    zh: '{sku} 的低库存提醒值应为 0 至 {max} 之间的整数（按件，或按重量销售的商品按克）。',
  },
  stock_search_too_long: {
    en: 'The search can be at most {max} characters.',
    zh: '搜索内容最多 {max} 个字符。',
  },
} satisfies Record<string, { en: string; zh: string }>;
