import { ShoppingCartOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Barcode, type Product } from '../../../shared/contract/catalog';
import { useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { ScreenHeader } from '../screen-header';
import { CategoryGrid } from './category-grid';
import { NoSaleCard } from './no-sale-card';
import { ProductResults } from './product-results';
import { ScanField } from './scan-field';
import type { ScanState } from './scan-state';
import { ScannedPanel } from './scanned-panel';
import { useBarcodeLookup } from './use-barcode-lookup';
import '../screens.css';
import './checkout.css';

const searchDelayMs = 80;

/** A scanner sends digits (sometimes letters too); a typed word like "milk" is a search. */
function looksLikeCode(text: string): boolean {
  return Barcode.safeParse(text).success && /\d/.test(text);
}

export function CheckoutScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState(-1);
  const [scan, setScan] = useState<ScanState>(null);
  const query = useDebouncedValue(text.trim(), searchDelayMs);
  const categories = useApiQuery('catalog.listCategories', {});
  const results = useApiQuery(
    'catalog.searchProducts',
    { query, categoryId: categoryId ?? undefined, limit: 50 },
    { placeholderData: keepPreviousData, staleTime: 5_000 },
  );
  const items = results.data?.items ?? [];
  const lookUp = useBarcodeLookup(setScan);

  const changeText = (value: string) => {
    setText(value);
    setHighlighted(-1);
  };

  const pick = (product: Product) => {
    setScan({ kind: 'picked', product });
    changeText('');
  };

  const onEnter = (raw: string) => {
    const code = raw.trim();
    if (highlighted >= 0 && items[highlighted]) return pick(items[highlighted]);
    if (!code) return;
    if (looksLikeCode(code)) {
      changeText('');
      void lookUp(code);
      return;
    }
    if (query === code && items[0]) pick(items[0]);
  };

  const move = (step: 1 | -1) => {
    if (items.length === 0) return;
    setHighlighted((current) => Math.min(items.length - 1, Math.max(0, current + step)));
  };

  return (
    <div className="screen checkout-screen">
      <ScreenHeader title={t('nav.checkout')} icon={<ShoppingCartOutlined />} />
      <div className="checkout-body">
        <section className="checkout-main">
          <ScanField value={text} onChange={changeText} onEnter={onEnter} onMove={move} />
          {categories.error ? <Alert type="error" showIcon title={errorText(categories.error)} /> : null}
          <div className="checkout-browse">
            <CategoryGrid
              categories={categories.data?.categories ?? []}
              selected={categoryId}
              onSelect={(id) => {
                setCategoryId(id);
                setHighlighted(-1);
              }}
            />
            {results.error ? (
              <Alert type="error" showIcon title={errorText(results.error)} />
            ) : (
              <ProductResults
                items={items}
                hasMore={results.data?.hasMore ?? false}
                moreText={query ? t('checkout.moreResults') : t('checkout.moreInCategory')}
                loading={results.isFetching}
                highlighted={highlighted}
                onPick={pick}
                emptyText={query ? t('checkout.noResults', { query }) : t('checkout.noProducts')}
              />
            )}
          </div>
        </section>
        <aside className="checkout-side">
          <ScannedPanel scan={scan} categories={categories.data?.categories ?? []} />
          <NoSaleCard />
        </aside>
      </div>
    </div>
  );
}
