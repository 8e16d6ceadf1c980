import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Modal, Progress } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lineColumns } from '../../../shared/reports/line-columns';
import { type LineExportFormat, runLineExport } from '../../../shared/reports/line-export-run';
import { api } from '../../api/api-client';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { useLocale } from '../../i18n/use-locale';
import { saveFile } from './report-export';

const mimeType: Record<LineExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Every line of every order in the period, as CSV or Excel, fetched page by page with progress and
 * cancel. Each page becomes a Blob part as it comes, which Chromium keeps out of the page's memory
 * (on disk when large), so a year of lines never sits in the page at once.
 */
type OrderLinesExportProps = { firstDay: string; lastDay: string; disabled: boolean };

export function OrderLinesExport({ firstDay, lastDay, disabled }: OrderLinesExportProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const store = useStoreInfo();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const cancelled = useRef(false);
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);

  const start = async (format: LineExportFormat) => {
    cancelled.current = false;
    setProgress({ done: 0, total: 0 });
    const parts: Blob[] = [];
    const fileName = `${t('lineExport.fileName', { from: firstDay, to: lastDay })}.${format}`;
    try {
      const outcome = await runLineExport({
        firstDay,
        lastDay,
        format,
        columns: lineColumns({
          locale,
          timeZone: store.timeZone,
          exponent: store.currencyExponent,
          title: (key) => t(`lineExport.columns.${key}`),
          channel: (channel) => t(`orders.channel.${channel}`),
          unit: (unit) => (unit === 'kg' ? t('lineExport.unit.kg') : t('lineExport.unit.each')),
        }),
        sheetName: t('lineExport.button'),
        page: (input) => api.call('reports.orderLines', input),
        out: (bytes) => parts.push(new Blob([bytes as Uint8Array<ArrayBuffer>])),
        progress: (done, total) => setProgress({ done, total }),
        cancelled: () => cancelled.current,
      });
      switch (outcome.kind) {
        case 'saved':
          saveFile(new Blob(parts, { type: mimeType[format] }), fileName);
          message.success(t('lineExport.done', { lines: outcome.lines, orders: outcome.orders, file: fileName }));
          break;
        case 'none':
          message.info(t('lineExport.none'));
          break;
        case 'cancelled':
          break;
      }
    } catch (error) {
      message.error(t('lineExport.failed', { reason: errorText(error) }));
    } finally {
      setProgress(null);
    }
  };

  const percent =
    progress && progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'csv', label: t('lineExport.csv') },
            { key: 'xlsx', label: t('lineExport.xlsx') },
          ],
          onClick: ({ key }) => void start(key as LineExportFormat),
        }}
      >
        <Button icon={<DownloadOutlined />} disabled={disabled || progress !== null} data-testid="order-lines-export">
          {t('lineExport.button')}
        </Button>
      </Dropdown>
      <Modal
        open={progress !== null}
        title={t('lineExport.title')}
        closable={false}
        maskClosable={false}
        footer={
          <Button onClick={() => (cancelled.current = true)} data-testid="order-lines-export-cancel">
            {t('lineExport.cancel')}
          </Button>
        }
      >
        <Progress percent={percent} data-testid="order-lines-export-progress" />
        <p>
          {t('lineExport.progress', {
            done: count(Math.min(progress?.done ?? 0, progress?.total ?? 0)),
            total: count(progress?.total ?? 0),
          })}
        </p>
      </Modal>
    </>
  );
}
