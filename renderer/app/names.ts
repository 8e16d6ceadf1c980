import type { Category, Product } from '../../shared/contract/catalog';
import type { Locale } from '../../shared/locale';

/** Both names are kept; the one in the reader's language leads, the other helps a colleague. */
export function localNames(item: Pick<Product | Category, 'nameZh' | 'nameEn'>, locale: Locale) {
  return locale === 'zh-CN'
    ? { primary: item.nameZh, secondary: item.nameEn }
    : { primary: item.nameEn, secondary: item.nameZh };
}
