import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Empty, Input, Modal, Space, Spin } from 'antd';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParkedCart } from '../../../shared/contract/carts';
import { useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { ApprovalCancelled } from '../../components/approval-provider';
import { useApprovedCall } from '../../hooks/use-approved-call';
import { useAmount } from './checkout-format';
import './checkout-dialogs.css';
import { useStoreTime } from '../orders/order-labels';

type ParkedDialogProps = {
  /** Whether a sale is on screen: resuming then parks it first. */
  swapping: boolean;
  busy: boolean;
  error: string | null;
  onClose(): void;
  onResume(id: ParkedCart['id']): void;
};

/** Parked sales, oldest first; ↑↓ pick one, Enter brings it back, Del voids it. */
export function ParkedDialog({ swapping, busy, error, onClose, onResume }: ParkedDialogProps) {
  const { t } = useTranslation();
  const amount = useAmount();
  const errorText = useErrorText();
  const approvedCall = useApprovedCall();
  const list = useApiQuery('carts.list', {});
  const carts = list.data?.carts ?? [];
  const [index, setIndex] = useState(0);
  const [voiding, setVoiding] = useState<ParkedCart | null>(null);
  const [reason, setReason] = useState('');
  const selected = carts[Math.min(index, carts.length - 1)] ?? null;
  const voidCart = useMutation({
    mutationFn: (input: { id: ParkedCart['id']; reason: string }) => approvedCall('carts.void', input),
    onSuccess: () => {
      setVoiding(null);
      setReason('');
      void list.refetch();
    },
  });
  const voidError = voidCart.error && !(voidCart.error instanceof ApprovalCancelled) ? errorText(voidCart.error) : null;
  const { dateTime } = useStoreTime();

  const onKeyDown = (event: KeyboardEvent) => {
    if (voiding || busy) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setIndex((current) => Math.min(carts.length - 1, Math.max(0, current + step)));
    } else if (event.key === 'Enter' && selected) {
      event.preventDefault();
      onResume(selected.id);
    } else if (event.key === 'Delete' && selected) {
      event.preventDefault();
      setVoiding(selected);
    }
  };

  const confirmVoid = () => {
    if (voiding && reason.trim() && !voidCart.isPending) voidCart.mutate({ id: voiding.id, reason: reason.trim() });
  };

  return (
    <Modal
      open
      title={t('sale.parked.title')}
      onCancel={busy ? undefined : onClose}
      footer={null}
      width={640}
      destroyOnHidden
      wrapProps={{ onKeyDown }}
    >
      <div className="parked-body" data-testid="parked-dialog">
        {swapping ? <Alert type="info" showIcon title={t('sale.parked.swapping')} /> : null}
        {list.isPending ? (
          <Spin />
        ) : list.error ? (
          <Alert type="error" showIcon title={errorText(list.error)} />
        ) : carts.length === 0 ? (
          <Empty description={t('sale.parked.empty')} />
        ) : (
          <ul className="parked-list">
            {carts.map((cart) => (
              <li key={cart.id}>
                <button
                  type="button"
                  className={`parked-row${cart.id === selected?.id ? ' selected' : ''}`}
                  onClick={() => setIndex(carts.indexOf(cart))}
                  onDoubleClick={() => onResume(cart.id)}
                  data-testid="parked-row"
                >
                  <span className="parked-label">{cart.label || t('sale.parked.noLabel')}</span>
                  <span className="parked-meta">
                    {t('sale.parked.meta', {
                      lines: cart.lineCount,
                      name: cart.parkedByName,
                      at: dateTime(cart.parkedAt),
                    })}
                  </span>
                  <span className="parked-total">{amount(cart.total)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {voiding ? (
          <div className="parked-void" data-testid="parked-void">
            <div>{t('sale.parked.voidExplain', { label: voiding.label || t('sale.parked.noLabel') })}</div>
            <Input
              size="large"
              autoFocus
              value={reason}
              maxLength={200}
              onChange={(event) => setReason(event.target.value)}
              onPressEnter={confirmVoid}
              placeholder={t('sale.parked.voidReason')}
              aria-label={t('sale.parked.voidReason')}
              data-testid="parked-void-reason"
            />
            <Space>
              <Button onClick={() => setVoiding(null)}>{t('common.cancel')}</Button>
              <Button
                danger
                type="primary"
                disabled={!reason.trim()}
                loading={voidCart.isPending}
                onClick={confirmVoid}
              >
                {t('sale.parked.voidConfirm')} <kbd>Enter</kbd>
              </Button>
            </Space>
          </div>
        ) : null}
        {voidError ? <Alert type="error" showIcon title={voidError} /> : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
        <div className="parked-footer">
          <Button size="large" onClick={onClose} disabled={busy}>
            {t('common.close')} <kbd>Esc</kbd>
          </Button>
          <Button
            size="large"
            danger
            disabled={!selected || busy || voiding !== null}
            onClick={() => selected && setVoiding(selected)}
            data-testid="parked-void-button"
          >
            {t('sale.parked.void')} <kbd>Del</kbd>
          </Button>
          <Button
            size="large"
            type="primary"
            disabled={!selected || voiding !== null}
            loading={busy}
            onClick={() => selected && onResume(selected.id)}
            data-testid="parked-resume"
          >
            {t('sale.parked.resume')} <kbd>Enter</kbd>
          </Button>
        </div>
      </div>
    </Modal>
  );
}
