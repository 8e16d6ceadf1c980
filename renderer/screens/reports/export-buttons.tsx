import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** A table's CSV and Excel buttons, as every report table has them. */
export function ExportButtons({
  disabled,
  testId,
  onExport,
}: {
  disabled: boolean;
  testId: string;
  onExport(format: 'csv' | 'xlsx'): void;
}) {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => onExport('csv')}
        disabled={disabled}
        data-testid={`${testId}-export`}
      >
        {t('salesReport.export')}
      </Button>
      <Button onClick={() => onExport('xlsx')} disabled={disabled} data-testid={`${testId}-export-xlsx`}>
        {t('salesReport.exportXlsx')}
      </Button>
    </Space.Compact>
  );
}
