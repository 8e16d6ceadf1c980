import type { MethodName } from '../contract';
import type { Text } from '../errors';
import { pullStreams } from '../sync/sync-domains';
import { PullStream } from '../sync/wire';

/**
 * What each entry of the audit log says happened, in the reader's words: every contract method
 * (the mutating ones are written by the dispatcher; the others may be one day) and every action
 * the core writes by itself (a sync step, a refused PIN, a voucher settled by the platform).
 */
const methodWords: Record<MethodName, Text> = {
  'app.status': { en: 'App state read', 'zh-CN': '读取应用状态' },
  'store.create': { en: 'Store created', 'zh-CN': '创建门店' },
  'store.createDemo': { en: 'Demo store created', 'zh-CN': '创建演示门店' },
  'store.update': { en: 'Store settings changed', 'zh-CN': '修改门店设置' },
  'staff.signInOptions': { en: 'Sign-in list shown', 'zh-CN': '显示登录名单' },
  'staff.signIn': { en: 'Signed in', 'zh-CN': '登录' },
  'staff.signOut': { en: 'Signed out', 'zh-CN': '退出登录' },
  'staff.lock': { en: 'Screen locked', 'zh-CN': '锁定屏幕' },
  'staff.unlock': { en: 'Screen unlocked', 'zh-CN': '解锁屏幕' },
  'staff.me': { en: 'Own details read', 'zh-CN': '查看本人信息' },
  'staff.list': { en: 'Staff list viewed', 'zh-CN': '查看员工列表' },
  'staff.create': { en: 'Staff member added', 'zh-CN': '添加员工' },
  'staff.update': { en: 'Staff member changed', 'zh-CN': '修改员工' },
  'staff.lockouts': { en: 'Locked-out staff listed', 'zh-CN': '查看被锁定的员工' },
  'staff.clearLockout': { en: 'Staff member’s PIN lock-out lifted', 'zh-CN': '解除员工 PIN 锁定' },
  'approvals.grant': { en: 'Manager approved one action', 'zh-CN': '店长授权一次操作' },
  'drawer.noSale': { en: 'Drawer opened without a sale', 'zh-CN': '无交易开钱箱' },
  'catalog.listCategories': { en: 'Categories viewed', 'zh-CN': '查看分类' },
  'catalog.saveCategory': { en: 'Category saved', 'zh-CN': '保存分类' },
  'catalog.searchProducts': { en: 'Products searched', 'zh-CN': '搜索商品' },
  'catalog.findByBarcode': { en: 'Barcode looked up', 'zh-CN': '查找条码' },
  'catalog.getProduct': { en: 'Product viewed', 'zh-CN': '查看商品' },
  'catalog.saveProduct': { en: 'Product saved', 'zh-CN': '保存商品' },
  'catalog.importCsv': { en: 'Catalog imported', 'zh-CN': '导入商品' },
  'audit.list': { en: 'Audit log viewed', 'zh-CN': '查看审计日志' },
  'audit.verify': { en: 'Audit log checked', 'zh-CN': '校验审计日志' },
  'shift.current': { en: 'Shift viewed', 'zh-CN': '查看班次' },
  'shift.open': { en: 'Shift opened', 'zh-CN': '开班' },
  'shift.cashIn': { en: 'Cash put in', 'zh-CN': '存入现金' },
  'shift.cashOut': { en: 'Cash taken out', 'zh-CN': '取出现金' },
  'shift.xReport': { en: 'X report printed', 'zh-CN': '打印 X 报表' },
  'shift.close': { en: 'Shift closed (Z report)', 'zh-CN': '交班（Z 报表）' },
  'shift.zReports': { en: 'Z reports viewed', 'zh-CN': '查看 Z 报表' },
  'shift.reprintZ': { en: 'Z report printed again', 'zh-CN': '重印 Z 报表' },
  'carts.park': { en: 'Sale parked', 'zh-CN': '挂单' },
  'carts.list': { en: 'Parked sales viewed', 'zh-CN': '查看挂单' },
  'carts.resume': { en: 'Parked sale resumed', 'zh-CN': '取回挂单' },
  'carts.discard': { en: 'Sale cleared before payment', 'zh-CN': '清空未付款订单' },
  'carts.void': { en: 'Parked sale voided', 'zh-CN': '作废挂单' },
  'orders.commit': { en: 'Sale paid', 'zh-CN': '收款' },
  'orders.list': { en: 'Orders viewed', 'zh-CN': '查看订单' },
  'orders.get': { en: 'Order viewed', 'zh-CN': '查看订单详情' },
  'orders.receipt': { en: 'Receipt shown', 'zh-CN': '显示小票' },
  'orders.reprint': { en: 'Receipt printed again', 'zh-CN': '重印小票' },
  'orders.refund': { en: 'Refund', 'zh-CN': '退款' },
  'reports.day': { en: 'Day report viewed', 'zh-CN': '查看日报' },
  'reports.sales': { en: 'Sales report viewed', 'zh-CN': '查看销售报表' },
  'reports.items': { en: 'Product sales report viewed', 'zh-CN': '查看商品销售报表' },
  'reports.completeness': { en: 'Report completeness checked', 'zh-CN': '查看报表数据完整性' },
  'reports.orderLines': { en: 'Order lines exported', 'zh-CN': '导出订单明细' },
  'reports.settlement': { en: 'Platform settlement report viewed', 'zh-CN': '查看平台结算报表' },
  'reports.feedback': { en: 'Customer feedback report viewed', 'zh-CN': '查看顾客评价报表' },
  'feedback.followUp': { en: 'Customer feedback followed up', 'zh-CN': '跟进顾客评价' },
  'reports.reconcile': { en: 'Reconciled with the platform’s statement', 'zh-CN': '与平台结算单对账' },
  'reports.members': { en: 'Member report viewed', 'zh-CN': '查看会员报表' },
  'reports.pointsLiability': { en: 'Points liability viewed', 'zh-CN': '查看积分负债' },
  'sync.status': { en: 'Sync state read', 'zh-CN': '读取同步状态' },
  'sync.pair': { en: 'Pairing with the platform asked', 'zh-CN': '申请绑定平台' },
  'sync.unpair': { en: 'Unpaired from the platform', 'zh-CN': '解除平台绑定' },
  'sync.attention': { en: 'Refused records viewed', 'zh-CN': '查看被拒记录' },
  'sync.retryNow': { en: 'Sync now pressed', 'zh-CN': '立即同步' },
  'online.list': { en: 'Online orders viewed', 'zh-CN': '查看线上订单' },
  'online.accept': { en: 'Online order accepted', 'zh-CN': '线上订单接单' },
  'online.reject': { en: 'Online order rejected', 'zh-CN': '线上订单拒单' },
  'online.ready': { en: 'Online order ready', 'zh-CN': '线上订单出餐' },
  'online.handOver': { en: 'Online order handed over', 'zh-CN': '线上订单交付' },
  'stock.list': { en: 'Stock viewed', 'zh-CN': '查看库存' },
  'stock.history': { en: 'Stock history viewed', 'zh-CN': '查看库存流水' },
  'stock.move': { en: 'Stock changed', 'zh-CN': '库存变动' },
  'stock.setSoldOut': { en: 'Sold-out flag changed', 'zh-CN': '修改售罄状态' },
  'stock.setLowAt': { en: 'Low-stock level changed', 'zh-CN': '修改库存预警线' },
  'vouchers.check': { en: 'Voucher checked', 'zh-CN': '查验券码' },
  'members.lookup': { en: 'Member looked up by phone', 'zh-CN': '按手机号查找会员' },
  'members.identify': { en: 'Member identified by member code', 'zh-CN': '扫会员码识别会员' },
  'members.enrolStart': { en: 'Member enrolment started (code sent)', 'zh-CN': '开始会员入会（已发送验证码）' },
  'members.enrolConfirm': { en: 'Member enrolled', 'zh-CN': '会员入会成功' },
  'members.benefits': { en: 'Member benefits read', 'zh-CN': '查看会员权益' },
  'members.pointsOffer': { en: 'Points offer read', 'zh-CN': '查看积分抵现额度' },
  'members.couponMember': { en: 'Member checked for member-only coupons', 'zh-CN': '查看会员券使用资格' },
  'vouchers.redeemGroupBuy': { en: 'Group-buy voucher redeemed', 'zh-CN': '团购券核销' },
  'vouchers.redemptions': { en: 'Redemptions viewed', 'zh-CN': '查看核销记录' },
  'vouchers.resolve': { en: 'Voucher redemption resolved', 'zh-CN': '处理核销异常' },
  'vouchers.samples': { en: 'Sample vouchers shown', 'zh-CN': '显示示例券' },
  'owner.signIn': { en: 'Owner signed in to the platform', 'zh-CN': '店主登录平台' },
  'owner.signOut': { en: 'Owner signed out of the platform', 'zh-CN': '店主退出平台' },
  'owner.status': { en: 'Owner platform sign-in shown', 'zh-CN': '显示店主平台登录状态' },
  'franchise.stores': { en: 'Franchise stores shown', 'zh-CN': '显示连锁门店' },
  'franchise.sales': { en: 'Franchise sales shown', 'zh-CN': '显示连锁销售' },
  'franchise.catalog': { en: 'Brand catalog shown', 'zh-CN': '显示品牌商品目录' },
  'franchise.saveProduct': { en: 'Brand product saved on the platform', 'zh-CN': '在平台保存品牌商品' },
  'franchise.importCsv': { en: 'Brand catalog imported from CSV', 'zh-CN': '从 CSV 导入品牌商品目录' },
  'franchise.storePrices': { en: 'Store prices shown', 'zh-CN': '显示门店价格' },
  'franchise.setStorePrice': { en: 'Store price set on the platform', 'zh-CN': '在平台设定门店价格' },
  'franchise.allowLocalPrices': { en: 'Store allowed to set its own prices', 'zh-CN': '允许门店自行定价' },
  'catalog.setLocalPrice': { en: 'Store’s own price set', 'zh-CN': '设定本店价格' },
  'franchise.compare': { en: 'Stores compared', 'zh-CN': '显示门店对比' },
  'franchise.stock': { en: 'Stock across stores shown', 'zh-CN': '显示各门店库存' },
  'franchise.stockMovements': { en: 'A store’s stock movements shown', 'zh-CN': '显示门店库存流水' },
  'franchise.setLowStock': { en: 'Brand low-stock level set', 'zh-CN': '设定品牌低库存提醒值' },
  'transfers.stores': { en: 'Brand stores shown for a transfer', 'zh-CN': '显示可调拨门店' },
  'transfers.list': { en: 'Transfers shown', 'zh-CN': '显示调拨单' },
  'transfers.send': { en: 'Goods sent to another store', 'zh-CN': '调出至其他门店' },
  'transfers.receive': { en: 'Transfer received', 'zh-CN': '调拨收货' },
};

const pulled = Object.fromEntries(
  PullStream.options.map((stream) => [
    `sync.pull.${stream}`,
    {
      en: `Platform sent ${pullStreams[stream].words.en}`,
      'zh-CN': `平台下发${pullStreams[stream].words['zh-CN']}`,
    },
  ]),
) as Record<`sync.pull.${PullStream}`, Text>;

const internalWords = {
  'staff.pinRefused': { en: 'Wrong PIN', 'zh-CN': 'PIN 错误' },
  'sync.paired': { en: 'Paired with the platform', 'zh-CN': '已绑定平台' },
  'sync.pairingFailed': { en: 'Pairing with the platform failed', 'zh-CN': '绑定平台失败' },
  ...pulled,
  'voucher.refusedOnline': { en: 'Voucher refused by the platform', 'zh-CN': '平台拒绝核销' },
  'voucher.confirmed': { en: 'Redemption confirmed by the platform', 'zh-CN': '平台确认核销' },
  'voucher.pushRefused': { en: 'Redemption refused when sent', 'zh-CN': '上传核销被拒' },
  'voucher.refused': { en: 'Redemption refused by the platform', 'zh-CN': '平台拒绝核销记录' },
  'voucher.conflictLost': { en: 'Offline redemption lost to another', 'zh-CN': '离线核销冲突未生效' },
  'voucher.reversed': { en: 'Redemption reversed', 'zh-CN': '核销已撤销' },
  'voucher.reversalRefused': { en: 'Reversal refused by the platform', 'zh-CN': '平台拒绝撤销核销' },
} satisfies Record<string, Text>;

export type InternalAuditAction = keyof typeof internalWords;
/** Every action an audit entry may name: written through this type, each has words. */
export type AuditAction = MethodName | InternalAuditAction;

export const internalAuditActions = Object.keys(internalWords) as InternalAuditAction[];

const words: Record<string, Text> = { ...methodWords, ...internalWords };

/** The action in words; an action this build does not know (an older or newer one) reads as itself. */
export function auditActionText(action: string): Text {
  return Object.hasOwn(words, action) ? (words[action] as Text) : { en: action, 'zh-CN': action };
}

export function hasAuditWords(action: string): boolean {
  return Object.hasOwn(words, action);
}
