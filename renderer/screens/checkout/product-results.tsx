import { Empty, Spin, Tag } from 'antd';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/contract/catalog';
import { localNames } from '../../app/names';
import { PriceText } from '../../components/price-text';
import { useLocale } from '../../i18n/use-locale';
import './checkout.css';

type ProductResultsProps = {
  items: Product[];
  hasMore: boolean;
  moreText: string;
  loading: boolean;
  highlighted: number;
  onPick(product: Product): void;
  emptyText: string;
};

/** Memoized: a scan changes the cart, not the results, and should not redraw fifty cards. */
export const ProductResults = memo(function ProductResults({
  items,
  hasMore,
  moreText,
  loading,
  highlighted,
  onPick,
  emptyText,
}: ProductResultsProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (highlighted < 0) return;
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);

  if (items.length === 0) {
    return <div className="results-empty">{loading ? <Spin /> : <Empty description={emptyText} />}</div>;
  }
  return (
    <div className="results">
      <ul className="results-list" aria-label={t('checkout.results')} ref={listRef}>
        {items.map((product, index) => {
          const names = localNames(product, locale);
          return (
            <li key={product.id}>
              <button
                type="button"
                tabIndex={-1}
                aria-current={index === highlighted}
                className={`result-row${index === highlighted ? ' highlighted' : ''}`}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onPick(product)}
                data-testid="result-row"
              >
                <span className="result-names">
                  <span className="result-name">{names.primary}</span>
                  <span className="result-secondary">{names.secondary}</span>
                </span>
                <span className="result-meta">
                  {product.soldOut ? <Tag color="red">{t('product.soldOut')}</Tag> : null}
                  <span className="result-sku">{product.sku}</span>
                </span>
                <PriceText product={product} className="result-price" />
              </button>
            </li>
          );
        })}
      </ul>
      {hasMore ? <div className="results-more">{moreText}</div> : null}
    </div>
  );
});
