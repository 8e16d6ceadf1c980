import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Empty, Modal, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/client';
import type { Approval } from '../../shared/contract';
import { grantLifetimeMinutes } from '../../shared/contract/approvals';
import { api } from '../api/api-client';
import { useSession } from '../api/session-store';
import { useApiQuery } from '../api/use-api';
import { useErrorText } from '../app/use-error-text';
import type { ApprovalRequest } from './approval-provider';
import { PinPad } from './pin-pad';
import { StaffTile } from './staff-tile';
import './components.css';

/**
 * Refusals that concern the approval itself (the PIN, the approver, the grant): the dialog stays
 * open with the core's words, for another PIN or for Cancel.
 */
const retryable = new Set<string>([
  'approval_invalid',
  'approvals_paused',
  'self_approval',
  'wrong_pin',
  'locked_out',
  'staff_inactive',
  'not_found',
  'approval_grant_unknown',
  'approval_grant_used',
  'approval_grant_expired',
  'approval_grant_changed',
  'approval_grant_other_action',
]);

type ApprovalDialogProps = {
  /** The core's own words for what needs approving, and the exact call the PIN approves. */
  request: ApprovalRequest;
  attempt(approval: Approval): Promise<unknown>;
  onDone(result: unknown): void;
  onFailed(error: unknown): void;
  onCancel(): void;
};

export function ApprovalDialog({ request, attempt, onDone, onFailed, onCancel }: ApprovalDialogProps) {
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
      // The PIN buys a grant for this one call with this exact input; the call then carries it.
      const { grant } = await api.call('approvals.grant', {
        method: request.method,
        input: request.input,
        permission: request.permission,
        staffId: approverId,
        pin: entered,
      });
      onDone(await attempt({ grant }));
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
      <Alert
        type="warning"
        showIcon
        title={request.reason}
        description={
          <>
            {request.summary ? <div data-testid="approval-summary">{request.summary}</div> : null}
            <div className="approval-once">{t('approval.once', { minutes: grantLifetimeMinutes })}</div>
          </>
        }
        className="approval-reason"
        data-testid="approval-reason"
      />
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
