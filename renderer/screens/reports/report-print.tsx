import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ItemsReport, SalesReport } from '../../../shared/contract/sales-report';
import { formatDateTime } from '../../../shared/time-format';
import { useStoreInfo } from '../../app/store-provider';
import { useLocale } from '../../i18n/use-locale';
import { BreakdownSections } from './breakdown-tabs';
import { HeadlineFigures } from './headline-figures';
import { SpanLine } from './span-line';
import './report-print.css';

type ReportPrintProps = {
  report: SalesReport;
  items: ItemsReport | undefined;
  days: { from: string; to: string };
  onDone(): void;
};

/**
 * The whole report on paper (A4): its span, headline figures and every breakdown with all its
 * rows, outside the app's frame so nothing is cut at the screen's edge. Printed as soon as it is
 * drawn; gone again once the print dialog closes.
 */
export function ReportPrint({ report, items, days, onDone }: ReportPrintProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const store = useStoreInfo();
  useEffect(() => {
    window.addEventListener('afterprint', onDone, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', onDone);
  }, [onDone]);
  return createPortal(
    <div className="report-print" data-testid="report-print">
      <h1>
        {store.name} · {t('salesReport.printTitle')}
      </h1>
      <SpanLine report={report} />
      <p className="print-made">
        {t('salesReport.printedAt', { at: formatDateTime(Date.now(), locale, store.timeZone) })}
      </p>
      <HeadlineFigures report={report} />
      <BreakdownSections report={report} items={items} days={days} />
    </div>,
    document.body,
  );
}
