import { RollbackOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, type InputRef, Modal, Radio, Result, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { OrderDetail } from '../../../shared/contract/orders';
import { uuidv7 } from '../../../shared/ids';
import { asMoney } from '../../../shared/money';
import { invalidateMethods } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { ApprovalCancelled } from '../../components/approval-provider';
import { useApprovedCall } from '../../hooks/use-approved-call';
import { useKeyActions } from '../../hooks/use-key-actions';
import { useMoney } from '../../hooks/use-money';
import { usePermission } from '../../hooks/use-permission';
import { MethodTags } from './order-labels';
import { RefundDiscounts } from './refund-discounts';
import { RefundLineTable } from './refund-line-table';
import {
  estimateTotal,
  pickAll,
  type RefundPick,
  type RefundRefusal,
  refundableLines,
  refundRefusal,
  toRefundInput,
} from './refund-lines';
import { RefundSlipButton } from './refund-slip-button';
import './orders.css';

const keys = { all: 'Alt+A', submit: 'Ctrl+Enter' } as const;
const reasonPresets = ['changedMind', 'damaged', 'wrongItem', 'priceError'] as const;

type Refunded = OutputOf<'orders.refund'>;
type RefundDialogProps = { order: OrderDetail; onClose(): void; onRefunded(result: Refunded): void };

/** Opened over the order drawer, so its keys live one layer up. */
export function RefundDialog({ order, onClose, onRefunded }: RefundDialogProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const errorText = useErrorText();
  const approvedCall = useApprovedCall();
  const queryClient = useQueryClient();
  const needsManager = usePermission('refund') === 'needs_approval';
  // One id per dialog: a retry after a lost answer is the same refund, never a second one.
  const [id] = useState(() => uuidv7());
  const [pick, setPick] = useState<RefundPick>({});
  const [to, setTo] = useState<'original' | 'cash'>('original');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reasonField = useRef<InputRef>(null);
  const lines = refundableLines(order.lines);
  const picked = toRefundInput(pick);
  const refusal = refundRefusal(lines, pick, reason);
  const refund = useMutation({
    mutationFn: () =>
      approvedCall(
        'orders.refund',
        { id, orderId: order.id, lines: picked, to, reason: reason.trim() },
        t('approval.refundSummary', {
          number: order.number,
          amount: money(asMoney(estimateTotal(order.lines, pick))),
          reason: reason.trim(),
        }),
      ),
    onSuccess: (result) => {
      void invalidateMethods(queryClient, ['orders.', 'reports.', 'shift.']);
      onRefunded(result);
    },
  });
  const submit = () => {
    if (refund.isPending || refund.isSuccess) return;
    setTried(true);
    if (refusal) {
      if (refusal.code === 'no_reason') reasonField.current?.focus();
      return;
    }
    refund.mutate();
  };
  // A wrong quantity is said on its line at once; the rest once Refund was pressed.
  const shown: RefundRefusal | null = refusal && (tried || refusal.code === 'too_many') ? refusal : null;

  useKeyActions({ [keys.all]: () => setPick(pickAll(order.lines)), [keys.submit]: submit }, 2, !refund.isSuccess);

  if (refund.data) {
    const done = refund.data.refund;
    return (
      <Modal
        open
        title={t('orders.refund.title', { number: order.number })}
        onCancel={onClose}
        footer={null}
        destroyOnHidden
      >
        <Result
          status="success"
          title={t('orders.refund.done', { number: done.number, amount: money(done.amount) })}
          subTitle={done.approverName ? t('orders.refund.approvedBy', { name: done.approverName }) : undefined}
          data-testid="refund-result"
          extra={
            <Space wrap>
              <RefundSlipButton orderId={order.id} refundId={done.id} />
              <Button type="primary" size="large" autoFocus onClick={onClose} data-testid="refund-done">
                {t('common.done')} <kbd>Enter</kbd>
              </Button>
            </Space>
          }
        >
          <RefundDiscounts refund={done} />
          <ul className="refund-tenders">
            {done.tenders.map((tender) => (
              <li key={tender.method}>
                <MethodTags methods={[tender.method]} /> <strong>{money(tender.amount)}</strong>
                {tender.method === 'cash' ? <span className="muted"> {t('orders.refund.handCash')}</span> : null}
                {tender.method === 'points' && done.points ? (
                  <span className="muted" data-testid="refund-points-back">
                    {' '}
                    {t('orders.refund.pointsGivenBack', { points: done.points.givenBack })}
                  </span>
                ) : null}
              </li>
            ))}
            {done.points && done.points.takenBack > 0 ? (
              <li className="muted" data-testid="refund-points-taken">
                {t('orders.refund.pointsTakenBack', { points: done.points.takenBack })}
              </li>
            ) : null}
          </ul>
        </Result>
      </Modal>
    );
  }

  const failed = refund.error && !(refund.error instanceof ApprovalCancelled) ? refund.error : null;
  return (
    <Modal
      open
      width={760}
      title={
        <span className="dialog-title">
          <RollbackOutlined /> {t('orders.refund.title', { number: order.number })}
        </span>
      }
      onCancel={onClose}
      destroyOnHidden
      style={{ top: 24 }}
      footer={
        <div className="dialog-footer">
          <span className="muted">{needsManager ? t('orders.refund.needsManager') : null}</span>
          <Button size="large" onClick={onClose}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </Button>
          <Button
            size="large"
            type="primary"
            danger
            icon={needsManager ? <SafetyCertificateOutlined /> : <RollbackOutlined />}
            loading={refund.isPending}
            onClick={submit}
            data-testid="refund-submit"
          >
            {t('orders.refund.submit', { amount: money(asMoney(estimateTotal(order.lines, pick))) })}
            <kbd>{keys.submit}</kbd>
          </Button>
        </div>
      }
    >
      <div data-testid="refund-dialog">
        {failed ? <Alert type="error" showIcon title={errorText(failed)} className="form-error" /> : null}
        <div className="refund-toolbar">
          <span className="section-label">{t('orders.refund.pickLines')}</span>
          <Button size="small" onClick={() => setPick(pickAll(order.lines))} data-testid="refund-all">
            {t('orders.refund.all')} <kbd>{keys.all}</kbd>
          </Button>
        </div>
        <RefundLineTable lines={lines} pick={pick} onChange={setPick} />
        {shown?.code === 'nothing' ? (
          <Typography.Text type="danger" role="alert" data-testid="refund-nothing">
            {t('orders.refund.nothingPicked')}
          </Typography.Text>
        ) : null}
        <div className="refund-section">
          <span className="section-label">{t('orders.refund.to')}</span>
          <Radio.Group value={to} onChange={(event) => setTo(event.target.value)} data-testid="refund-to">
            <Radio value="original">
              {t('orders.refund.toOriginal')} <MethodTags methods={order.methods} />
            </Radio>
            <Radio value="cash">{t('orders.refund.toCash')}</Radio>
          </Radio.Group>
        </div>
        <div className="refund-section">
          <span className="section-label">{t('orders.refund.reason')}</span>
          <Space wrap className="reason-presets">
            {reasonPresets.map((preset) => (
              <Button key={preset} size="small" onClick={() => setReason(t(`orders.refund.presets.${preset}`))}>
                {t(`orders.refund.presets.${preset}`)}
              </Button>
            ))}
          </Space>
          <Input
            ref={reasonField}
            size="large"
            value={reason}
            status={shown?.code === 'no_reason' ? 'error' : undefined}
            maxLength={200}
            placeholder={t('orders.refund.reasonPlaceholder')}
            aria-label={t('orders.refund.reason')}
            onChange={(event) => setReason(event.target.value)}
            onPressEnter={submit}
            data-testid="refund-reason"
          />
          {shown?.code === 'no_reason' ? (
            <Typography.Text type="danger" role="alert" data-testid="refund-reason-missing">
              {t('orders.refund.needReason')}
            </Typography.Text>
          ) : null}
        </div>
        <p className="muted refund-note">{t('orders.refund.estimateNote')}</p>
      </div>
    </Modal>
  );
}
