import { ShoppingOutlined } from '@ant-design/icons';
import { Empty, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PricedLine } from '../../../shared/pricing/price-cart';
import { localNames } from '../../app/names';
import { useLocale } from '../../i18n/use-locale';
import type { CartState } from './cart-model';
import { useAmount, useDiscountText, useQuantityText } from './checkout-format';
import './cart.css';

type CartLinesProps = {
  state: CartState;
  priced: PricedLine[];
  selected: string | null;
  onSelect(lineId: string): void;
};

/** The receipt as it grows: the newest line is selected and kept in view. */
export function CartLines({ state, priced, selected, onSelect }: CartLinesProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const amount = useAmount();
  const quantityText = useQuantityText();
  const discountText = useDiscountText();
  const listRef = useRef<HTMLOListElement>(null);

  // Only when the selection moves: scrolling forces a layout, and every scan would pay for it.
  const lineCount = state.cart.lines.length;
  useEffect(() => {
    if (selected === null && lineCount === 0) return;
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected, lineCount]);

  if (state.cart.lines.length === 0) {
    return (
      <div className="cart-empty" data-testid="cart-empty">
        <Empty image={<ShoppingOutlined className="cart-empty-icon" />} description={t('sale.cart.empty')} />
      </div>
    );
  }
  return (
    <ol className="cart-lines" ref={listRef} aria-label={t('sale.cart.lines')} data-testid="cart-lines">
      {state.cart.lines.map((line, index) => {
        const product = state.products[line.productId];
        const names = product ? localNames(product, locale) : { primary: '…', secondary: '' };
        const price = priced[index];
        const kg = product?.unit === 'kg';
        const isSelected = line.lineId === selected;
        return (
          <li key={line.lineId}>
            <button
              type="button"
              tabIndex={-1}
              className={`cart-line${isSelected ? ' selected' : ''}`}
              aria-current={isSelected}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onSelect(line.lineId)}
              data-testid="cart-line"
              data-line-id={line.lineId}
            >
              <span className="cart-line-no">{index + 1}</span>
              <span className="cart-line-names">
                <span className="cart-line-name">{names.primary}</span>
                <span className="cart-line-secondary">
                  {amount(line.unitPrice)}
                  {kg ? ` ${t('product.perKg')}` : ''}
                  {line.discount ? (
                    <Tag color="orange" className="cart-line-discount">
                      {t('sale.line.discountTag', { value: discountText(line.discount), reason: line.discount.reason })}
                    </Tag>
                  ) : null}
                </span>
              </span>
              <span className="cart-line-qty" data-testid="cart-line-qty">
                {quantityText(line.quantity)}
              </span>
              <span className="cart-line-amount">
                {price && price.lineDiscount > 0 ? <s className="cart-line-gross">{amount(price.gross)}</s> : null}
                <span data-testid="cart-line-total">{price ? amount(price.gross - price.lineDiscount) : ''}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
