import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Card, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import type { SettlementReport, SettlementTotals } from '../../../shared/contract/settlement-report';
import { addSettlements, noSettlement } from '../../../shared/reports/settlement';
import { useApiQuery } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { formatBusinessDay } from '../../frame/business-day';
import { useLocale } from '../../i18n/use-locale';
import { type BreakdownColumn, BreakdownTable } from './breakdown-table';
import { PeriodPicker, requestedDays } from './period-picker';
import { settlementColumns } from './settlement-columns';
import { ReconcilePanel } from './settlement-reconcile';
import './reports.css';

/** A channel, or the platform channels together. */
type ChannelRow = { key: string; label: string; current: SettlementTotals; earlier: SettlementTotals | null };
type DayRow = SettlementReport['byDay'][number];

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
  const file = (what: string) =>
    t(days.from === days.to ? 'settlementReport.fileDay' : 'settlementReport.file', { what, ...days });
  const channelName = (channel: DayRow['channel']) => t(`orders.channel.${channel}`);
  const rows: ChannelRow[] = report
    ? [
        ...report.channels.map((row) => ({ ...row, key: row.channel, label: channelName(row.channel) })),
        {
          key: 'total',
          label: t('settlementReport.total'),
          current: totalOf(report.channels.map((row) => row.current)),
          earlier: report.compared ? totalOf(report.channels.map((row) => row.earlier ?? noTotals)) : null,
        },
      ]
    : [];
  const earlierColumns: BreakdownColumn<ChannelRow>[] = report?.compared
    ? [
        {
          key: 'earlierCommission',
          title: t('settlementReport.column.earlierCommission'),
          kind: 'money',
          value: (r) => r.earlier?.commission ?? 0,
        },
        {
          key: 'earlierSettlement',
          title: t('settlementReport.column.earlierSettlement'),
          kind: 'money',
          value: (r) => r.earlier?.settlement ?? 0,
        },
      ]
    : [];

  return (
    <>
      <div className="toolbar report-toolbar">
        <PeriodPicker value={request} onChange={setRequest} />
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
          <Card size="small" title={t('settlementReport.byChannel')} className="report-card">
            <BreakdownTable
              rows={rows}
              rowKey={(r) => r.key}
              columns={[
                ...settlementColumns<ChannelRow>(
                  t,
                  [
                    {
                      key: 'channel',
                      title: t('settlementReport.column.channel'),
                      kind: 'text',
                      value: (r) => r.label,
                    },
                  ],
                  (r) => r.current,
                ),
                ...earlierColumns,
              ]}
              fileName={file(t('settlementReport.byChannel'))}
              note={t('settlementReport.note')}
              testId="settlement-by-channel"
            />
          </Card>
          <Card size="small" title={t('settlementReport.byDay')} className="report-card">
            <BreakdownTable
              rows={report.byDay}
              rowKey={(r) => `${r.day}|${r.channel}`}
              columns={settlementColumns<DayRow>(
                t,
                [
                  {
                    key: 'day',
                    title: t('settlementReport.column.day'),
                    kind: 'text',
                    value: (r) => formatBusinessDay(r.day, locale),
                  },
                  {
                    key: 'channel',
                    title: t('settlementReport.column.channel'),
                    kind: 'text',
                    value: (r) => channelName(r.channel),
                  },
                ],
                (r) => r,
              )}
              fileName={file(t('settlementReport.byDay'))}
              testId="settlement-by-day"
            />
          </Card>
          <ReconcilePanel defaultDay={report.span?.to ?? days.to} />
        </div>
      ) : query.isPending ? (
        <Spin className="drawer-spin" />
      ) : null}
    </>
  );
}

const noTotals: SettlementTotals = { ...noSettlement, orders: 0 };

/** Channels added up through the shared definitions, so the total row keeps their identities. */
function totalOf(rows: SettlementTotals[]): SettlementTotals {
  return rows.reduce<SettlementTotals>(
    (sum, row) => ({ ...addSettlements(sum, row), orders: sum.orders + row.orders }),
    noTotals,
  );
}
