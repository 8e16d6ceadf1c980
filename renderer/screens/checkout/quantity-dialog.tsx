import { Alert, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quantity } from '../../../shared/pricing/cart';
import { mulDivRound } from '../../../shared/rounding';
import { useStoreInfo } from '../../app/store-provider';
import { useAmount } from './checkout-format';
import { parseQuantity } from './entry-parsing';
import './checkout-dialogs.css';

type QuantityDialogProps = {
  subject: string;
  /** Goods sold by weight take kilograms; everything else a count. */
  byWeight: boolean;
  /** Per item or per kg, to show what the line will cost. */
  unitPrice: number;
  current: Quantity | null;
  onClose(): void;
  onApply(quantity: Quantity): void;
};

function initialText(quantity: Quantity | null): string {
  if (quantity?.kind === 'count') return String(quantity.count);
  if (quantity?.kind === 'weight') return (quantity.grams / 1_000).toFixed(3);
  return '';
}

/** Typed quantities: a count, or the weight read off a scale that prints no label. */
export function QuantityDialog({ subject, byWeight, unitPrice, current, onClose, onApply }: QuantityDialogProps) {
  const { t, i18n } = useTranslation();
  const amount = useAmount();
  const [text, setText] = useState(initialText(current));
  const [tried, setTried] = useState(false);
  const { settings } = useStoreInfo();
  const quantity = parseQuantity(text, byWeight, settings);
  const preview =
    quantity === null
      ? null
      : quantity.kind === 'weight'
        ? mulDivRound(unitPrice, quantity.grams, 1_000)
        : quantity.kind === 'count'
          ? unitPrice * quantity.count
          : null;

  const apply = () => {
    setTried(true);
    if (quantity) onApply(quantity);
  };

  return (
    <Modal
      open
      title={byWeight ? t('sale.quantity.weightTitle', { subject }) : t('sale.quantity.countTitle', { subject })}
      onCancel={onClose}
      destroyOnHidden
      width={420}
      footer={
        <Space>
          <Button size="large" onClick={onClose}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </Button>
          <Button size="large" type="primary" onClick={apply} data-testid="quantity-apply">
            {t('sale.quantity.apply')} <kbd>Enter</kbd>
          </Button>
        </Space>
      }
    >
      <div className="quantity-form" data-testid="quantity-dialog">
        <Input
          size="large"
          autoFocus
          className="quantity-input"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onFocus={(event) => event.target.select()}
          onPressEnter={apply}
          inputMode="decimal"
          suffix={byWeight ? 'kg' : undefined}
          status={tried && !quantity ? 'error' : undefined}
          placeholder={byWeight ? '0.000' : '1'}
          aria-label={byWeight ? t('sale.quantity.weight') : t('sale.quantity.count')}
          data-testid="quantity-value"
        />
        <div className="quantity-preview">
          {preview !== null ? t('sale.quantity.preview', { amount: amount(preview) }) : '\u00a0'}
        </div>
        {tried && !quantity ? (
          <Alert
            type="error"
            showIcon
            title={
              byWeight
                ? t('sale.quantity.badWeight', {
                    max: new Intl.NumberFormat(i18n.language).format(settings.weightMaxGrams / 1_000),
                  })
                : t('sale.quantity.badCount', { max: settings.countMax })
            }
          />
        ) : null}
      </div>
    </Modal>
  );
}
