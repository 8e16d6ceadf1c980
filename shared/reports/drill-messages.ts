import type { Text } from '../errors';

/** Refusals of a drill-down from a report figure to its orders (orders.list with a span). */
export const drillMessages = {
  drill_day_and_span: {
    en: 'Show the orders of one business day or of a report’s span, not both at once.',
    'zh-CN': '请选择一个营业日或一个报表时段，不能同时选择。',
  },
  drill_needs_span: {
    en: 'Orders can be found by product, category, campaign, hour or weekday only within a business day or a report’s span.',
    'zh-CN': '按商品、分类、营销活动、时段或星期查找订单时，须先选择营业日或报表时段。',
  },
} satisfies Record<string, Text>;
