import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/contract/audit';
import { api } from '../../api/api-client';
import { useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { useLocale } from '../../i18n/use-locale';
import { AuditVerdictAlert } from './audit-verdict-alert';
import '../screens.css';
import './settings.css';
import { useStoreTime } from '../orders/order-labels';

const pageSize = 50;

export function AuditLog() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { dateTime } = useStoreTime();
  const errorText = useErrorText();
  const pages = useInfiniteQuery({
    // The core writes each entry in the reader's words: a change of language asks again.
    queryKey: ['audit.list', { limit: pageSize, locale }],
    queryFn: ({ pageParam }) => api.call('audit.list', { beforeSeq: pageParam, limit: pageSize }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.entries.length === pageSize ? last.entries.at(-1)?.seq : undefined),
    // Every visit shows the log as it is now; entries arrive with every change.
    staleTime: 0,
  });
  const verify = useApiQuery('audit.verify', {}, { enabled: false, staleTime: 0, gcTime: 0 });
  const entries = pages.data?.pages.flatMap((page) => page.entries) ?? [];

  const columns: ColumnsType<AuditEntry> = [
    { key: 'seq', title: '#', dataIndex: 'seq', width: 80 },
    { key: 'at', title: t('audit.time'), width: 200, render: (_, e) => dateTime(e.at) },
    { key: 'action', title: t('audit.action'), render: (_, e) => <span title={e.action}>{e.actionText}</span> },
    { key: 'staff', title: t('audit.staff'), render: (_, e) => e.staffName ?? '—' },
    { key: 'approver', title: t('audit.approver'), render: (_, e) => e.approverName ?? '—' },
    {
      key: 'subject',
      title: t('audit.subject'),
      render: (_, e) => <span title={e.subject ?? undefined}>{e.subjectText ?? '—'}</span>,
    },
  ];

  return (
    <Card
      title={t('audit.title')}
      className="settings-card"
      extra={
        <Button
          icon={<SafetyCertificateOutlined />}
          onClick={() => void verify.refetch()}
          loading={verify.isFetching}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      }
    >
      <p className="muted">{t('audit.explain')}</p>
      {verify.error ? <Alert type="error" showIcon title={errorText(verify.error)} /> : null}
      {verify.data ? <AuditVerdictAlert verdict={verify.data} /> : null}
      {pages.error ? <Alert type="error" showIcon title={errorText(pages.error)} /> : null}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={entries}
        loading={pages.isFetching}
        pagination={false}
        expandable={{
          expandedRowRender: (entry) => <pre className="audit-detail">{JSON.stringify(entry.detail, null, 2)}</pre>,
          rowExpandable: (entry) => entry.detail !== null && entry.detail !== undefined,
        }}
      />
      {pages.hasNextPage ? (
        <div className="pager">
          <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
            {t('audit.older')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
