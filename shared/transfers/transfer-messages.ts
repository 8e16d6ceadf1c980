import type { Text } from '../errors';

/** Refusals of sending and receiving stock transfers at a till (issue 16, item 5). */
export const transferMessages = {
  transfer_unpaired: {
    en: 'This till is not paired with the platform: goods go to another store through it.',
    'zh-CN': '本机未绑定平台，门店间调拨需通过平台进行。',
  },
  transfer_store_unknown: {
    en: 'Choose the receiving store from the list of the brand’s stores; open the list again to fetch it from the platform.',
    'zh-CN': '请从品牌门店列表中选择收货门店；重新打开列表可从平台获取。',
  },
  transfer_own_store: {
    en: 'A store cannot send goods to itself; choose another store of the brand.',
    'zh-CN': '门店不能调拨给自己，请选择品牌的其他门店。',
  },
  transfer_product_repeated: {
    en: '{name} is on the transfer twice; put its whole quantity on one line.',
    'zh-CN': '{name} 在调拨单中出现了两次，请合并为一行。',
  },
  transfer_exceeds_on_hand: {
    en: '{name}: {asked} to send, but the stock ledger holds {onHand}. Send at most that, or count the stock first if the ledger is wrong.',
    'zh-CN': '{name}：拟调出 {asked}，但库存账上只有 {onHand}。请最多调出该数量；如账实不符，请先盘点。',
  },
  transfer_not_here: {
    en: 'There is no transfer {id} on its way to this store.',
    'zh-CN': '没有发往本店的调拨 {id}。',
  },
  transfer_already_received: {
    en: 'This transfer was already received by {name}; it is received once.',
    'zh-CN': '该调拨已由 {name} 收货，每笔调拨只收货一次。',
  },
  transfer_count_every_line: {
    en: 'Count every product of the transfer once, and only those: {sku} does not match the transfer.',
    'zh-CN': '请对调拨单中的每种商品各清点一次，且仅限这些商品：{sku} 与调拨单不符。',
  },
  transfer_product_missing: {
    en: '{sku} is not in this till’s catalog yet; let the till sync, then receive the transfer.',
    'zh-CN': '本机商品目录中还没有 {sku}，请等待同步完成后再收货。',
  },
  /** `message`: the platform's own words, in the reader's language. */
  transfer_platform_refused: { en: '{message}', 'zh-CN': '{message}' },
  transfer_request_other_store: {
    en: 'Head office asked for these goods to go to {store}; send them there.',
    'zh-CN': '总部申请将这些商品调往 {store}，请发往该门店。',
  },
} satisfies Record<string, Text>;
