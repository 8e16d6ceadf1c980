import { Alert, Button, Modal, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReceiptWidth } from '../../../shared/contract/orders';
import './checkout-dialogs.css';

type ReceiptPreviewProps = {
  html: string | null;
  width: ReceiptWidth;
  error: string | null;
  onClose(): void;
};

/**
 * The receipt as the printer gets it. The core renders it; it is still shown in a sandboxed frame
 * with no scripts, so nothing in a product name or store footer can run in the till's page.
 */
export function ReceiptPreview({ html, width, error, onClose }: ReceiptPreviewProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('sale.paid.receiptTitle')}
      onCancel={onClose}
      destroyOnHidden
      width={width === '58' ? 360 : 440}
      footer={
        <Button size="large" onClick={onClose}>
          {t('common.close')} <kbd>Esc</kbd>
        </Button>
      }
    >
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : html === null ? (
        <Spin />
      ) : (
        <iframe
          className={`receipt-frame width-${width}`}
          title={t('sale.paid.receiptTitle')}
          sandbox=""
          srcDoc={receiptDocument(html, width)}
          data-testid="receipt-preview"
        />
      )}
    </Modal>
  );
}

function receiptDocument(html: string, width: ReceiptWidth): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}body{width:${width}mm;margin:0 auto;padding:4mm 0}</style></head><body>${html}</body></html>`;
}
