import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Segmented, Spin, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RedemptionRow } from '../../../shared/contract/vouchers';
import { useApiQuery } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { usePermission } from '../../hooks/use-permission';
import { RedemptionStateTag } from '../../vouchers/redemption-state-tag';
import { useDateTimeText } from '../../vouchers/use-voucher-text';
import { useAmount } from '../checkout/checkout-format';
import { BusinessDayPicker } from '../orders/business-day-picker';
import { ExposureFigures } from './exposure-figures';
import { ResolveDialog } from './resolve-dialog';
import './reports.css';

type Filter = 'attention' | 'provisional' | 'all';

/**
 * The manager's view of redemptions: what needs attention (refused, unanswered, lost to another
 * store), what is still provisional, and the offline exposure. An owner closes a lost one.
 */
export function VoucherReport() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const amount = useAmount();
  const when = useDateTimeText();
  const store = useStoreInfo();
  const canResolve = usePermission('risk.manage') !== 'deny';
  const [filter, setFilter] = useState<Filter>('attention');
  const [oneDay, setOneDay] = useState(false);
  const [businessDay, setBusinessDay] = useState(store.businessDay);
  const [resolving, setResolving] = useState<RedemptionRow | null>(null);
  const list = useApiQuery(
    'vouchers.redemptions',
    { filter, businessDay: oneDay ? businessDay : undefined, limit: 200 },
    { placeholderData: keepPreviousData },
  );

  const columns = [
    {
      title: t('voucher.report.when'),
      key: 'when',
      width: 150,
      render: (row: RedemptionRow) => when(row.decidedAt, 'ms'),
    },
    {
      title: t('voucher.report.voucher'),
      key: 'voucher',
      render: (row: RedemptionRow) => (
        <>
          <div>{row.campaignName}</div>
          <div className="voucher-refusal">
            {t(`voucher.type.${row.type}`)} · <code>{row.voucherId}</code>
          </div>
        </>
      ),
    },
    {
      title: t('voucher.report.amount'),
      key: 'amount',
      width: 100,
      render: (row: RedemptionRow) => amount(row.amount),
    },
    {
      title: t('voucher.report.state'),
      key: 'state',
      width: 190,
      render: (row: RedemptionRow) => (
        <>
          <RedemptionStateTag state={row.state} />
          {row.resolution ? <div className="voucher-refusal">{t(`voucher.resolution.${row.resolution}`)}</div> : null}
        </>
      ),
    },
    {
      title: t('voucher.report.detail'),
      key: 'detail',
      render: (row: RedemptionRow) => (
        <>
          {row.conflict ? (
            <div className="voucher-conflict" data-testid="redemption-conflict">
              {t('voucher.report.wonBy', { store: row.conflict.storeName, at: when(row.conflict.at, 'ms') })}
            </div>
          ) : null}
          {row.refusal ? <div className="voucher-refusal">{row.refusal.message}</div> : null}
        </>
      ),
    },
    {
      title: t('voucher.report.order'),
      key: 'order',
      width: 120,
      render: (row: RedemptionRow) => (
        <>
          <div>{row.orderNumber ?? '—'}</div>
          <div className="voucher-refusal">{row.staffName}</div>
        </>
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 110,
      render: (row: RedemptionRow) =>
        row.state === 'CONFLICT_LOST' && canResolve ? (
          <Button onClick={() => setResolving(row)} data-testid="resolve-redemption">
            {t('voucher.report.resolve')}
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="voucher-report">
      <div className="toolbar">
        <Segmented<Filter>
          size="large"
          value={filter}
          onChange={setFilter}
          options={(['attention', 'provisional', 'all'] as const).map((value) => ({
            value,
            label: t(`voucher.report.filter.${value}`),
          }))}
          data-testid="voucher-filter"
        />
        <Checkbox checked={oneDay} onChange={(event) => setOneDay(event.target.checked)} data-testid="voucher-one-day">
          {t('voucher.report.oneDay')}
        </Checkbox>
        {oneDay ? <BusinessDayPicker value={businessDay} onChange={setBusinessDay} testId="voucher-day" /> : null}
        {list.isFetching ? <Spin size="small" /> : null}
      </div>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      {list.data ? <ExposureFigures exposure={list.data.exposure} /> : null}
      <Table<RedemptionRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.redemptions ?? []}
        loading={list.isPending}
        pagination={false}
        scroll={{ y: 'calc(100vh - 420px)' }}
        locale={{ emptyText: t(`voucher.report.empty.${filter}`) }}
        onRow={(row) => ({ 'data-testid': 'voucher-report-row', 'data-state': row.state }) as never}
      />
      {resolving ? <ResolveDialog row={resolving} onClose={() => setResolving(null)} /> : null}
    </div>
  );
}
