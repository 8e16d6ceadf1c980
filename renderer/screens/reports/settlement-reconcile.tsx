import { SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconcileDifference, Reconciliation } from '../../../shared/contract/settlement-report';
import type { Money } from '../../../shared/money';
import type { SettlementChannel } from '../../../shared/sync/settlement-wire';
import { useApiMutation } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';
import { type BreakdownColumn, BreakdownTable } from './breakdown-table';
import { differenceWhy, isSample } from './reconcile-reasons';
import { settlementColumns } from './settlement-columns';
import './reports.css';

type Compared = Extract<Reconciliation, { status: 'compared' }>;
type ChannelRow = Compared['channels'][number] & { side: 'till' | 'platform' };

/** "Reconcile with the platform": one business day of this till against the platform's statement. */
export function ReconcilePanel({ defaultDay }: { defaultDay: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const today = useStoreInfo().businessDay;
  const [day, setDay] = useState(defaultDay);
  useEffect(() => setDay(defaultDay), [defaultDay]);
  const reconcile = useApiMutation('reports.reconcile');
  // Why there is no statement is worded in the language it was asked in: not shown in another one.
  const { locale } = useLocale();
  const [askedIn, setAskedIn] = useState(locale);
  const result = reconcile.data?.status === 'unavailable' && askedIn !== locale ? undefined : reconcile.data;

  return (
    <Card size="small" title={t('settlementReport.reconcile.title')} className="report-card" data-testid="reconcile">
      <Space wrap>
        <Input
          type="date"
          className="day-picker-input"
          value={day}
          max={today}
          aria-label={t('settlementReport.reconcile.day')}
          data-testid="reconcile-day"
          onChange={(event) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) setDay(event.target.value);
          }}
        />
        <Button
          type="primary"
          icon={<SwapOutlined />}
          loading={reconcile.isPending}
          onClick={() => {
            setAskedIn(locale);
            reconcile.mutate({ day });
          }}
          data-testid="reconcile-button"
        >
          {t('settlementReport.reconcile.button')}
        </Button>
      </Space>
      {reconcile.error ? (
        <Alert type="error" showIcon title={errorText(reconcile.error)} className="screen-note" />
      ) : null}
      {result?.status === 'unavailable' ? (
        <Alert
          type="warning"
          showIcon
          title={result.message}
          className="screen-note"
          data-testid="reconcile-unavailable"
        />
      ) : null}
      {result?.status === 'compared' ? <ReconcileResult result={result} /> : null}
    </Card>
  );
}

function ReconcileResult({ result }: { result: Compared }) {
  const { t } = useTranslation();
  const ownTill = useStoreInfo().deviceCode;
  const samples = result.differences.filter(isSample).length;
  const real = result.differences.length - samples;
  const money = useMoney();
  const channel = (name: SettlementChannel) => t(`orders.channel.${name}`);
  const file = (what: string) => t('settlementReport.fileDay', { what, from: result.day, to: result.day });
  const sides: ChannelRow[] = result.channels.flatMap((row) => [
    { ...row, side: 'till' as const },
    { ...row, side: 'platform' as const },
  ]);
  const differenceColumns: BreakdownColumn<ReconcileDifference>[] = [
    {
      key: 'kind',
      title: t('settlementReport.reconcile.column.kind'),
      kind: 'text',
      value: (d) =>
        d.kind === 'only_till'
          ? t(`settlementReport.reconcile.onlyTill.${d.queue}`)
          : d.kind === 'only_platform'
            ? t('settlementReport.reconcile.onlyPlatform', { till: d.deviceCode })
            : t('settlementReport.reconcile.amounts'),
    },
    // Beside the difference and wrapped, so it is read first, on a 1024-wide screen too.
    {
      key: 'why',
      title: t('settlementReport.reconcile.column.why'),
      kind: 'text',
      value: (d) => differenceWhy(t, d, ownTill),
      width: 320,
    },
    { key: 'channel', title: t('settlementReport.column.channel'), kind: 'text', value: (d) => channel(d.channel) },
    { key: 'number', title: t('settlementReport.reconcile.column.number'), kind: 'text', value: (d) => d.number },
    { key: 'ref', title: t('settlementReport.reconcile.column.ref'), kind: 'text', value: (d) => d.ref },
    {
      key: 'what',
      title: t('settlementReport.reconcile.column.what'),
      kind: 'text',
      value: (d) =>
        d.kind === 'amounts'
          ? d.fields
              .map(
                (field) =>
                  `${t(`settlementReport.column.${field}`)}: ${money(d.till[field] as Money)} → ${money(d.platform[field] as Money)}`,
              )
              .join('; ')
          : '',
    },
    {
      key: 'till',
      title: t('settlementReport.reconcile.column.tillSettlement'),
      kind: 'money',
      value: (d) => (d.kind === 'only_platform' ? null : d.till.settlement),
    },
    {
      key: 'platform',
      title: t('settlementReport.reconcile.column.platformSettlement'),
      kind: 'money',
      value: (d) => (d.kind === 'only_till' ? null : d.platform.settlement),
    },
  ];
  return (
    <div data-testid="reconcile-result">
      {result.differences.length === 0 ? (
        <Alert
          type="success"
          showIcon
          title={t('settlementReport.reconcile.agree', { count: result.matched })}
          className="screen-note"
          data-testid="reconcile-agree"
        />
      ) : real === 0 ? (
        // Only the demo's sample sales: nothing is wrong, and the manager is told why and what to try.
        <Alert
          type="info"
          showIcon
          title={t('settlementReport.reconcile.samplesOnly', { count: samples })}
          description={t('settlementReport.reconcile.samplesHow')}
          className="screen-note"
          data-testid="reconcile-summary"
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={`${t('settlementReport.reconcile.differ', { count: real, matched: result.matched })}${
            samples > 0 ? ` ${t('settlementReport.reconcile.samplesToo', { count: samples })}` : ''
          }`}
          className="screen-note"
          data-testid="reconcile-summary"
        />
      )}
      <BreakdownTable
        rows={sides}
        rowKey={(r) => `${r.channel}|${r.side}`}
        columns={settlementColumns<ChannelRow>(
          t,
          [
            {
              key: 'channel',
              title: t('settlementReport.column.channel'),
              kind: 'text',
              value: (r) => channel(r.channel),
            },
            {
              key: 'side',
              title: t('settlementReport.reconcile.column.side'),
              kind: 'text',
              value: (r) => t(`settlementReport.reconcile.side.${r.side}`),
            },
          ],
          (r) => r[r.side],
        )}
        fileName={file(t('settlementReport.reconcile.totals'))}
        testId="reconcile-totals"
      />
      {result.differences.length > 0 ? (
        <BreakdownTable
          rows={result.differences}
          rowKey={(d) => `${d.kind}|${d.orderId}`}
          columns={differenceColumns}
          fileName={file(t('settlementReport.reconcile.differences'))}
          testId="reconcile-differences"
        />
      ) : null}
    </div>
  );
}
