import { FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { useSyncStatus } from '../../hooks/use-sync-status';
import { useLocale } from '../../i18n/use-locale';
import { ImportReport } from './import-report';
import { maxCsvBytes, readCsvFile } from './read-csv-file';
import { type ImportPart, useChunkedImport } from './use-chunked-import';
import './catalog.css';

const columnsExample =
  'sku,barcodes,plu,name_zh,name_en,category_zh,category_en,price,cost,tax_rate,unit,listed_online';

export function CsvImportDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  // A paired till's owner signed in to the platform imports into the brand's catalog, for every store.
  const sync = useSyncStatus();
  const owner = useApiQuery('owner.status', {}, { retry: false });
  const intoBrand = sync.data !== undefined && sync.data.link !== 'unpaired' && owner.data?.signedIn === true;
  const { running, report, stopped, start, reset } = useChunkedImport(
    intoBrand ? 'franchise.importCsv' : 'catalog.importCsv',
  );
  const count = new Intl.NumberFormat(locale).format;
  const rowRange = (part: ImportPart) => ({
    first: count(part.firstRow),
    last: count(part.lastRow),
    total: count(part.total),
  });

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setReadError(null);
    reset();
    if (file.size > maxCsvBytes) {
      setReadError(t('import.tooLarge', { mb: maxCsvBytes / 1_000_000 }));
      return;
    }
    let text: string;
    try {
      text = await readCsvFile(file);
    } catch {
      setReadError(t('import.unreadable'));
      return;
    }
    await start(text);
  };

  // Closing half-way would hide how far the import got; it runs to the end or to a refused part.
  const busy = running !== null;
  return (
    <Modal
      open
      width={720}
      title={t('import.title')}
      onCancel={onClose}
      closable={!busy}
      keyboard={!busy}
      mask={{ closable: !busy }}
      footer={
        <Button type="primary" size="large" onClick={onClose} disabled={busy}>
          {report ? t('common.done') : t('common.close')}
        </Button>
      }
      destroyOnHidden
      data-testid="csv-import-dialog"
    >
      <p>{t('import.explain')}</p>
      {intoBrand ? (
        <Alert type="info" showIcon title={t('franchiseCatalog.importBrand')} data-testid="import-brand" />
      ) : null}
      <Typography.Paragraph code copyable className="import-columns">
        {columnsExample}
      </Typography.Paragraph>
      <p className="muted">{t('import.columnsHelp')}</p>
      <input
        ref={fileRef}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="csv-file-input"
        onChange={(event) => {
          void pickFile(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      <Button
        size="large"
        icon={<UploadOutlined />}
        onClick={() => fileRef.current?.click()}
        loading={busy}
        className="import-pick"
      >
        {t('import.pick')}
      </Button>
      {fileName ? (
        <span className="import-file">
          <FileTextOutlined /> {fileName}
        </span>
      ) : null}
      {running ? (
        <div className="import-progress" data-testid="import-progress">
          <span>
            {running.total > 0 ? t('import.progress', rowRange(running)) : t('import.running', { name: fileName })}
          </span>
          <Progress
            percent={running.total > 0 ? Math.floor((100 * (running.firstRow - 1)) / running.total) : 0}
            status="active"
          />
        </div>
      ) : null}
      {readError ? <Alert type="error" showIcon title={readError} /> : null}
      {stopped && stopped.total > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('import.stopped', rowRange(stopped))}
          description={
            <>
              <div>{errorText(stopped.error)}</div>
              <div>{t('import.importedBefore', { count: stopped.imported, rows: count(stopped.imported) })}</div>
            </>
          }
          data-testid="import-stopped"
        />
      ) : stopped ? (
        <Alert type="error" showIcon title={errorText(stopped.error)} data-testid="import-stopped" />
      ) : null}
      {report ? <ImportReport report={report} finished={!running && !stopped} /> : null}
    </Modal>
  );
}
