import { EditOutlined } from '@ant-design/icons';
import { Button, Input, Tooltip } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockRow } from '../../../shared/contract/stock';
import { formatStockQuantity, parseStockQuantity, stockQuantityText } from '../../app/stock-quantity';
import { useLocale } from '../../i18n/use-locale';
import './stock.css';

type LowAtCellProps = {
  /** A store's product, or a product of the brand's catalog at head office. */
  row: Pick<StockRow, 'sku' | 'unit' | 'lowAt'>;
  canEdit: boolean;
  editing: boolean;
  onEdit(): void;
  onCancel(): void;
  onSave(lowAt: number | null): void;
};

/** The low-stock level, edited where it is shown. */
export function LowAtCell({ row, canEdit, editing, onEdit, onCancel, onSave }: LowAtCellProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const unit = row.unit === 'kg' ? ` ${t('stock.kg')}` : '';
  const shown = row.lowAt === null ? '—' : `${formatStockQuantity(row.lowAt, row.unit, locale)}${unit}`;
  if (editing && canEdit) return <LowAtEditor row={row} onSave={onSave} onCancel={onCancel} />;
  if (!canEdit) return <span className="amount">{shown}</span>;
  return (
    <Button
      type="text"
      size="small"
      className="low-at-button"
      onClick={(event) => {
        event.stopPropagation();
        onEdit();
      }}
      aria-label={t('stock.editLowAt', { sku: row.sku })}
      data-testid="low-at-edit"
    >
      <span className="amount">{shown}</span> <EditOutlined className="low-at-icon" />
    </Button>
  );
}

/** Enter or leaving the field keeps the level, Esc leaves it as it was, an empty field clears it. */
function LowAtEditor({ row, onSave, onCancel }: Pick<LowAtCellProps, 'row' | 'onSave' | 'onCancel'>) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => (row.lowAt === null ? '' : stockQuantityText(row.lowAt, row.unit)));
  const empty = text.trim() === '';
  const parsed = empty ? null : parseStockQuantity(text, row.unit);
  const valid = empty || parsed !== null;
  // Closing the editor takes the focus away too: that blur must not save what Esc left behind.
  const closed = useRef(false);
  const close = (keep: boolean) => {
    if (closed.current || (keep && !valid)) return;
    closed.current = true;
    if (keep && parsed !== row.lowAt) onSave(parsed);
    else onCancel();
  };
  return (
    <Tooltip open={!valid} title={t(row.unit === 'kg' ? 'stock.kgInvalid' : 'stock.itemsInvalid')}>
      <Input
        size="small"
        autoFocus
        className="low-at-input"
        value={text}
        status={valid ? undefined : 'error'}
        suffix={row.unit === 'kg' ? t('stock.kg') : undefined}
        inputMode="decimal"
        placeholder={t('stock.noLowAt')}
        onFocus={(event) => event.target.select()}
        onChange={(event) => setText(event.target.value)}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          // The row's own keys (Enter opens a movement) must not act while typing here.
          event.stopPropagation();
          if (event.key === 'Enter') close(true);
          if (event.key === 'Escape') close(false);
        }}
        onBlur={() => close(valid)}
        aria-label={t('stock.lowAt')}
        data-testid="low-at-input"
      />
    </Tooltip>
  );
}
