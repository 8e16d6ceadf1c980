import { Alert, Button, Input, type InputRef, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAmount } from '../../../shared/money';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { useCurrencySymbol } from '../../hooks/use-money';
import { useOpenFocus } from '../../hooks/use-open-focus';
import { useOpenShift } from '../../hooks/use-open-shift';
import './checkout-dialogs.css';

type OpenShiftDialogProps = { onClose(): void; onOpened(): void };

/** Right at the till, so a sale waiting at the counter is not lost to a trip to the shift screen. */
export function OpenShiftDialog({ onClose, onOpened }: OpenShiftDialogProps) {
  const { t } = useTranslation();
  const store = useStoreInfo();
  const symbol = useCurrencySymbol();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const float = parseAmount(text.trim() || '0', store.currencyExponent);
  const valid = float !== null;
  const open = useOpenShift(onOpened);
  const focusFloat = useOpenFocus<InputRef>();

  const submit = () => {
    setTried(true);
    if (valid && !open.isPending) open.mutate({ float });
  };

  return (
    <Modal
      open
      title={t('sale.shift.openTitle')}
      onCancel={open.isPending ? undefined : onClose}
      destroyOnHidden
      afterOpenChange={focusFloat.afterOpenChange}
      // Whoever opened it says where the cursor goes next (the payment: back to the amount).
      focusable={{ focusTriggerAfterClose: false }}
      width={440}
      footer={
        <Space>
          <Button size="large" onClick={onClose} disabled={open.isPending}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </Button>
          <Button
            size="large"
            type="primary"
            onClick={submit}
            loading={open.isPending}
            data-testid="open-shift-confirm"
          >
            {t('sale.shift.open')} <kbd>Enter</kbd>
          </Button>
        </Space>
      }
    >
      <p>{t('sale.shift.explain')}</p>
      <Input
        ref={focusFloat.ref}
        size="large"
        autoFocus
        prefix={symbol}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onPressEnter={submit}
        inputMode="decimal"
        placeholder="0.00"
        status={tried && !valid ? 'error' : undefined}
        aria-label={t('sale.shift.float')}
        data-testid="open-shift-float"
      />
      {tried && !valid ? (
        <Alert className="dialog-alert" type="error" showIcon title={t('sale.shift.badFloat')} />
      ) : null}
      {open.error ? <Alert className="dialog-alert" type="error" showIcon title={errorText(open.error)} /> : null}
    </Modal>
  );
}
