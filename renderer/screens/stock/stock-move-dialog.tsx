import { DatabaseOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, type InputRef, Modal, Segmented } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StockMoveKind, type StockRow } from '../../../shared/contract/stock';
import type { ProductId } from '../../../shared/ids';
import { uuidv7 } from '../../../shared/ids';
import { stockMoveMaxIn } from '../../../shared/limits';
import { invalidateMethods, useApiMutation } from '../../api/use-api';
import { localNames } from '../../app/names';
import {
  formatStockQuantity,
  movementLimitProblem,
  movementQuantityValid,
  onHandAfter,
  parseStockQuantity,
} from '../../app/stock-quantity';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { useKeyActions } from '../../hooks/use-key-actions';
import { useLocale } from '../../i18n/use-locale';
import './stock.css';

const submitShortcut = 'Ctrl+Enter';
const kinds = StockMoveKind.options;

type StockMoveDialogProps = { row: StockRow; onClose(): void };

/** Goods received, a count, an adjustment or waste, for one product. */
export function StockMoveDialog({ row, onClose }: StockMoveDialogProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  // Made once per opening: a double click, or a retry after a lost answer, records the movement once.
  const [id] = useState(() => uuidv7());
  const [kind, setKind] = useState<StockMoveKind>('receive');
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const field = useRef<InputRef>(null);
  const name = localNames(row, locale).primary;
  const unit = row.unit === 'kg' ? t('stock.kg') : t('stock.items');
  const quantity = parseStockQuantity(text, row.unit, kind === 'adjustment');
  const { settings } = useStoreInfo();
  const typed = movementQuantityValid(kind, quantity);
  const limit = typed ? movementLimitProblem(kind, quantity, row.onHand, stockMoveMaxIn(settings, row.unit)) : null;
  const valid = typed && limit === null;
  const show = (value: number) => `${formatStockQuantity(value, row.unit, locale)} ${unit}`;

  const move = useApiMutation('stock.move', {
    onSuccess: (after) => {
      void invalidateMethods(queryClient, ['stock.']);
      message.success(t('stock.moved', { name, onHand: show(after.onHand) }));
      onClose();
    },
  });
  const submit = () => {
    setTouched(true);
    if (!valid) field.current?.focus({ cursor: 'all' });
    if (!valid || move.isPending) return;
    move.mutate({ id, productId: row.productId as ProductId, kind, quantity, note: note.trim() });
  };
  const choose = (next: StockMoveKind) => {
    setKind(next);
    field.current?.focus({ cursor: 'all' });
  };
  useKeyActions(
    {
      ...Object.fromEntries(kinds.map((each, index) => [`Alt+${index + 1}`, () => choose(each)])),
      [submitShortcut]: submit,
    },
    1,
  );

  return (
    <Modal
      open
      width={640}
      title={
        <span className="dialog-title">
          <DatabaseOutlined /> {t('stock.moveTitle', { name })}
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
          disabled={touched && !valid}
          loading={move.isPending}
          onClick={submit}
          data-testid="stock-move-submit"
        >
          {t('stock.record')} <kbd>Enter</kbd>
        </Button>,
      ]}
    >
      <div data-testid="stock-move-dialog">
        {move.error ? <Alert type="error" showIcon title={errorText(move.error)} className="form-error" /> : null}
        <p className="stock-move-now">
          <span className="cell-code">{row.sku}</span> · {t('stock.onHandNow', { onHand: show(row.onHand) })}
        </p>
        <Segmented<StockMoveKind>
          block
          size="large"
          value={kind}
          onChange={choose}
          options={kinds.map((each, index) => ({
            value: each,
            label: (
              <span data-testid={`stock-kind-${each}`}>
                {t(`stock.kinds.${each}`)} <kbd>Alt+{index + 1}</kbd>
              </span>
            ),
          }))}
        />
        <p className="muted stock-kind-help">{t(`stock.kindHelp.${kind}`)}</p>
        <label className="field-label" htmlFor="stock-quantity">
          {kind === 'count' ? t('stock.counted') : t('stock.quantity')}
        </label>
        <Input
          ref={field}
          id="stock-quantity"
          size="large"
          autoFocus
          inputMode="decimal"
          autoComplete="off"
          value={text}
          suffix={unit}
          placeholder={row.unit === 'kg' ? '0.000' : kind === 'adjustment' ? '-2' : '0'}
          status={touched && !valid ? 'error' : undefined}
          onChange={(event) => setText(event.target.value)}
          onPressEnter={submit}
          data-testid="stock-quantity"
        />
        {limit ? (
          <div className="field-error" data-testid="stock-limit-error">
            {limit.kind === 'over'
              ? t('limits.overLimit', { max: show(limit.max) })
              : t('limits.belowZero', { left: show(limit.left), onHand: show(row.onHand) })}
          </div>
        ) : touched && !valid ? (
          <div className="field-error" data-testid="stock-quantity-error">
            {t(`stock.invalid.${kind}`)} {row.unit === 'kg' ? t('stock.kgInvalid') : null}
          </div>
        ) : null}
        {valid ? (
          <p className="stock-move-after" data-testid="stock-after">
            {t('stock.onHandAfter', { onHand: show(onHandAfter(kind, quantity, row.onHand)) })}
          </p>
        ) : null}
        <label className="field-label" htmlFor="stock-note">
          {t('stock.note')}
        </label>
        <Input
          id="stock-note"
          size="large"
          value={note}
          maxLength={200}
          placeholder={t('stock.notePlaceholder')}
          onChange={(event) => setNote(event.target.value)}
          onPressEnter={submit}
          data-testid="stock-note"
        />
      </div>
    </Modal>
  );
}
