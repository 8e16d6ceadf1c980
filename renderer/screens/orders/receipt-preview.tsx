import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptWidth } from '../../../shared/contract/orders';
import { PaperPreview } from '../../components/paper-preview';
import { useKeyActions } from '../../hooks/use-key-actions';
import './orders.css';

export const printShortcut = 'Alt+P';

type ReceiptPreviewProps = {
  title: ReactNode;
  html: string;
  width: ReceiptWidth;
  testId: string;
  /** Overlays already open beneath this dialog, so its keys act only while it is on top. */
  depth: number;
  printing?: boolean;
  onPrint?(): void;
  onClose(): void;
  children?: ReactNode;
};

export function ReceiptPreview({
  title,
  html,
  width,
  testId,
  depth,
  printing,
  onPrint,
  onClose,
  children,
}: ReceiptPreviewProps) {
  const { t } = useTranslation();
  useKeyActions(onPrint ? { [printShortcut]: onPrint } : {}, depth + 1);
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      width={width === '58' ? 420 : 500}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('common.close')} <kbd>Esc</kbd>
        </Button>,
        onPrint ? (
          <Button key="print" type="primary" icon={<PrinterOutlined />} loading={printing} onClick={onPrint}>
            {t('orders.print')} <kbd>{printShortcut}</kbd>
          </Button>
        ) : null,
      ]}
    >
      {children}
      <PaperPreview html={html} width={width} testId={testId} />
    </Modal>
  );
}
