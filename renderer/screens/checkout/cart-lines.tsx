import { ShoppingOutlined } from '@ant-design/icons';
import { Empty, Tag } from 'antd';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../shared/pricing/cart';
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
      {state.cart.lines.map((line, index) => (
        <CartLineRow
          key={line.lineId}
          line={line}
          index={index}
          product={state.products[line.productId]}
          gross={priced[index]?.gross ?? null}
          lineDiscount={priced[index]?.lineDiscount ?? 0}
          memberDiscount={priced[index]?.memberDiscount ?? 0}
          memberBenefit={priced[index]?.memberBenefit ?? null}
          isSelected={line.lineId === selected}
          onSelect={onSelect}
        />
      ))}
    </ol>
  );
}

type CartLineRowProps = {
  line: CartLine;
  index: number;
  product: CartState['products'][string] | undefined;
  /** Plain numbers, not the priced line: pricing makes new objects every time, the amounts mostly stay. */
  gross: number | null;
  lineDiscount: number;
  /** What the member's member price or tier discount took off the line, and which it was. */
  memberDiscount: number;
  memberBenefit: PricedLine['memberBenefit'];
  isSelected: boolean;
  onSelect(lineId: string): void;
};

/**
 * One line, memoized: a scan adds or changes one line, so the other lines are not redrawn and a
 * scan costs the same with three lines or a hundred.
 */
const CartLineRow = memo(function CartLineRow({
  line,
  index,
  product,
  gross,
  lineDiscount,
  memberDiscount,
  memberBenefit,
  isSelected,
  onSelect,
}: CartLineRowProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const amount = useAmount();
  const quantityText = useQuantityText();
  const discountText = useDiscountText();
  const names = product ? localNames(product, locale) : { primary: '…', secondary: '' };
  const kg = product?.unit === 'kg';
  // A member price per item reads as the price; by weight, or a tier discount, by name alone.
  const memberTag = (benefit: NonNullable<PricedLine['memberBenefit']>) => {
    if (benefit === 'tier_discount') return t('member.lineTierDiscount');
    if (line.quantity.kind !== 'count' || gross === null) return t('member.linePriceOnly');
    return t('member.linePrice', { price: amount((gross - memberDiscount) / line.quantity.count) });
  };
  return (
    <li>
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
            {memberBenefit ? (
              <Tag color="gold" className="cart-line-discount" data-testid="cart-line-member">
                {memberTag(memberBenefit)}
              </Tag>
            ) : null}
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
          {gross !== null && lineDiscount + memberDiscount > 0 ? (
            <s className="cart-line-gross">{amount(gross)}</s>
          ) : null}
          <span data-testid="cart-line-total">
            {gross !== null ? amount(gross - memberDiscount - lineDiscount) : ''}
          </span>
        </span>
      </button>
    </li>
  );
});
