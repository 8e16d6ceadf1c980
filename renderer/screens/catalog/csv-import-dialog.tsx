import { FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateMethods, useApiMutation } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { ImportReport } from './ImportReport';
import { maxCsvBytes, readCsvFile } from './read-csv-file';

const columnsExample =
  'sku,barcodes,plu,name_zh,name_en,category_zh,category_en,price,cost,tax_rate,unit,listed_online';

export function CsvImportDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const importCsv = useApiMutation('catalog.importCsv', {
    onSuccess: () => void invalidateMethods(queryClient, ['catalog.']),
  });

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setReadError(null);
    importCsv.reset();
    if (file.size > maxCsvBytes) {
      setReadError(t('import.tooLarge', { mb: maxCsvBytes / 1_000_000 }));
      return;
    }
    try {
      importCsv.mutate({ csv: await readCsvFile(file) });
    } catch {
      setReadError(t('import.unreadable'));
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('import.title')}
      onCancel={onClose}
      footer={
        <Button type="primary" size="large" onClick={onClose} disabled={importCsv.isPending}>
          {importCsv.data ? t('common.done') : t('common.close')}
        </Button>
      }
      destroyOnHidden
      data-testid="csv-import-dialog"
    >
      <p>{t('import.explain')}</p>
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
        loading={importCsv.isPending}
        className="import-pick"
      >
        {t('import.pick')}
      </Button>
      {fileName ? (
        <span className="import-file">
          <FileTextOutlined /> {fileName}
        </span>
      ) : null}
      {importCsv.isPending ? (
        <div className="import-progress">
          <Spin description={t('import.running', { name: fileName })} />
        </div>
      ) : null}
      {readError ? <Alert type="error" showIcon title={readError} /> : null}
      {importCsv.error ? <Alert type="error" showIcon title={errorText(importCsv.error)} /> : null}
      {importCsv.data ? <ImportReport report={importCsv.data} /> : null}
    </Modal>
  );
}
