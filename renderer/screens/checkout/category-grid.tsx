import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/contract/catalog';
import { localNames } from '../../app/names';
import { useLocale } from '../../i18n/use-locale';
import './checkout.css';

type CategoryGridProps = {
  categories: Category[];
  selected: string | null;
  onSelect(id: string | null): void;
};

/** Big tiles for touch: a category narrows the list beside it, tapping it again shows everything. */
/** Memoized: a scan changes the cart, not the categories, and should not redraw them. */
export const CategoryGrid = memo(function CategoryGrid({ categories, selected, onSelect }: CategoryGridProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <div className="category-grid" role="toolbar" aria-label={t('checkout.categories')}>
      <button
        type="button"
        className={`category-tile${selected === null ? ' selected' : ''}`}
        onClick={() => onSelect(null)}
      >
        <span className="category-tile-name">{t('checkout.allCategories')}</span>
      </button>
      {categories.map((category) => (
        <button
          key={category.id}
          type="button"
          className={`category-tile${selected === category.id ? ' selected' : ''}`}
          onClick={() => onSelect(selected === category.id ? null : category.id)}
          aria-pressed={selected === category.id}
        >
          <span className="category-tile-name">{localNames(category, locale).primary}</span>
          <span className="category-tile-count">{category.productCount}</span>
        </button>
      ))}
    </div>
  );
});
