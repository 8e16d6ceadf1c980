import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Card, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import type { SettlementReport } from '../../../shared/contract/settlement-report';
import { useApiQuery } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { formatBusinessDay } from '../../frame/business-day';
import { useLocale } from '../../i18n/use-locale';
import { PeriodPicker, requestedDays } from './period-picker';
import { ReconcilePanel } from './settlement-reconcile';
import { useSettlementTables } from './settlement-tables';
import './reports.css';

/**
 * What the platform keeps and owes the store, per platform channel and day: gross → the store's
 * promotion → commission → expected settlement, beside the compared period; and the day checked
 * against the platform's own statement.
 */
export function SettlementView() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const store = useStoreInfo();
  const [request, setRequest] = useState<ReportRequest>({
    period: 'day',
    firstDay: store.businessDay,
    comparison: null,
  });
  const query = useApiQuery('reports.settlement', request, { placeholderData: keepPreviousData });
  const report = query.data;
  const days = requestedDays(request);
  return (
    <>
      <div className="toolbar report-toolbar">
        <PeriodPicker value={request} onChange={setRequest} today={store.businessDay} />
        {query.isFetching ? <Spin size="small" /> : null}
      </div>
      {report ? (
        <div className="report-span" data-testid="settlement-span">
          <strong>
            {report.period.from === report.period.to
              ? formatBusinessDay(report.period.from, locale)
              : t('salesReport.spanDays', {
                  from: formatBusinessDay(report.period.from, locale),
                  to: formatBusinessDay(report.period.to, locale),
                })}
          </strong>
          <span className="report-scope">{t('salesReport.tillScope', { code: store.deviceCode })}</span>
        </div>
      ) : null}
      {query.error ? <Alert type="error" showIcon title={errorText(query.error)} className="screen-note" /> : null}
      {report ? (
        <div className="report-body" data-testid="settlement-report">
          <SettlementCards report={report} days={days} />
          <ReconcilePanel defaultDay={report.span?.to ?? days.to} />
        </div>
      ) : query.isPending ? (
        <Spin className="drawer-spin" />
      ) : null}
    </>
  );
}

/** The settlement's tables, each in its card. */
function SettlementCards({ report, days }: { report: SettlementReport; days: { from: string; to: string } }) {
  return useSettlementTables(report, days).map((table) => (
    <Card key={table.key} size="small" title={table.label} className="report-card">
      {table.children}
    </Card>
  ));
}
