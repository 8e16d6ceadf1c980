import { PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Card, Spin } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRequest, SalesReport } from '../../../shared/contract/sales-report';
import type { Money } from '../../../shared/money';
import { formatMonthDay } from '../../../shared/time-format';
import { useApiQuery } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';
import { BreakdownTabs } from './breakdown-tabs';
import { CompletenessLine } from './completeness-line';
import { DrillDrawer } from './drill-drawer';
import { DrillProvider, type DrillTarget, daySpanOf, drillSpanOf, useDrill } from './drill-target';
import { HeadlineFigures } from './headline-figures';
import { OrderLinesExport } from './order-lines-export';
import { PeriodPicker, requestedDays } from './period-picker';
import { ReportPrint } from './report-print';
import { SpanLine } from './span-line';
import './reports.css';

const linesOf = (request: ReportRequest) => {
  const { from, to } = requestedDays(request);
  return { firstDay: from, lastDay: to };
};

// ECharts is loaded with the first report, not with the till's first screen.
const SalesChart = lazy(() => import('./sales-chart'));

/** The manager's sales report: any period, compared, its headline figures, a chart and every breakdown. */
export function SalesView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const store = useStoreInfo();
  const [request, setRequest] = useState<ReportRequest>({
    period: 'day',
    firstDay: store.businessDay,
    comparison: 'same_weekday_last_week',
  });
  const sales = useApiQuery('reports.sales', request, { placeholderData: keepPreviousData });
  const items = useApiQuery('reports.items', request, { placeholderData: keepPreviousData });
  const report = sales.data;
  const [printing, setPrinting] = useState(false);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const donePrinting = useCallback(() => setPrinting(false), []);
  const changeRequest = (next: ReportRequest) => {
    // "Same weekday last week" fits only a day, and is what a day is read against: moving between
    // a day and longer periods swaps the one for the other, and leaves any other choice alone.
    const toDay = next.period === 'day' && request.period !== 'day';
    const comparison =
      next.period !== 'day' && next.comparison === 'same_weekday_last_week'
        ? 'previous_period'
        : toDay && next.comparison === 'previous_period'
          ? 'same_weekday_last_week'
          : next.comparison;
    setRequest({ ...next, comparison });
  };

  return (
    <>
      <div className="toolbar report-toolbar">
        <PeriodPicker value={request} onChange={changeRequest} today={store.businessDay} />
        {sales.isFetching || items.isFetching ? <Spin size="small" /> : null}
        <Button
          icon={<PrinterOutlined />}
          className="report-print-button"
          disabled={!report}
          onClick={() => setPrinting(true)}
          data-testid="report-print-button"
        >
          {t('salesReport.print')}
        </Button>
        <OrderLinesExport {...linesOf(request)} disabled={!report || sales.isError} />
      </div>
      {report ? <SpanLine report={report} /> : null}
      {report ? <CompletenessLine request={request} /> : null}
      {sales.error ? <Alert type="error" showIcon title={errorText(sales.error)} className="screen-note" /> : null}
      {report ? (
        <DrillProvider value={setDrill}>
          <div className="report-body" data-testid="sales-report">
            {report.span === null ? <Alert type="info" showIcon title={t('salesReport.notBegun')} /> : null}
            <HeadlineFigures report={report} />
            <ReportChart report={report} />
            <Card size="small" className="report-card">
              <BreakdownTabs report={report} items={items.data} days={requestedDays(request)} />
            </Card>
          </div>
        </DrillProvider>
      ) : sales.isPending ? (
        <Spin className="drawer-spin" />
      ) : null}
      <DrillDrawer target={drill} onChange={setDrill} onClose={() => setDrill(null)} />
      {printing && report ? (
        <ReportPrint
          request={request}
          report={report}
          items={items.data}
          days={requestedDays(request)}
          onDone={donePrinting}
        />
      ) : null}
    </>
  );
}

/** By hour for one day, by day for longer periods; the compared period in grey behind. */
function ReportChart({ report }: { report: SalesReport }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const money = useMoney();
  const show = useCallback((value: number) => money(value as Money), [money]);
  const names = useMemo(() => ({ now: t('salesReport.seriesNow'), earlier: t('salesReport.seriesEarlier') }), [t]);
  const drill = useDrill();
  const chart = useMemo(() => {
    const compared = report.totals.earlier !== null;
    if (report.byDay.length <= 1) {
      const hours = report.byHour.map((row) => row.hour);
      const span =
        hours.length === 0
          ? []
          : Array.from({ length: Math.max(...hours) - Math.min(...hours) + 1 }, (_, i) => Math.min(...hours) + i);
      const at = (hour: number) => report.byHour.find((row) => row.hour === hour);
      return {
        title: t('salesReport.chartByHour'),
        labels: span.map((hour) => `${String(hour).padStart(2, '0')}:00`),
        now: span.map((hour) => at(hour)?.current.net ?? 0),
        earlier: compared ? span.map((hour) => at(hour)?.earlier?.net ?? 0) : null,
        pick: (index: number) => {
          const hour = span[index];
          const label = `${String(hour).padStart(2, '0')}:00`;
          return { filter: { hour }, labels: { hour: label }, what: label, day: null };
        },
      };
    }
    return {
      title: t('salesReport.chartByDay'),
      labels: report.byDay.map((row) => formatMonthDay(row.day, locale)),
      now: report.byDay.map((row) => row.current.net),
      earlier: compared ? report.byDay.map((row) => row.earlier?.net ?? 0) : null,
      pick: (index: number) => {
        const day = report.byDay[index]?.day ?? report.byDay[0].day;
        return { filter: {}, labels: {}, what: formatMonthDay(day, locale), day };
      },
    };
  }, [report, t, locale]);
  // A bar opens the orders behind it: an hour of the day, or one day of the span (cut like the span).
  const onPick = useMemo(() => {
    const counted = report.span;
    if (!drill || !counted) return undefined;
    return (index: number) => {
      const { filter, labels, what, day } = chart.pick(index);
      drill({ what, span: day ? daySpanOf(counted, day) : drillSpanOf(counted), filter, labels, figure: 'net' });
    };
  }, [drill, report.span, chart]);
  if (chart.labels.length === 0) return null;
  return (
    <Card size="small" title={chart.title} className="report-card">
      <Suspense fallback={<div className="sales-chart" />}>
        <SalesChart
          labels={chart.labels}
          now={chart.now}
          earlier={chart.earlier}
          names={names}
          show={show}
          label={chart.title}
          testId="sales-chart"
          onPick={onPick}
        />
      </Suspense>
    </Card>
  );
}
