import { LoginOutlined, LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../shared/ids';
import { breach } from '../../../shared/limits';
import { asMoney } from '../../../shared/money';
import { invalidateMethods } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { ApprovalCancelled } from '../../components/approval-provider';
import { useApprovedCall } from '../../hooks/use-approved-call';
import { useKeyActions } from '../../hooks/use-key-actions';
import { useMoney } from '../../hooks/use-money';
import { usePermission } from '../../hooks/use-permission';
import { MoneyInput, useParseMoney } from './money-input';
import './shift.css';

const submitShortcut = 'Ctrl+Enter';
const presets = {
  in: ['change', 'topUp'],
  out: ['bank', 'supplier', 'excess'],
} as const;

type CashMovementDialogProps = { kind: 'in' | 'out'; onClose(): void };

/** Cash put into or taken out of the drawer mid-shift; both move the cash the close expects. */
export function CashMovementDialog({ kind, onClose }: CashMovementDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const money = useMoney();
  const errorText = useErrorText();
  const approvedCall = useApprovedCall();
  const queryClient = useQueryClient();
  const parseMoney = useParseMoney();
  const { settings } = useStoreInfo();
  const largeCashIn = usePermission('cash.inAboveLimit') === 'needs_approval';
  // Made once per dialog, so a retry after a lost answer records the movement once.
  const [id] = useState(() => uuidv7());
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const amount = parseMoney(text);
  const over = amount === null ? null : breach(settings, kind === 'in' ? 'cashIn' : 'cashOut', amount);
  const valid = amount !== null && amount > 0 && over === null;
  const needsManager =
    usePermission(kind === 'out' ? 'cash.out' : 'sell') === 'needs_approval' ||
    (kind === 'in' && largeCashIn && amount !== null && amount > settings.cashInApprovalAmount);
  const move = useMutation({
    mutationFn: () => {
      const input = { id, amount: amount ?? 0, reason: reason.trim() };
      const summary = t('approval.cashSummary', { amount: money(asMoney(input.amount)), reason: input.reason });
      return kind === 'in'
        ? approvedCall('shift.cashIn', input, summary)
        : approvedCall('shift.cashOut', input, summary);
    },
    onSuccess: () => {
      void invalidateMethods(queryClient, ['shift.', 'reports.']);
      message.success(
        t(kind === 'in' ? 'shift.cashInDone' : 'shift.cashOutDone', { amount: money(asMoney(amount ?? 0)) }),
      );
      onClose();
    },
  });
  const submit = () => {
    setTouched(true);
    if (valid && reason.trim() && !move.isPending) move.mutate();
  };

  useKeyActions({ [submitShortcut]: submit }, 2);

  const failed = move.error && !(move.error instanceof ApprovalCancelled) ? move.error : null;
  const title = kind === 'in' ? t('shift.cashIn') : t('shift.cashOut');
  return (
    <Modal
      open
      title={
        <span className="dialog-title">
          {kind === 'in' ? <LoginOutlined /> : <LogoutOutlined />} {title}
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
          type="primary"
          icon={needsManager ? <SafetyCertificateOutlined /> : null}
          disabled={!valid || !reason.trim()}
          loading={move.isPending}
          onClick={submit}
          data-testid="cash-submit"
        >
          {title} <kbd>{submitShortcut}</kbd>
        </Button>,
      ]}
    >
      <div data-testid="cash-dialog">
        {failed ? <Alert type="error" showIcon title={errorText(failed)} className="form-error" /> : null}
        {needsManager ? (
          <Alert
            type="info"
            showIcon
            title={
              kind === 'in'
                ? t('limits.cashInNeedsManager', { max: money(asMoney(settings.cashInApprovalAmount)) })
                : t('shift.needsManager')
            }
            className="screen-note"
            data-testid="cash-needs-manager"
          />
        ) : null}
        <label className="field-label" htmlFor="cash-amount">
          {t('shift.amount')}
        </label>
        <MoneyInput
          id="cash-amount"
          size="large"
          autoFocus
          value={text}
          status={touched && !valid ? 'error' : undefined}
          onChange={(event) => setText(event.target.value)}
          onPressEnter={submit}
          data-testid="cash-amount"
        />
        {over ? (
          <div className="field-error" data-testid="cash-over-limit">
            {t('limits.overLimit', { max: money(asMoney(over.max)) })}
          </div>
        ) : touched && !valid ? (
          <div className="field-error">{t('shift.amountInvalid')}</div>
        ) : null}
        <label className="field-label" htmlFor="cash-reason">
          {t('shift.reason')}
        </label>
        <Space wrap className="reason-presets">
          {presets[kind].map((preset) => (
            <Button key={preset} size="small" onClick={() => setReason(t(`shift.presets.${preset}`))}>
              {t(`shift.presets.${preset}`)}
            </Button>
          ))}
        </Space>
        <Input
          id="cash-reason"
          size="large"
          value={reason}
          maxLength={200}
          placeholder={t('shift.reasonPlaceholder')}
          onChange={(event) => setReason(event.target.value)}
          onPressEnter={submit}
          data-testid="cash-reason"
        />
      </div>
    </Modal>
  );
}
