import { Alert, Button, Input, type InputRef, Modal, Segmented, Space } from 'antd';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toDecimalString } from '../../../shared/money';
import type { ManualDiscount } from '../../../shared/pricing/cart';
import { useStoreInfo } from '../../app/store-provider';
import { useCurrencySymbol } from '../../hooks/use-money';
import { useAmount } from './checkout-format';
import { parseDiscountValue } from './entry-parsing';
import './checkout-dialogs.css';

type DiscountDialogProps = {
  /** What is being discounted: a line's product name, or the whole order. */
  subject: string;
  current: ManualDiscount | null;
  onClose(): void;
  onApply(discount: ManualDiscount | null): void;
};

const presets = ['damaged', 'expiring', 'priceMatch', 'goodwill'] as const;
const kindKeys = { percent: 'F1', amount: 'F2' } as const;

/** A manual discount always carries its reason: reports show it and a manager may have to approve it. */
export function DiscountDialog({ subject, current, onClose, onApply }: DiscountDialogProps) {
  const { t } = useTranslation();
  const store = useStoreInfo();
  const symbol = useCurrencySymbol();
  const amount = useAmount();
  const exponent = store.currencyExponent;
  const [kind, setKind] = useState<ManualDiscount['kind']>(current?.kind ?? 'percent');
  const [text, setText] = useState(current ? valueText(current, exponent) : '');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [tried, setTried] = useState(false);
  const valueField = useRef<InputRef>(null);
  const reasonField = useRef<InputRef>(null);
  const value = parseDiscountValue(text, kind, exponent);
  const trimmed = reason.trim();
  const ready = value !== null && trimmed.length > 0;

  const apply = () => {
    setTried(true);
    if (value === null) valueField.current?.focus({ cursor: 'all' });
    else if (!trimmed) reasonField.current?.focus();
    if (value === null || !trimmed) return;
    onApply({ kind, value, reason: trimmed.slice(0, 120) });
  };
  // A preset hands the keyboard back to the field still to fill, so Enter applies or says why not.
  const pickReason = (preset: (typeof presets)[number]) => {
    setReason(t(`sale.discount.presets.${preset}`));
    (value === null ? valueField : reasonField).current?.focus({ cursor: 'end' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Enter on a preset or the kind switch applies too: it never does nothing.
    if (event.key === 'Enter' && !(event.target instanceof HTMLInputElement)) {
      const onFooter = (event.target as HTMLElement).closest?.('.ant-modal-footer');
      if (!onFooter) {
        event.preventDefault();
        apply();
        return;
      }
    }
    const picked = event.key === kindKeys.percent ? 'percent' : event.key === kindKeys.amount ? 'amount' : null;
    if (!picked) return;
    event.preventDefault();
    setKind(picked);
  };

  return (
    <Modal
      open
      title={t('sale.discount.title', { subject })}
      onCancel={onClose}
      destroyOnHidden
      wrapProps={{ onKeyDown }}
      footer={
        <Space>
          {current ? (
            <Button size="large" danger onClick={() => onApply(null)} data-testid="discount-remove">
              {t('sale.discount.remove')}
            </Button>
          ) : null}
          <Button size="large" onClick={onClose}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </Button>
          <Button size="large" type="primary" onClick={apply} data-testid="discount-apply">
            {t('sale.discount.apply')} <kbd>Enter</kbd>
          </Button>
        </Space>
      }
    >
      <div className="discount-form" data-testid="discount-dialog">
        <Segmented
          size="large"
          block
          value={kind}
          onChange={(next) => setKind(next as ManualDiscount['kind'])}
          options={[
            { value: 'percent', label: <KeyLabel text={t('sale.discount.percent')} shortcut={kindKeys.percent} /> },
            { value: 'amount', label: <KeyLabel text={t('sale.discount.amount')} shortcut={kindKeys.amount} /> },
          ]}
        />
        <Input
          ref={valueField}
          size="large"
          autoFocus
          value={text}
          onChange={(event) => setText(event.target.value)}
          onPressEnter={apply}
          prefix={kind === 'amount' ? symbol : undefined}
          suffix={kind === 'percent' ? '%' : undefined}
          inputMode="decimal"
          status={tried && value === null ? 'error' : undefined}
          aria-label={t('sale.discount.value')}
          placeholder={
            kind === 'percent' ? t('sale.discount.percentPlaceholder') : t('sale.discount.amountPlaceholder')
          }
          data-testid="discount-value"
        />
        <Space wrap>
          {presets.map((preset) => (
            <Button key={preset} onClick={() => pickReason(preset)}>
              {t(`sale.discount.presets.${preset}`)}
            </Button>
          ))}
        </Space>
        <Input
          ref={reasonField}
          size="large"
          value={reason}
          maxLength={120}
          onChange={(event) => setReason(event.target.value)}
          onPressEnter={apply}
          status={tried && !trimmed ? 'error' : undefined}
          aria-label={t('sale.discount.reason')}
          placeholder={t('sale.discount.reasonPlaceholder')}
          data-testid="discount-reason"
        />
        {tried && !ready ? (
          <Alert
            type="error"
            showIcon
            title={
              value !== null
                ? t('sale.discount.needReason')
                : text.trim()
                  ? t('sale.discount.badValue')
                  : t(`sale.discount.emptyValue.${kind}`)
            }
            data-testid="discount-refusal"
          />
        ) : null}
        <div className="dialog-note">
          {t('sale.discount.limit', {
            percent: store.settings.discountApprovalPercentBp / 100,
            amount: amount(store.settings.discountApprovalAmount),
          })}
        </div>
      </div>
    </Modal>
  );
}

function valueText(discount: ManualDiscount, exponent: number): string {
  return toDecimalString(
    discount.value as Parameters<typeof toDecimalString>[0],
    discount.kind === 'percent' ? 2 : exponent,
  );
}

export function KeyLabel({ text, shortcut }: { text: string; shortcut: string }) {
  return (
    <span>
      {text} <kbd>{shortcut}</kbd>
    </span>
  );
}
