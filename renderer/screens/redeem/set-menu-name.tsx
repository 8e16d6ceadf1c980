import { useApiQuery } from '../../api/use-api';
import { localNames } from '../../app/names';
import { useLocale } from '../../i18n/use-locale';

/** The set menu a group-buy voucher buys, by its name in this store's catalog when it has the SKU. */
export function SetMenuName({ sku }: { sku: string }) {
  const { locale } = useLocale();
  const found = useApiQuery('catalog.findByBarcode', { barcode: sku }, { staleTime: 60_000 });
  const product = found.data?.product;
  return <span data-testid="voucher-item">{product ? `${localNames(product, locale).primary} · ${sku}` : sku}</span>;
}
