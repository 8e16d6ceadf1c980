import { Alert, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { SyncRecord } from '../../../shared/contract/sync';
import { useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import '../screens.css';
import './settings.css';
import { useStoreTime } from '../orders/order-labels';

/** The outbox's record types, as a manager would name them. */
const typeKeys = {
  'order.paid': 'sale',
  'order.refunded': 'refund',
  'shift.closed': 'zReport',
  'stock.moved': 'stockMovement',
  'product.sold_out': 'soldOut',
  'online_order.step': 'onlineStep',
} as const;

function isKnownType(type: string): type is keyof typeof typeKeys {
  return Object.hasOwn(typeKeys, type);
}

/** Records the platform refused or found in conflict: they never block the queue, so someone must look. */
export function SyncAttention() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { dateTime } = useStoreTime();
  const records = useApiQuery('sync.attention', {}, { staleTime: 0 });
  const rows = records.data ?? [];

  const columns: ColumnsType<SyncRecord> = [
    {
      key: 'type',
      title: t('attention.type'),
      width: 150,
      render: (_, r) => (isKnownType(r.type) ? t(`attention.types.${typeKeys[r.type]}`) : r.type),
    },
    {
      key: 'record',
      title: t('attention.record'),
      width: 190,
      render: (_, r) => (
        <span className="cell-names">
          <span className="cell-code">#{r.seq}</span>
          <span className="cell-secondary cell-code attention-id" title={r.id}>
            {r.id}
          </span>
        </span>
      ),
    },
    { key: 'time', title: t('attention.time'), width: 140, render: (_, r) => dateTime(r.createdAt) },
    {
      key: 'result',
      title: t('attention.result'),
      width: 150,
      render: (_, r) => (
        <span className="cell-names">
          <Tag color={r.result === 'CONFLICT' ? 'orange' : 'red'}>{t(`attention.results.${r.result}`)}</Tag>
          <span className="cell-secondary cell-code">{r.code}</span>
        </span>
      ),
    },
    { key: 'message', title: t('attention.message'), render: (_, r) => r.message },
  ];

  return (
    <Card title={t('attention.title')} className="settings-card" data-testid="sync-attention-card">
      <p className="muted">{t('attention.explain')}</p>
      {records.error ? <Alert type="error" showIcon title={errorText(records.error)} /> : null}
      <Table<SyncRecord>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={records.isFetching}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('attention.empty') }}
        data-testid="sync-attention-table"
      />
    </Card>
  );
}
