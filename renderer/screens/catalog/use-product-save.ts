import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/contract';
import type { Category, Product } from '../../../shared/contract/catalog';
import { invalidateMethods, useApiMutation, useApiQuery } from '../../api/use-api';
import { localNames } from '../../app/names';
import { useSyncStatus } from '../../hooks/use-sync-status';
import { useLocale } from '../../i18n/use-locale';
import { type ProductFormValues, toProductInput } from './product-form';

/**
 * Whose a product is: the store's on a till of its own; on a paired till, the brand's (it came from
 * the platform) or the store's own special, kept local only.
 */
export type ProductOrigin = { kind: 'store' } | { kind: 'localOnly' } | { kind: 'brand'; version: number };

export function productOrigin(product: Product | null, paired: boolean): ProductOrigin {
  if (!paired) return { kind: 'store' };
  return product?.platformVersion != null ? { kind: 'brand', version: product.platformVersion } : { kind: 'localOnly' };
}

/**
 * Where the editor's Save goes. A brand product edited by the owner signed in to the platform goes
 * there, against the version the editor showed (a stale one comes back refused with the current
 * value); its price alone, edited by the store, is the store's own price where the owner allows it;
 * anything else is saved on this till.
 */
export function useProductSave(product: Product | null, categories: Category[], exponent: number, onSaved: () => void) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const sync = useSyncStatus();
  const paired = sync.data !== undefined && sync.data.link !== 'unpaired';
  const origin = productOrigin(product, paired);
  const owner = useApiQuery('owner.status', {}, { enabled: origin.kind === 'brand', retry: false });
  const done = (text: string) => {
    void invalidateMethods(queryClient, ['catalog.', 'franchise.']);
    message.success(text);
    onSaved();
  };
  const name = (item: { nameZh: string; nameEn: string }) => localNames(item, locale).primary;
  const local = useApiMutation('catalog.saveProduct', {
    onSuccess: (saved) => done(t('productEditor.saved', { name: name(saved) })),
  });
  const brand = useApiMutation('franchise.saveProduct', {
    onSuccess: (_saved, input) => done(t('franchiseCatalog.sentBrand', { name: name(input) })),
  });
  const storePrice = useApiMutation('catalog.setLocalPrice', {
    onSuccess: () => done(t('franchiseCatalog.sentStorePrice', { name: product ? name(product) : '' })),
  });

  function save(values: ProductFormValues) {
    const input = toProductInput(values, exponent, product?.id);
    if (origin.kind === 'brand' && product) {
      if (owner.data?.signedIn) {
        const category = categories.find((c) => c.id === input.categoryId);
        const { id: _id, cost: _cost, categoryId: _category, ...fields } = input;
        brand.mutate({
          ...fields,
          categoryZh: category?.nameZh ?? '',
          categoryEn: category?.nameEn ?? '',
          expectedVersion: origin.version,
        });
        return;
      }
      if (input.price !== product.price && onlyPriceChanged(product, input)) {
        storePrice.mutate({ productId: product.id, price: input.price, expectedVersion: origin.version });
        return;
      }
    }
    local.mutate(input);
  }

  const pending = local.isPending || brand.isPending || storePrice.isPending;
  const error = local.error ?? brand.error ?? storePrice.error;
  return { origin, save, pending, error };
}

/** Whether a change moves the price and nothing else of the product (its cost included). */
function onlyPriceChanged(product: Product, input: InputOf<'catalog.saveProduct'>): boolean {
  const fields = [
    'categoryId',
    'sku',
    'plu',
    'nameZh',
    'nameEn',
    'taxRateBp',
    'unit',
    'active',
    'listedOnline',
  ] as const;
  const sameCodes = JSON.stringify([...product.barcodes].sort()) === JSON.stringify([...(input.barcodes ?? [])].sort());
  return sameCodes && input.cost === (product.cost ?? 0) && fields.every((field) => product[field] === input[field]);
}
