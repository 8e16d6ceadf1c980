import { Alert, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './checkout-dialogs.css';

type ParkDialogProps = {
  busy: boolean;
  error: string | null;
  onClose(): void;
  onPark(label: string): void;
};

/** Puts the sale aside for a customer who stepped away; a label helps find it again in the list. */
export function ParkDialog({ busy, error, onClose, onPark }: ParkDialogProps) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const park = () => {
    if (!busy) onPark(label.trim());
  };
  return (
    <Modal
      open
      title={t('sale.park.title')}
      onCancel={busy ? undefined : onClose}
      destroyOnHidden
      width={460}
      footer={
        <Space>
          <Button size="large" onClick={onClose} disabled={busy}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </Button>
          <Button size="large" type="primary" onClick={park} loading={busy} data-testid="park-confirm">
            {t('sale.park.confirm')} <kbd>Enter</kbd>
          </Button>
        </Space>
      }
    >
      <p>{t('sale.park.explain')}</p>
      <Input
        size="large"
        autoFocus
        value={label}
        maxLength={40}
        onChange={(event) => setLabel(event.target.value)}
        onPressEnter={park}
        placeholder={t('sale.park.labelPlaceholder')}
        aria-label={t('sale.park.label')}
        data-testid="park-label"
      />
      {error ? <Alert className="dialog-alert" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
