import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EnterSubmits } from '../components/enter-submits';
import { manualVoucherCode } from './voucher-entry-text';

type ManualCodeModalProps = { onCode(code: string): void; onClose(): void };

/** Typing the voucher id printed under the QR (or pasting the whole code) when nothing can scan it. */
export function ManualCodeModal({ onCode, onClose }: ManualCodeModalProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = () => {
    const code = manualVoucherCode(text);
    if (code) onCode(code);
    else setEmpty(true);
  };
  return (
    <Modal
      open
      title={t('voucher.manual.title')}
      onCancel={onClose}
      destroyOnHidden
      width={520}
      footer={
        <>
          <Button size="large" onClick={onClose}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </Button>
          <Button size="large" type="primary" onClick={submit} data-testid="voucher-manual-submit">
            {t('voucher.manual.check')} <kbd>Enter</kbd>
          </Button>
        </>
      }
    >
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label={t('voucher.manual.label')} extra={t('voucher.manual.help')}>
          <Input
            size="large"
            autoFocus
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setEmpty(false);
            }}
            autoComplete="off"
            spellCheck={false}
            maxLength={1000}
            placeholder={t('voucher.manual.placeholder')}
            data-testid="voucher-manual-input"
          />
        </Form.Item>
        {empty ? <Alert type="warning" showIcon title={t('voucher.manual.empty')} /> : null}
        <EnterSubmits />
      </Form>
    </Modal>
  );
}
