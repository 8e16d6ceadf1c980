import { Alert, Button, Modal, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReceiptWidth } from '../../../shared/contract/orders';
import { PaperPreview } from '../../components/paper-preview';
import './checkout-dialogs.css';

type ReceiptPreviewProps = {
  html: string | null;
  width: ReceiptWidth;
  error: string | null;
  onClose(): void;
};

/** The receipt just paid, as the printer gets it. */
export function ReceiptPreview({ html, width, error, onClose }: ReceiptPreviewProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('sale.paid.receiptTitle')}
      onCancel={onClose}
      destroyOnHidden
      width={width === '58' ? 420 : 500}
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
        <PaperPreview html={html} width={width} testId="receipt-preview" />
      )}
    </Modal>
  );
}
