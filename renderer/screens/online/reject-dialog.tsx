import { CloseCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Input, type InputRef, Modal, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnlineOrder } from '../../../shared/contract/online-orders';
import { useErrorText } from '../../app/use-error-text';
import { useKeyActions } from '../../hooks/use-key-actions';
import './online.css';

export const rejectShortcut = 'Alt+R';
const submitShortcut = 'Ctrl+Enter';
const presets = ['soldOut', 'busy', 'closing', 'outOfRange'] as const;

type RejectDialogProps = {
  order: OnlineOrder;
  rejecting: boolean;
  error: Error | null;
  onReject(reason: string): void;
  onClose(): void;
};

/** The platform tells the customer why; a preset is one key away, anything else can be typed. */
export function RejectDialog({ order, rejecting, error, onReject, onClose }: RejectDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const field = useRef<InputRef>(null);
  // A preset fills the field and hands the keyboard back to it, so Enter then rejects.
  const choose = (preset: (typeof presets)[number]) => {
    setReason(t(`online.rejectReasons.${preset}`));
    field.current?.focus({ cursor: 'end' });
  };
  const trimmed = reason.trim();
  const submit = () => {
    if (rejecting) return;
    if (!trimmed) {
      setTried(true);
      field.current?.focus();
      return;
    }
    onReject(trimmed);
  };
  const missing = tried && !trimmed;
  const presetKeys = Object.fromEntries(presets.map((preset, index) => [`Alt+${index + 1}`, () => choose(preset)]));
  useKeyActions({ ...presetKeys, [submitShortcut]: submit }, 1);

  return (
    <Modal
      open
      title={
        <span className="dialog-title">
          <CloseCircleOutlined /> {t('online.rejectTitle', { code: order.pickupCode })}
        </span>
      }
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" size="large" onClick={onClose}>
          {t('common.cancel')} <kbd>Esc</kbd>
        </Button>,
        <Button
          key="ok"
          size="large"
          danger
          type="primary"
          loading={rejecting}
          onClick={submit}
          data-testid="reject-submit"
        >
          {t('online.reject')} <kbd>Enter</kbd>
        </Button>,
      ]}
    >
      <div data-testid="reject-dialog">
        {error ? <Alert type="error" showIcon title={errorText(error)} className="form-error" /> : null}
        <p className="muted">{t('online.rejectExplain', { customer: order.customerName })}</p>
        <Space wrap className="reason-presets">
          {presets.map((preset, index) => (
            <Button key={preset} onClick={() => choose(preset)}>
              {t(`online.rejectReasons.${preset}`)} <kbd>Alt+{index + 1}</kbd>
            </Button>
          ))}
        </Space>
        <Input
          ref={field}
          size="large"
          autoFocus
          value={reason}
          maxLength={200}
          placeholder={t('online.rejectPlaceholder')}
          aria-label={t('online.rejectReason')}
          onChange={(event) => setReason(event.target.value)}
          onPressEnter={submit}
          status={missing ? 'error' : undefined}
          data-testid="reject-reason"
        />
        {missing ? (
          <Typography.Text type="danger" role="alert" data-testid="reject-reason-missing">
            {t('online.rejectNeedReason')}
          </Typography.Text>
        ) : null}
      </div>
    </Modal>
  );
}
