import { Alert, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { ImportRowResult } from '../../../shared/contract/catalog';
import './catalog.css';

/** `finished` is false while parts are still to come or after one was refused. */
type ImportReportProps = { report: OutputOf<'catalog.importCsv'>; finished: boolean };

export function ImportReport({ report, finished }: ImportReportProps) {
  const { t } = useTranslation();
  const failedRows = report.rows.filter((row) => row.status === 'error');
  const notedRows = report.rows.filter((row) => row.note !== null);
  return (
    <div className="import-report" data-testid="import-report">
      <Row gutter={16} className="import-stats">
        <Col span={8}>
          <Statistic title={t('import.created')} value={report.created} />
        </Col>
        <Col span={8}>
          <Statistic title={t('import.updated')} value={report.updated} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('import.failed')}
            value={report.failed}
            styles={{ content: { color: report.failed > 0 ? '#d4380d' : undefined } }}
          />
        </Col>
      </Row>
      {failedRows.length > 0 ? (
        <>
          <Alert type="warning" showIcon title={t('import.someFailed', { count: failedRows.length })} />
          <Table<ImportRowResult>
            className="import-failures"
            rowKey="line"
            size="small"
            pagination={failedRows.length > 8 ? { pageSize: 8 } : false}
            dataSource={failedRows}
            columns={[
              { key: 'line', title: t('import.line'), dataIndex: 'line', width: 80 },
              { key: 'sku', title: t('product.sku'), dataIndex: 'sku', width: 140, render: (sku) => sku ?? '—' },
              { key: 'message', title: t('import.problem'), render: (_, row) => row.error?.message ?? '' },
            ]}
            data-testid="import-failures"
          />
        </>
      ) : finished ? (
        <Alert type="success" showIcon title={t('import.allGood')} />
      ) : null}
      {notedRows.length > 0 ? (
        <>
          <Alert type="info" showIcon title={t('import.replaced', { count: notedRows.length })} />
          <Table<ImportRowResult>
            rowKey="line"
            size="small"
            pagination={notedRows.length > 8 ? { pageSize: 8 } : false}
            dataSource={notedRows}
            columns={[
              { key: 'line', title: t('import.line'), dataIndex: 'line', width: 80 },
              { key: 'sku', title: t('product.sku'), dataIndex: 'sku', width: 140, render: (sku) => sku ?? '—' },
              { key: 'note', title: t('import.change'), dataIndex: 'note' },
            ]}
            data-testid="import-notes"
          />
        </>
      ) : null}
    </div>
  );
}
