import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figures, SalesReport } from '../../../shared/contract/sales-report';
import type { Money } from '../../../shared/money';
import { change } from '../../../shared/reports/figures';
import { useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';
import { type DrillFigure, drillSpanOf, useDrill } from './drill-target';
import './reports.css';

/** Whether a rise is good news (sales), or only a fact to read (refunds, discounts). */
type Tone = 'good-up' | 'neutral';

type HeadlineProps = {
  label: string;
  now: number;
  earlier: number | null;
  show(value: number): string;
  note?: ReactNode;
  tone?: Tone;
  lead?: boolean;
  testId: string;
  /** Opens the orders behind the figure (drill-target.ts). */
  onOpen?(): void;
};

/** Basis points as a percentage: signed for a change, plain for a share or a margin. */
export function usePercent(signed = true) {
  const { locale } = useLocale();
  const format = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
  // A true minus, as the amounts have; and a change too small to show as 0.1% is not called "0%".
  return (basisPoints: number) => {
    const text =
      Math.abs(basisPoints) < 5 && basisPoints !== 0 && signed
        ? `${basisPoints > 0 ? '+' : '-'}<${format.format(0.001).replace(/^[+-]/, '')}`
        : format.format(basisPoints / 10_000);
    return text.replace('-', '−');
  };
}

/** A headline figure and, when compared, its change as an amount and a percentage of the earlier figure. */
function Headline({ label, now, earlier, show, note, tone = 'good-up', lead, testId, onOpen }: HeadlineProps) {
  const { t } = useTranslation();
  const percent = usePercent();
  const difference = earlier === null ? null : change(now, earlier);
  const direction = difference === null || difference.amount === 0 ? 'flat' : difference.amount > 0 ? 'up' : 'down';
  const toneClass =
    tone === 'neutral' || direction === 'flat' ? 'change' : `change ${direction === 'up' ? 'good' : 'bad'}`;
  return (
    <Card
      size="small"
      className={`${lead ? 'figure lead' : 'figure'}${onOpen ? ' drillable' : ''}`}
      data-testid={testId}
      {...(onOpen
        ? {
            tabIndex: 0,
            role: 'button',
            onClick: onOpen,
            onKeyDown: (event: { key: string }) => {
              if (event.key === 'Enter') onOpen();
            },
          }
        : {})}
    >
      <div className="figure-label">{label}</div>
      <div className="figure-value" data-testid={`${testId}-value`}>
        {show(now)}
      </div>
      {difference !== null && earlier !== null ? (
        <div className={toneClass} data-testid={`${testId}-change`}>
          {direction === 'up' ? <ArrowUpOutlined /> : direction === 'down' ? <ArrowDownOutlined /> : null}{' '}
          {direction === 'flat'
            ? t('salesReport.noChange')
            : `${difference.amount > 0 ? '+' : '−'}${show(Math.abs(difference.amount))}${
                difference.percentBp === null ? '' : ` (${percent(difference.percentBp)})`
              }`}
          <span className="change-earlier"> · {t('salesReport.versus', { earlier: show(earlier) })}</span>
        </div>
      ) : null}
      {note ? <div className="figure-note">{note}</div> : null}
    </Card>
  );
}

/** The period's headline numbers, each against the compared period's. */
export function HeadlineFigures({ report }: { report: SalesReport }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const money = useMoney();
  const percent = usePercent(false);
  const { current, earlier } = report.totals;
  const amount = (value: number) => money(value as Money);
  const counts = new Intl.NumberFormat(locale);
  const count = (value: number) => counts.format(value);
  const pick = (field: (f: Figures) => number) => (earlier ? field(earlier) : null);
  const drill = useDrill();
  const span = report.span;
  // Every headline of these orders opens them (the discounts and refunds only the orders carrying
  // one); refunds made in the span are other orders' refunds.
  const opens = (what: string, figure: DrillFigure, carrying?: 'discount' | 'refund') =>
    drill && span && current.orders > 0
      ? () =>
          drill({
            what,
            span: drillSpanOf(span),
            filter: carrying ? { carrying } : {},
            labels: carrying ? { carrying: t(`drill.carrying.${carrying}`) } : {},
            figure,
          })
      : undefined;
  return (
    <div className="figures" data-testid="report-headlines">
      <Headline
        lead
        label={t('salesReport.net')}
        onOpen={opens(t('salesReport.net'), 'net')}
        now={current.net}
        earlier={pick((f) => f.net)}
        show={amount}
        note={`${t('salesReport.netNote')} · ${t('salesReport.tax')} ${money(current.tax)}`}
        testId="headline-net"
      />
      <Headline
        label={t('salesReport.orders')}
        onOpen={opens(t('salesReport.orders'), 'net')}
        now={current.orders}
        earlier={pick((f) => f.orders)}
        show={count}
        testId="headline-orders"
      />
      <Headline
        label={t('salesReport.averageTicket')}
        onOpen={opens(t('salesReport.averageTicket'), 'averageTicket')}
        now={current.averageTicket}
        earlier={pick((f) => f.averageTicket)}
        show={amount}
        testId="headline-average"
      />
      <Headline
        label={t('salesReport.margin')}
        onOpen={opens(t('salesReport.margin'), 'margin')}
        now={current.margin.amount}
        earlier={pick((f) => f.margin.amount)}
        show={amount}
        note={
          current.orders === 0
            ? t('salesReport.noSales')
            : current.margin.percentBp === null
              ? t('salesReport.marginUnknown')
              : t('salesReport.marginNote', { percent: percent(current.margin.percentBp) })
        }
        testId="headline-margin"
      />
      <Headline
        label={t('salesReport.gross')}
        onOpen={opens(t('salesReport.gross'), 'gross')}
        now={current.gross}
        earlier={pick((f) => f.gross)}
        show={amount}
        note={`${t('salesReport.items')} ${count(current.items)}`}
        testId="headline-gross"
      />
      <Headline
        label={t('salesReport.discounts')}
        onOpen={opens(t('salesReport.discounts'), 'discount', 'discount')}
        now={current.discount}
        earlier={pick((f) => f.discount)}
        show={amount}
        tone="neutral"
        testId="headline-discounts"
      />
      <Headline
        label={t('salesReport.refunded')}
        onOpen={opens(t('salesReport.refunded'), 'refunded', 'refund')}
        now={current.refunded}
        earlier={pick((f) => f.refunded)}
        show={amount}
        tone="neutral"
        note={t('salesReport.refundedNote', { amount: money(current.netAfterRefunds) })}
        testId="headline-refunded"
      />
      <Headline
        label={t('salesReport.refundsMade')}
        now={report.refundsMade.current.amount}
        earlier={report.refundsMade.earlier?.amount ?? null}
        show={amount}
        tone="neutral"
        note={t('salesReport.refundsMadeNote', { count: report.refundsMade.current.count })}
        testId="headline-refunds-made"
      />
    </div>
  );
}
