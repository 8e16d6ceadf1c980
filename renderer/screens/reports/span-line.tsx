import { useTranslation } from 'react-i18next';
import type { SalesReport } from '../../../shared/contract/sales-report';
import type { Span } from '../../../shared/reports/periods';
import { useStoreInfo } from '../../app/store-provider';
import { formatBusinessDay } from '../../frame/business-day';
import { useLocale } from '../../i18n/use-locale';
import './reports.css';

type SpanLineProps = {
  report: Pick<SalesReport, 'period' | 'span' | 'compared'> & Partial<Pick<SalesReport, 'firstRecordedDay'>>;
  /** What the figures cover; this till's sales unless said otherwise. */
  scope?: string;
};

/** "23 Nov – 29 Nov 2026 · compared with 16 Nov – 22 Nov", and where a period in progress is counted to. */
export function SpanLine({ report, scope }: SpanLineProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const store = useStoreInfo();
  const cutoff = store.dayCutoffHour;
  const days = (span: Pick<Span, 'from' | 'to'>) =>
    span.from === span.to
      ? formatBusinessDay(span.from, locale)
      : t('salesReport.spanDays', {
          from: formatBusinessDay(span.from, locale),
          to: formatBusinessDay(span.to, locale),
        });
  const time = (minute: number) =>
    `${String((cutoff + Math.floor(minute / 60)) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const counted = report.span;
  return (
    <div className="report-span" data-testid="report-span">
      <strong>{days(report.period)}</strong>
      {counted?.untilMinute != null ? (
        <span>{t('salesReport.inProgress', { time: time(counted.untilMinute) })}</span>
      ) : null}
      {report.compared ? (
        <span className="report-compared">
          {report.compared.untilMinute != null
            ? t('salesReport.comparedWithUntil', {
                span: days(report.compared),
                time: time(report.compared.untilMinute),
              })
            : t('salesReport.comparedWith', { span: days(report.compared) })}
        </span>
      ) : null}
      {report.compared && report.firstRecordedDay && report.compared.from < report.firstRecordedDay ? (
        <span className="report-short-history" data-testid="report-short-history">
          {t(
            // Wholly before the first sale there is nothing to compare with, not just less.
            report.compared.to < report.firstRecordedDay
              ? 'salesReport.comparedAllBeforeRecords'
              : 'salesReport.comparedBeforeRecords',
            { day: formatBusinessDay(report.firstRecordedDay, locale) },
          )}
        </span>
      ) : report.span && report.firstRecordedDay && report.span.to < report.firstRecordedDay ? (
        <span className="report-short-history" data-testid="report-short-history">
          {t('salesReport.spanBeforeRecords', { day: formatBusinessDay(report.firstRecordedDay, locale) })}
        </span>
      ) : null}
      <span className="report-scope">{scope ?? t('salesReport.tillScope', { code: store.deviceCode })}</span>
    </div>
  );
}
