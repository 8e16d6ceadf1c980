import type { Text } from './errors';
import type { LimitName } from './limits';

/** Refusals of a value past one of the store's limits (shared/limits.ts). */
export const limitMessages = {
  limit_exceeded: {
    en: '{what} of {value} is over this store’s limit of {max}. Check the figure; the owner can change the limit in Settings → Store.',
    'zh-CN': '{what}{value}超过本店上限 {max}，请核对；店主可在“设置 → 门店”中修改上限。',
  },
  label_not_priced: {
    en: '“{name}” carries a price label, but this store’s scales print weight labels (Settings → Store). Weigh it again.',
    'zh-CN': '“{name}”是价格条码，但本店电子秤打印的是重量条码（设置 → 门店），请重新称重。',
  },
  label_weight: {
    en: 'The label on “{name}” ({amount} at {price}/kg) means {weight}, outside what this store sells by weight (1 g to {max}). Weigh it again.',
    'zh-CN':
      '“{name}”的标签（{amount}，单价 {price}/kg）折合 {weight}，不在本店称重范围内（1 g 至 {max}），请重新称重。',
  },
  stock_below_zero: {
    en: 'Taking {asked} of “{name}” off stock would leave {left}; the ledger shows {onHand} on hand. Count it first if that figure is wrong.',
    'zh-CN': '从“{name}”扣除 {asked} 后库存将为 {left}（账面现有 {onHand}）。如账面有误，请先盘点。',
  },
} satisfies Record<string, Text>;

/** The subject of `limit_exceeded`, as it starts the sentence. */
export const limitNames: Record<LimitName, Text> = {
  price: { en: 'A price', 'zh-CN': '价格' },
  count: { en: 'A quantity', 'zh-CN': '数量' },
  weight: { en: 'A weight', 'zh-CN': '重量' },
  sale: { en: 'A sale (before discounts)', 'zh-CN': '单笔销售（折前）' },
  tender: { en: 'Cash received', 'zh-CN': '实收现金' },
  cashIn: { en: 'A cash in', 'zh-CN': '存入现金' },
  cashOut: { en: 'A cash out', 'zh-CN': '取出现金' },
  stockMove: { en: 'A stock movement', 'zh-CN': '库存变动' },
};
