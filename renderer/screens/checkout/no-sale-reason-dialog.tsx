import { Button, Input, Modal, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './checkout.css';

type NoSaleReasonDialogProps = { open: boolean; onClose(): void; onConfirmed(reason: string): void };

const presets = ['change', 'check', 'correction'] as const;

/**
 * Opening the drawer without a sale is audited; the reason is what a manager reads later. The
 * reason is handed on only once this dialog has fully closed, so an approval dialog that may follow
 * gets the keyboard to itself.
 */
export function NoSaleReasonDialog({ open, onClose, onConfirmed }: NoSaleReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const chosen = useRef<string | null>(null);
  const trimmed = reason.trim();

  const confirm = () => {
    if (!trimmed) return;
    chosen.current = trimmed;
    setReason('');
    onClose();
  };

  const handOn = () => {
    const picked = chosen.current;
    chosen.current = null;
    if (picked) onConfirmed(picked);
  };

  return (
    <Modal
      open={open}
      title={t('noSale.title')}
      onCancel={onClose}
      onOk={confirm}
      afterClose={handOn}
      okText={t('noSale.open')}
      okButtonProps={{ disabled: !trimmed, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      destroyOnHidden
    >
      <p>{t('noSale.explain')}</p>
      <Space wrap className="reason-presets">
        {presets.map((preset) => (
          <Button key={preset} onClick={() => setReason(t(`noSale.presets.${preset}`))}>
            {t(`noSale.presets.${preset}`)}
          </Button>
        ))}
      </Space>
      <Input
        size="large"
        autoFocus
        value={reason}
        maxLength={200}
        placeholder={t('noSale.reasonPlaceholder')}
        onChange={(event) => setReason(event.target.value)}
        onPressEnter={confirm}
        aria-label={t('noSale.reason')}
        data-testid="no-sale-reason"
      />
    </Modal>
  );
}
