import type { Text } from './errors';

/** How a field's limits read: money as money, basis points as a percentage, grams with their unit. */
export type FieldKind = 'money' | 'percentBp' | 'grams' | 'plain';

export type FieldLabel = {
  name: Text;
  kind?: FieldKind;
  /** One entry of a list, `{n}` counted from 1: "Barcode 2", "line 2". */
  item?: Text;
  /** An English plural: "Payments are missing". */
  plural?: boolean;
};

const label = (en: string, zh: string, kind?: FieldKind, item?: Text): FieldLabel => ({
  name: { en, 'zh-CN': zh },
  kind,
  item,
  plural: item !== undefined,
});

const search = label('The scanned or typed text', '扫码或输入的内容');
const filter = label('The filter', '筛选条件');
const pagePosition = label('The page position', '翻页位置');

/**
 * Every field name of every contract input, in the user's words. A refusal names the nearest
 * labelled field of its path; the contract walk test fails when a new input field has no label.
 */
export const fieldLabels: Record<string, FieldLabel> = {
  active: label('Active', '启用状态'),
  address: label('Address', '地址'),
  amount: label('Amount', '金额', 'money'),
  barcode: label('Barcode', '条码'),
  barcodes: label('Barcodes', '条码', 'plain', { en: 'Barcode {n}', 'zh-CN': '第 {n} 个条码' }),
  at: pagePosition,
  before: pagePosition,
  beforeSeq: pagePosition,
  businessDay: label('Business day', '营业日'),
  cart: label('The sale', '订单'),
  cashierId: label('Cashier', '收银员'),
  cashInApprovalAmount: label('Cash in needing a manager', '需店长授权的存入金额', 'money'),
  cashInMax: label('Largest cash in', '单次存入上限', 'money'),
  cashOutMax: label('Largest cash out', '单次取出上限', 'money'),
  cashRounding: label('Cash rounding', '现金抹零'),
  categoryId: label('Category', '分类'),
  channel: label('Channel', '渠道'),
  code: label('The code', '编码'),
  comparison: label('Compared with', '对比'),
  cost: label('Cost', '成本', 'money'),
  count: label('Quantity', '数量'),
  countedCash: label('Counted cash', '实点现金', 'money'),
  countMax: label('Largest quantity on a line', '单行数量上限'),
  coupons: label('Coupons', '优惠券', 'plain', { en: 'coupon {n}', 'zh-CN': '第 {n} 张券' }),
  csv: label('The file', '文件'),
  currency: label('Currency', '货币'),
  day: label('Business day', '营业日'),
  dayCutoffHour: label('Day cut-off hour', '营业日切换时间'),
  deviceCode: label('Terminal code', '收银机编号'),
  discount: label('Line discount', '单品折扣'),
  discountApprovalAmount: label('Discount needing approval', '需授权的折扣金额', 'money'),
  discountApprovalPercentBp: label('Discount share needing approval', '需授权的折扣比例', 'percentBp'),
  filter,
  firstDay: label('First day', '开始日期'),
  float: label('Float', '备用金', 'money'),
  grams: label('Weight', '重量', 'grams'),
  history: label('Sample history', '示例历史数据'),
  id: label('The reference', '编号'),
  includeFinished: filter,
  includeInactive: filter,
  input: label('The action to approve', '待授权的操作'),
  kind: label('Type', '类型'),
  label: label('Label', '备注'),
  lastDay: label('Last day', '结束日期'),
  limit: label('The page size', '每页条数'),
  lineId: label('Line', '商品行'),
  lineNo: label('Line no.', '行号'),
  lineOffset: label('Starting line', '起始行号'),
  lines: label('Lines', '商品行', 'plain', { en: 'line {n}', 'zh-CN': '第 {n} 行' }),
  listedOnline: label('Listed online', '线上销售'),
  locale: label('Language', '语言'),
  lowAt: label('Low-stock level', '低库存提醒值'),
  lowOnly: filter,
  method: label('Payment method', '付款方式'),
  mode: label('Rounding', '抹零方式'),
  name: label('Name', '名称'),
  period: label('Period', '周期'),
  nameEn: label('English name', '英文名称'),
  nameZh: label('Chinese name', '中文名称'),
  note: label('Note', '备注'),
  number: label('Order no.', '订单号'),
  offset: pagePosition,
  orderDiscount: label('Order discount', '整单折扣'),
  orderId: label('Order', '订单'),
  owner: label('Owner', '店主'),
  permission: label('The permission to approve', '待授权的权限'),
  phone: label('Phone', '电话'),
  pickupCode: label('Pickup code', '取餐码'),
  pin: label('PIN', 'PIN'),
  platformUrl: label('Platform address', '平台地址'),
  plu: label('PLU', 'PLU 码'),
  price: label('Price', '价格', 'money'),
  priceMax: label('Highest price', '价格上限', 'money'),
  productId: label('Product', '商品'),
  quantity: label('Quantity', '数量'),
  query: search,
  reason: label('Reason', '原因'),
  receiptFooter: label('Receipt footer', '小票页脚'),
  receiptUrlPattern: label('E-receipt link', '电子小票链接'),
  receiptWidth: label('Receipt width', '小票宽度'),
  redemptionId: label('Voucher', '券'),
  reference: label('Payment reference', '支付凭证号'),
  refundId: label('Refund', '退款单'),
  resolution: label('Resolution', '处理结果'),
  role: label('Role', '角色'),
  saleMax: label('Largest sale', '单笔销售上限', 'money'),
  scaleLabel: label('Scale labels', '秤标签'),
  settings: { ...label('The settings', '设置'), plural: true },
  sku: label('SKU', 'SKU'),
  soldOut: label('Sold out', '售罄'),
  sort: label('Sort order', '排序'),
  staffId: label('Staff member', '员工'),
  status: label('Status', '状态'),
  step: label('Rounding step', '抹零单位'),
  stockMoveMax: label('Largest stock movement', '单次库存变动上限'),
  taxRateBp: label('Tax rate', '税率', 'percentBp'),
  tendered: label('Cash received', '实收现金', 'money'),
  tenderMax: label('Most cash received', '实收现金上限', 'money'),
  tenders: label('Payments', '付款', 'plain', { en: 'payment {n}', 'zh-CN': '第 {n} 笔付款' }),
  timeZone: label('Time zone', '时区'),
  to: label('Refund to', '退款方式'),
  unit: label('Unit', '单位'),
  unitPrice: label('Unit price', '单价', 'money'),
  value: label('Discount', '折扣'),
  varianceApprovalAmount: label('Cash difference needing approval', '需授权的现金差额', 'money'),
  weightMaxGrams: label('Heaviest weighed line', '单行称重上限', 'grams'),
  width: label('Receipt width', '小票宽度'),
  zNumber: label('Z report no.', 'Z 报表号'),
};
