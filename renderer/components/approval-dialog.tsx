import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Empty, Modal, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/client';
import type { Approval } from '../../shared/contract';
import { useSession } from '../api/session-store';
import { useApiQuery } from '../api/use-api';
import { useErrorText } from '../app/use-error-text';
import { PinPad } from './pin-pad';
import { StaffTile } from './staff-tile';
import './components.css';

/** Refusals that concern the approver's PIN: the dialog stays open for another try. */
const retryable = new Set([
  'approval_invalid',
  'self_approval',
  'wrong_pin',
  'locked_out',
  'staff_inactive',
  'not_found',
]);

type ApprovalDialogProps = {
  /** The core's own words for what needs approving. */
  reason: string;
  attempt(approval: Approval): Promise<unknown>;
  onDone(result: unknown): void;
  onFailed(error: unknown): void;
  onCancel(): void;
};

export function ApprovalDialog({ reason, attempt, onDone, onFailed, onCancel }: ApprovalDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const session = useSession();
  const options = useApiQuery('staff.signInOptions', {});
  const approvers = useMemo(
    () => (options.data?.staff ?? []).filter((s) => s.role !== 'cashier' && s.id !== session?.staff.id),
    [options.data, session?.staff.id],
  );
  const [approverId, setApproverId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The dialog moves focus to itself once it has opened; the PIN pad takes it back then.
  const [shown, setShown] = useState(false);

  useEffect(() => {
    if (approverId === null && approvers.length === 1) setApproverId(approvers[0].id);
  }, [approverId, approvers]);

  const submit = async (entered: string) => {
    if (!approverId) {
      setError(t('approval.pickApprover'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await attempt({ staffId: approverId, pin: entered });
      onDone(result);
    } catch (failure) {
      if (failure instanceof ApiError && retryable.has(failure.code)) {
        setError(failure.message);
        setPin('');
      } else {
        onFailed(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={
        <span className="dialog-title">
          <SafetyCertificateOutlined /> {t('approval.title')}
        </span>
      }
      onCancel={onCancel}
      footer={null}
      width={560}
      mask={{ closable: false }}
      destroyOnHidden
      afterOpenChange={setShown}
      // Above any drawer or dialog the approval was asked from, wherever in the page that was.
      zIndex={2000}
      data-testid="approval-dialog"
    >
      <Alert type="warning" showIcon title={reason} className="approval-reason" />
      {options.isPending ? (
        <Spin />
      ) : options.error ? (
        <Alert type="error" showIcon title={errorText(options.error)} />
      ) : approvers.length === 0 ? (
        <Empty description={t('approval.noApprovers')} />
      ) : (
        <div className="approval-body">
          <div className="approval-approvers">
            <div className="section-label">{t('approval.who')}</div>
            {approvers.map((approver) => (
              <StaffTile
                key={approver.id}
                staff={approver}
                compact
                selected={approver.id === approverId}
                onPick={() => {
                  setApproverId(approver.id);
                  setError(null);
                }}
              />
            ))}
          </div>
          <PinPad
            value={pin}
            onChange={setPin}
            onSubmit={submit}
            busy={busy}
            error={error}
            focusKey={`${approverId}:${shown}`}
            testId="approval-pin-pad"
          />
        </div>
      )}
    </Modal>
  );
}
