import { PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftReport } from '../../../shared/contract/shifts';
import { api } from '../../api/api-client';
import { useApiQuery } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { useKeyActions } from '../../hooks/use-key-actions';
import { useMoney } from '../../hooks/use-money';
import { printReceipt } from '../../print/print-receipt';
import { useStoreTime } from '../orders/order-labels';
import { printShortcut } from '../orders/receipt-preview';
import { ShiftReportView } from './shift-report-view';
import { VarianceText } from './z-report-result';
import './shift.css';

export function ZReportList() {
  const { t } = useTranslation();
  const money = useMoney();
  const errorText = useErrorText();
  const { dateTime } = useStoreTime();
  const { message } = App.useApp();
  const width = useStoreInfo().settings.receiptWidth;
  const reports = useApiQuery('shift.zReports', { limit: 30 });
  const [viewing, setViewing] = useState<ShiftReport | null>(null);
  // A reprint is marked as a copy on paper and audited by the core.
  const reprint = useMutation({
    mutationFn: async (zNumber: number) => {
      const { html } = await api.call('shift.reprintZ', { zNumber, width });
      await printReceipt(html, width);
    },
    onSuccess: () => message.success(t('shift.zReprinted')),
    onError: (error) => message.error(errorText(error)),
  });
  const reprintViewing = () => {
    if (viewing?.zNumber && !reprint.isPending) reprint.mutate(viewing.zNumber);
  };
  useKeyActions({ [printShortcut]: reprintViewing }, 2, viewing !== null);

  const columns: ColumnsType<ShiftReport> = [
    { key: 'z', title: t('shift.zNumber'), width: 64, render: (_, r) => <strong>Z{r.zNumber}</strong> },
    { key: 'day', title: t('shift.businessDay'), dataIndex: 'businessDay', width: 110 },
    {
      key: 'closed',
      title: t('shift.report.closedAt'),
      render: (_, r) => (
        <span className="cell-names">
          <span>{r.closedAt ? dateTime(r.closedAt) : '—'}</span>
          <span className="cell-secondary">{r.closedByName}</span>
        </span>
      ),
    },
    { key: 'net', title: t('reports.net'), align: 'right', render: (_, r) => money(r.net) },
    { key: 'variance', title: t('shift.report.variance'), render: (_, r) => <VarianceText report={r} /> },
  ];

  return (
    <div data-testid="z-report-list">
      {reports.error ? <Alert type="error" showIcon title={errorText(reports.error)} /> : null}
      <Table<ShiftReport>
        rowKey="shiftId"
        size="small"
        columns={columns}
        dataSource={reports.data?.reports ?? []}
        loading={reports.isFetching}
        pagination={false}
        locale={{ emptyText: t('shift.noZReports') }}
        onRow={(report) => ({
          tabIndex: 0,
          className: 'clickable-row',
          onClick: () => setViewing(report),
          onKeyDown: (event) => {
            if (event.key === 'Enter') setViewing(report);
          },
        })}
      />
      {viewing ? (
        <Modal
          open
          width={720}
          title={t('shift.zTitle', { number: viewing.zNumber ?? '' })}
          onCancel={() => setViewing(null)}
          destroyOnHidden
          footer={[
            <Button key="close" onClick={() => setViewing(null)}>
              {t('common.close')} <kbd>Esc</kbd>
            </Button>,
            <Button
              key="print"
              type="primary"
              icon={<PrinterOutlined />}
              loading={reprint.isPending}
              onClick={reprintViewing}
              data-testid="z-reprint"
            >
              {t('shift.zReprint')} <kbd>{printShortcut}</kbd>
            </Button>,
          ]}
        >
          <ShiftReportView report={viewing} />
        </Modal>
      ) : null}
    </div>
  );
}
