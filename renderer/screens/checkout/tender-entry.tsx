import { CreditCardOutlined, GiftOutlined, MobileOutlined, WalletOutlined } from '@ant-design/icons';
import { Button, Input, type InputRef, Segmented } from 'antd';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrencySymbol } from '../../hooks/use-money';
import { useAmount } from './checkout-format';
import { paymentKeys } from './checkout-keys';
import { KeyLabel } from './discount-dialog';
import type { DraftProblem, TenderDraft, TenderMethod } from './payment-model';
import './checkout-dialogs.css';

type TenderEntryProps = {
  draft: TenderDraft;
  problem: DraftProblem;
  quick: number[];
  amountRef: RefObject<InputRef | null>;
  referenceRef: RefObject<InputRef | null>;
  disabled: boolean;
  onMethod(method: TenderMethod): void;
  /** Only the field typed in: two quick edits of two fields must not undo each other. */
  onChange(change: Pick<TenderDraft, 'text'> | Pick<TenderDraft, 'reference'>): void;
  onQuick(amount: number): void;
  onEnter(): void;
};

export const methodIcons = {
  cash: <WalletOutlined />,
  card: <CreditCardOutlined />,
  wallet: <MobileOutlined />,
  points: <GiftOutlined />,
} as const;

/** One tender being typed: how the customer pays and how much, plus the terminal's reference for cards and wallets. */
export function TenderEntry(props: TenderEntryProps) {
  const { draft, problem, quick, amountRef, referenceRef, disabled, onMethod, onChange, onQuick, onEnter } = props;
  const { t } = useTranslation();
  const symbol = useCurrencySymbol();
  const amount = useAmount();
  const cash = draft.method === 'cash';
  return (
    <div className="tender-entry">
      <Segmented
        size="large"
        block
        value={draft.method}
        disabled={disabled}
        onChange={(value) => onMethod(value as TenderMethod)}
        options={(['cash', 'card', 'wallet'] as const).map((method) => ({
          value: method,
          icon: methodIcons[method],
          label: <KeyLabel text={t(`sale.pay.methods.${method}`)} shortcut={paymentKeys[method]} />,
        }))}
        data-testid="tender-method"
      />
      <div className="tender-field">
        <span className="tender-field-label">{cash ? t('sale.pay.tendered') : t('sale.pay.amount')}</span>
        <Input
          ref={amountRef}
          autoFocus
          size="large"
          className="tender-amount"
          prefix={symbol}
          value={draft.text}
          disabled={disabled}
          inputMode="decimal"
          status={problem === 'amount' ? 'error' : undefined}
          onChange={(event) => onChange({ text: event.target.value })}
          onFocus={(event) => event.target.select()}
          onPressEnter={onEnter}
          aria-label={cash ? t('sale.pay.tendered') : t('sale.pay.amount')}
          data-testid="tender-amount"
        />
      </div>
      {cash ? (
        <div className="tender-quick">
          {quick.map((value, index) => (
            <Button
              key={value}
              size="large"
              disabled={disabled}
              onClick={() => onQuick(value)}
              data-testid={index === 0 ? 'tender-exact' : 'tender-quick'}
            >
              {index === 0 ? t('sale.pay.exact', { amount: amount(value) }) : amount(value)}
              <kbd>{paymentKeys.quick[index]}</kbd>
            </Button>
          ))}
        </div>
      ) : (
        <div className="tender-field">
          <span className="tender-field-label">{t('sale.pay.reference')}</span>
          <Input
            ref={referenceRef}
            size="large"
            value={draft.reference}
            disabled={disabled}
            maxLength={64}
            status={problem === 'reference' ? 'error' : undefined}
            placeholder={t('sale.pay.referencePlaceholder')}
            onChange={(event) => onChange({ reference: event.target.value })}
            onPressEnter={onEnter}
            aria-label={t('sale.pay.reference')}
            data-testid="tender-reference"
          />
        </div>
      )}
    </div>
  );
}
