import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ItemsReport, ReportRequest, SalesReport } from '../../../shared/contract/sales-report';
import type { SettlementReport } from '../../../shared/contract/settlement-report';
import { formatDateTime } from '../../../shared/time-format';
import { useApiQuery } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { useLocale } from '../../i18n/use-locale';
import { PrintingContext } from './breakdown-table';
import { BreakdownSections } from './breakdown-tabs';
import { HeadlineFigures } from './headline-figures';
import { useSettlementTables } from './settlement-tables';
import { SpanLine } from './span-line';
import './report-print.css';

type ReportPrintProps = {
  request: ReportRequest;
  report: SalesReport;
  items: ItemsReport | undefined;
  days: { from: string; to: string };
  onDone(): void;
};

/**
 * The whole report on paper (A4): its span, headline figures, every breakdown and the Settlement
 * tab's tables with all their rows, outside the app's frame so nothing is cut at the screen's edge. Printed as soon as it is
 * drawn; gone again once the print dialog closes.
 */
export function ReportPrint({ request, report, items, days, onDone }: ReportPrintProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const store = useStoreInfo();
  const errorText = useErrorText();
  // The Settlement tab's tables for the same period print after the breakdowns: asked for here, and
  // the page goes to the printer once they are in (or have failed, said on the paper).
  const settlement = useApiQuery('reports.settlement', request);
  const settled = settlement.isSuccess || settlement.isError;
  useEffect(() => {
    if (!settled) return;
    window.addEventListener('afterprint', onDone, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', onDone);
  }, [onDone, settled]);
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
      <h2 className="print-part">{t('settlementReport.tab')}</h2>
      {settlement.data ? <SettlementSections report={settlement.data} days={days} /> : null}
      {settlement.error ? <p>{errorText(settlement.error)}</p> : null}
    </div>,
    document.body,
  );
}

/** The settlement's tables as printed sections, like the breakdowns above them. */
function SettlementSections({ report, days }: { report: SettlementReport; days: { from: string; to: string } }) {
  const tables = useSettlementTables(report, days);
  return (
    <PrintingContext.Provider value={true}>
      {tables.map((table) => (
        <section key={table.key} className="print-section print-wide" data-testid={`print-settlement-${table.key}`}>
          <h3>{table.label}</h3>
          {table.children}
        </section>
      ))}
    </PrintingContext.Provider>
  );
}
