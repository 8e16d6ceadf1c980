import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettlementReport, SettlementTotals } from '../../../shared/contract/settlement-report';
import { addSettlements, noSettlement } from '../../../shared/reports/settlement';
import { formatBusinessDay } from '../../frame/business-day';
import { useLocale } from '../../i18n/use-locale';
import { type BreakdownColumn, BreakdownTable } from './breakdown-table';
import { settlementColumns } from './settlement-columns';

/** A channel, or the platform channels together. */
type ChannelRow = { key: string; label: string; current: SettlementTotals; earlier: SettlementTotals | null };
type DayRow = SettlementReport['byDay'][number];

/**
 * The settlement's tables, by platform channel (with all of them together) and by day: in cards on
 * the Settlement tab, and one after another on the printed report.
 */
export function useSettlementTables(
  report: SettlementReport,
  days: { from: string; to: string },
): { key: string; label: string; children: ReactNode }[] {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const file = (what: string) =>
    t(days.from === days.to ? 'settlementReport.fileDay' : 'settlementReport.file', { what, ...days });
  const channelName = (channel: DayRow['channel']) => t(`orders.channel.${channel}`);
  const rows: ChannelRow[] = [
    ...report.channels.map((row) => ({ ...row, key: row.channel, label: channelName(row.channel) })),
    {
      key: 'total',
      label: t('settlementReport.total'),
      current: totalOf(report.channels.map((row) => row.current)),
      earlier: report.compared ? totalOf(report.channels.map((row) => row.earlier ?? noTotals)) : null,
    },
  ];
  const earlierColumns: BreakdownColumn<ChannelRow>[] = report.compared
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
  return [
    {
      key: 'byChannel',
      label: t('settlementReport.byChannel'),
      children: (
        <BreakdownTable
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            ...settlementColumns<ChannelRow>(
              t,
              [{ key: 'channel', title: t('settlementReport.column.channel'), kind: 'text', value: (r) => r.label }],
              (r) => r.current,
            ),
            ...earlierColumns,
          ]}
          fileName={file(t('settlementReport.byChannel'))}
          note={t('settlementReport.note')}
          testId="settlement-by-channel"
        />
      ),
    },
    {
      key: 'byDay',
      label: t('settlementReport.byDay'),
      children: (
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
      ),
    },
  ];
}

const noTotals: SettlementTotals = { ...noSettlement, orders: 0 };

/** Channels added up through the shared definitions, so the total row keeps their identities. */
function totalOf(rows: SettlementTotals[]): SettlementTotals {
  return rows.reduce<SettlementTotals>(
    (sum, row) => ({ ...addSettlements(sum, row), orders: sum.orders + row.orders }),
    noTotals,
  );
}
