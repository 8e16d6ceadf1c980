/** What the platform answers about stock transfers between a brand's stores (issue 16, item 5). */
export const transferMessages = {
  transfer_store_invalid: {
    en: 'Goods go only to another store of the same brand; this transfer names {store}, which is not one.',
    zh: '调拨只能发往同一品牌的其他门店；此调拨的目的门店 {store} 不符合。',
  },
  transfer_sku_unknown: {
    en: 'The transfer names {sku}, which is not in the brand’s catalog on the platform.',
    zh: '调拨中的商品 {sku} 不在平台上的品牌商品目录中。',
  },
  transfer_unknown: {
    en: 'There is no transfer {id} to this store on the platform.',
    zh: '平台上没有发往本店的调拨 {id}。',
  },
  transfer_already_received: {
    en: 'This transfer was already received at the store ({by}); a second receipt is not recorded.',
    zh: '该调拨已由门店收货（{by}），不再记录第二次收货。',
  },
  transfer_lines_mismatch: {
    en: 'A receipt counts every product of the transfer and only those; {sku} does not match.',
    zh: '收货须清点调拨中的全部商品且仅限这些商品；{sku} 不符。',
  },
  transfer_id_taken: {
    en: 'The transfer id {id} is already used by another transfer.',
    zh: '调拨编号 {id} 已被另一笔调拨使用。',
  },
  transfer_request_taken: {
    en: 'This requested transfer is for another store to send, or was already sent.',
    zh: '该调拨申请应由其他门店发货，或已经发货。',
  },
} satisfies Record<string, { en: string; zh: string }>;
