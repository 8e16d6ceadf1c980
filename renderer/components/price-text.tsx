import { useTranslation } from 'react-i18next';
import type { Product } from '../../shared/contract/catalog';
import { useMoney } from '../hooks/use-money';
import './components.css';

/** A price as the shelf label says it: per item, or per kg for goods sold by weight. */
export function PriceText({ product, className }: { product: Pick<Product, 'price' | 'unit'>; className?: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <span className={className ?? 'price-text'}>
      {money(product.price)}
      {product.unit === 'kg' ? <span className="price-unit"> {t('product.perKg')}</span> : null}
    </span>
  );
}
