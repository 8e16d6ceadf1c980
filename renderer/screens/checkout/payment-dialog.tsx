import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, type InputRef, Modal, Space } from 'antd';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TenderInput } from '../../../shared/contract/orders';
import { errorMessage } from '../../../shared/errors';
import { settleTenders } from '../../../shared/payment/settle-tenders';
import { useStoreInfo } from '../../app/store-provider';
import { useOpenFocus } from '../../hooks/use-open-focus';
import { useLocale } from '../../i18n/use-locale';
import { useAmount } from './checkout-format';
import { paymentKeys } from './checkout-keys';
import { OpenShiftDialog } from './open-shift-dialog';
import {
  amountText,
  cashSuggestions,
  defaultAmount,
  type PayRefusal,
  payRefusal,
  previewTender,
  readDraft,
  stillDue,
  type TenderDraft,
  type TenderMethod,
} from './payment-model';
import { PointsTender } from './points-tender';
import { SettlementView } from './settlement-view';
import { TenderEntry } from './tender-entry';
import type { usePayment } from './use-payment';
import './checkout-dialogs.css';

type PaymentDialogProps = {
  total: number;
  /** The sale's member: with one, and the store taking points, points can pay part of it. */
  memberId: string | null;
  needsApproval: boolean;
  payment: ReturnType<typeof usePayment>;
  onClose(): void;
  onRefreshPrices(): void;
};

/** Takes the money: one tender or several, previewed with the same settlement the core applies. */
export function PaymentDialog({
  total,
  memberId,
  needsApproval,
  payment,
  onClose,
  onRefreshPrices,
}: PaymentDialogProps) {
  const { t } = useTranslation();
  const store = useStoreInfo();
  const rule = store.settings.cashRounding;
  const exponent = store.currencyExponent;
  const [taken, setTaken] = useState<TenderInput[]>([]);
  const [draft, setDraft] = useState<TenderDraft>(() => freshDraft('cash', total));
  const [showProblem, setShowProblem] = useState(false);
  const [refusal, setRefusal] = useState<PayRefusal | null>(null);
  const { locale } = useLocale();
  const amount = useAmount();
  const [openingShift, setOpeningShift] = useState(false);
  const { ref: amountRef, afterOpenChange: focusAmount } = useOpenFocus<InputRef>();
  const referenceRef = useRef<InputRef>(null);
  const read = readDraft(draft, exponent);
  const tenders = read.tender ? [...taken, read.tender] : taken;
  const preview = previewTender(draft, exponent);
  const settlement = settleTenders(total, preview ? [...taken, preview] : taken, rule);
  const busy = payment.pending;
  const due = stillDue(total, taken);

  function freshDraft(method: TenderMethod, owed: number): TenderDraft {
    return { method, text: amountText(defaultAmount(method, owed, rule), exponent), reference: '' };
  }

  const focusLater = (which: 'amount' | 'reference') =>
    setTimeout(() => (which === 'amount' ? amountRef : referenceRef).current?.focus(), 0);

  const choose = (method: TenderMethod) => {
    if (busy) return;
    setDraft(freshDraft(method, due));
    setShowProblem(false);
    setRefusal(null);
    focusLater(method === 'cash' ? 'amount' : 'reference');
  };

  /** Keeps what was typed and starts another tender for the rest. */
  const split = () => {
    if (busy) return;
    if (read.problem || !read.tender) {
      setShowProblem(true);
      setRefusal({ code: read.problem ?? 'empty' });
      focusLater(read.problem === 'reference' ? 'reference' : 'amount');
      return;
    }
    const next = [...taken, read.tender];
    const method: TenderMethod = draft.method === 'cash' ? 'card' : 'cash';
    setTaken(next);
    setDraft(freshDraft(method, stillDue(total, next)));
    setShowProblem(false);
    focusLater(method === 'cash' ? 'amount' : 'reference');
  };

  const quickAmounts = draft.method === 'cash' ? cashSuggestions(defaultAmount('cash', due, rule), exponent) : [];
  const quick = (amount: number) => {
    setDraft((current) => ({ ...current, text: amountText(amount, exponent) }));
    focusLater('amount');
  };

  const confirm = () => {
    if (busy) return;
    const refused = payRefusal(draft, taken, total, rule, exponent, store.settings);
    if (refused) {
      setShowProblem(true);
      setRefusal(refused);
      focusLater(refused.code === 'reference' ? 'reference' : 'amount');
      return;
    }
    payment.commit(tenders);
  };
  const refusalText = (refused: PayRefusal): string => {
    switch (refused.code) {
      case 'amount':
      case 'reference':
      case 'empty':
        return t(`sale.pay.problems.${refused.code}`);
      case 'tender_short':
        return errorMessage('tender_short', { due: amount(refused.due), paid: amount(refused.paid) }, locale);
      case 'tender_over':
        return errorMessage('tender_over', { due: amount(refused.due), noncash: amount(refused.noncash) }, locale);
      case 'tender_limit':
        return t('limits.overLimit', { max: amount(refused.max) });
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const action = keyActions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  const keyActions: Record<string, () => void> = {
    [paymentKeys.cash]: () => choose('cash'),
    [paymentKeys.card]: () => choose('card'),
    [paymentKeys.wallet]: () => choose('wallet'),
    [paymentKeys.split]: split,
    [paymentKeys.confirmAlso]: confirm,
    ...Object.fromEntries(
      quickAmounts.map((amount, index) => [paymentKeys.quick[index], () => quick(amount)] as const),
    ),
  };

  const problem = payment.problem;
  return (
    <Modal
      open
      title={t('sale.pay.title')}
      onCancel={busy ? undefined : onClose}
      keyboard={!busy}
      mask={{ closable: false }}
      width={880}
      destroyOnHidden
      wrapProps={{ onKeyDown }}
      afterOpenChange={focusAmount}
      footer={
        <Space>
          <Button size="large" onClick={onClose} disabled={busy}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </Button>
          <Button
            size="large"
            type="primary"
            className="payment-confirm"
            loading={busy}
            onClick={confirm}
            data-testid="payment-confirm"
          >
            {t('sale.pay.confirm')} <kbd>Enter</kbd>
            <kbd>{paymentKeys.confirmAlso}</kbd>
          </Button>
        </Space>
      }
    >
      <div className="payment-body" data-testid="payment-dialog">
        <div className="payment-entry">
          <TenderEntry
            draft={draft}
            problem={showProblem && refusal ? (refusal.code === 'reference' ? 'reference' : 'amount') : null}
            quick={quickAmounts}
            amountRef={amountRef}
            referenceRef={referenceRef}
            disabled={busy}
            onMethod={choose}
            onChange={(change) => {
              // From the state as it is, not as last rendered: the amount and then the reference
              // typed in quick succession once wrote back the amount from before (CI e2e).
              setDraft((current) => ({ ...current, ...change }));
              setShowProblem(false);
              setRefusal(null);
            }}
            onQuick={quick}
            onEnter={confirm}
          />
          <Button size="large" icon={<PlusOutlined />} disabled={busy} onClick={split} data-testid="tender-split">
            {t('sale.pay.split')} <kbd>{paymentKeys.split}</kbd>
          </Button>
          <PointsTender
            memberId={memberId}
            due={due}
            taken={taken}
            disabled={busy}
            onTake={(points) => {
              const next = [points, ...taken];
              setTaken(next);
              setDraft(freshDraft(draft.method, stillDue(total, next)));
              // A refusal at Pay was about the tenders as they were.
              payment.clear();
            }}
          />
        </div>
        <SettlementView
          total={total}
          taken={taken}
          settlement={settlement}
          disabled={busy}
          onRemove={(index) => {
            setTaken(taken.filter((_, i) => i !== index));
            payment.clear();
          }}
        />
      </div>
      {needsApproval ? (
        <Alert
          className="dialog-alert"
          type="warning"
          showIcon
          icon={<SafetyCertificateOutlined />}
          title={t('sale.pay.needsApproval')}
        />
      ) : null}
      {showProblem && refusal ? (
        <Alert
          className="dialog-alert"
          type="error"
          showIcon
          title={refusalText(refusal)}
          data-testid="payment-refusal"
        />
      ) : null}
      {problem ? (
        <Alert
          className="dialog-alert"
          type="error"
          showIcon
          title={problem.text}
          data-testid="payment-error"
          action={
            problem.code === 'no_open_shift' ? (
              <Button type="primary" autoFocus onClick={() => setOpeningShift(true)} data-testid="open-shift-button">
                {t('sale.shift.open')}
              </Button>
            ) : problem.code === 'price_changed' ? (
              <Button onClick={onRefreshPrices} data-testid="refresh-prices">
                {t('sale.pay.refreshPrices')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {openingShift ? (
        <OpenShiftDialog
          onClose={() => setOpeningShift(false)}
          onOpened={() => {
            setOpeningShift(false);
            payment.clear();
            focusLater('amount');
          }}
        />
      ) : null}
    </Modal>
  );
}
