import { formatMoney, type Money } from '../../shared/money';

/** A phrase in both languages, put into a refusal's message where the till shows it. */
export type Words = { en: string; zh: string };

const words = (en: string, zh: string): Words => ({ en, zh });

export const when = {
  future: words('after it reached the platform', '晚于送达平台的时间'),
  beforePull: words("before the till's last sync with the platform", '早于收银机上次与平台同步的时间'),
  beforeOrder: words('before the sale it refunds', '早于被退款的销售'),
  beforeRedemption: words('before the redemption it gives back', '早于被退回的核销'),
  beforeOpen: words('before its shift was opened', '早于班次开班时间'),
};

export const sums = {
  lineNet: words("a line's net is not its gross less its discount", '某行的实收不等于原价减优惠'),
  gross: words("the lines' gross is not the order's gross", '各行原价之和不等于订单原价'),
  discount: words("the lines' discounts are not the order's discount", '各行优惠之和不等于订单优惠'),
  total: words("the lines' net is not the order's total", '各行实收之和不等于订单合计'),
  totalLessDiscount: words("the order's total is not its gross less its discount", '订单合计不等于原价减优惠'),
  payments: words('the payments are not the total with its cash rounding', '付款合计不等于订单合计加抹零'),
  rounding: words('the cash rounding is larger than a rounding step', '抹零超过一个抹零单位'),
  tax: words("the tax is more than the order's total", '税额超过订单合计'),
  refundLines: words("the refunded lines do not add up to the refund's amount", '退款各行之和不等于退款金额'),
  refundTenders: words("the refund's tenders do not add up to its amount", '退款方式之和不等于退款金额'),
  onlineOrder: words('the sale is not the online order it fulfils', '该笔销售与其对应的线上订单不一致'),
  memberBenefit: words(
    'a line has a member benefit but the sale names no member',
    '某行有会员优惠，但该笔销售未关联会员',
  ),
  stock: words(
    "a stock movement is not one of the record's own goods, or goes the wrong way",
    '某条库存变动不属于该记录的商品，或方向不对',
  ),
};

export const fields = {
  orderGross: words("The sale's gross", '该笔销售的原价'),
  unitPrice: words('A unit price', '单价'),
  quantity: words('A quantity', '数量'),
  payment: words('A payment', '一笔付款'),
  onlineOrder: words('the sale is not the online order it fulfils', '该笔销售与其对应的线上订单不一致'),
  stock: words('A stock movement', '库存变动'),
  float: words("The shift's float", '班次备用金'),
};

/** An amount as both languages write it, in the store's currency. */
export function moneyWords(amount: number, currency: string): Words {
  return words(formatMoney(amount as Money, currency, 'en'), formatMoney(amount as Money, currency, 'zh-CN'));
}
