import { createContext, useContext } from 'react';
import type { InputOf } from '../../../shared/contract';
import type { DrillSpan } from '../../../shared/contract/order-drill';
import type { Span } from '../../../shared/reports/periods';

/** The filters a report row sets on its drill-down (orders.list), beside the span. */
export type DrillFilter = Pick<
  InputOf<'orders.list'>,
  'channel' | 'method' | 'cashierId' | 'hour' | 'weekday' | 'productId' | 'categoryId' | 'campaignId' | 'carrying'
>;
export type DrillKey = keyof DrillFilter;

/** Which of the drill-down's sums is the figure that was opened, so the footer shows that one. */
export type DrillFigure =
  | 'net'
  | 'gross'
  | 'discount'
  | 'refunded'
  | 'methodAmount'
  | 'lines'
  | 'couponDiscount'
  | 'averageTicket'
  | 'margin';

/** A report figure as its orders: what it is called, its span, its row's filters, their chips. */
export type DrillTarget = {
  what: string;
  span: DrillSpan;
  filter: DrillFilter;
  /** Each filter as its chip reads it: the row's own label. */
  labels: Partial<Record<DrillKey, string>>;
  figure: DrillFigure;
};

/** The figures only one filter gives: without that filter the footer falls back to the net. */
const figureNeeds: Partial<Record<DrillFigure, DrillKey[]>> = {
  methodAmount: ['method'],
  lines: ['productId', 'categoryId'],
  couponDiscount: ['campaignId'],
};

/** The drill-down without one of its filters: a wider set of the same span. */
export function withoutFilter(target: DrillTarget, key: DrillKey): DrillTarget {
  const filter: DrillFilter = { ...target.filter, [key]: undefined };
  const labels = { ...target.labels, [key]: undefined };
  const needs = figureNeeds[target.figure];
  const kept = needs ? needs.some((need) => filter[need] !== undefined) : true;
  return { ...target, filter, labels, figure: kept ? target.figure : 'net' };
}

/** The report's span as the drill-down asks for it, cut at the same minute. */
export const drillSpanOf = (span: Span): DrillSpan => ({
  firstDay: span.from,
  lastDay: span.to,
  untilMinute: span.untilMinute,
});

/** One day of the report's span: the last day keeps the span's cut. */
export const daySpanOf = (span: Span, day: string): DrillSpan => ({
  firstDay: day,
  lastDay: day,
  untilMinute: day === span.to ? span.untilMinute : null,
});

const DrillContext = createContext<((target: DrillTarget) => void) | null>(null);
export const DrillProvider = DrillContext.Provider;

/** Opens the orders behind a figure; null where figures do not open (the printed report). */
export function useDrill(): ((target: DrillTarget) => void) | null {
  return useContext(DrillContext);
}
