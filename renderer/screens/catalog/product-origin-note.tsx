import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-api';
import type { ProductOrigin } from './use-product-save';

/** Says in the editor whose the product is: the brand's (and who changes it) or the store's own, kept local. */
export function ProductOriginNote({ origin }: { origin: ProductOrigin }) {
  const { t } = useTranslation();
  const owner = useApiQuery('owner.status', {}, { enabled: origin.kind === 'brand', retry: false });
  switch (origin.kind) {
    case 'store':
      return null;
    case 'localOnly':
      return (
        <Alert
          className="product-origin"
          type="info"
          showIcon
          title={t('franchiseCatalog.localOnly')}
          data-testid="product-origin"
        />
      );
    case 'brand':
      return (
        <Alert
          className="product-origin"
          type="info"
          showIcon
          title={t(owner.data?.signedIn ? 'franchiseCatalog.brandOwner' : 'franchiseCatalog.brandStore', {
            version: origin.version,
          })}
          data-testid="product-origin"
        />
      );
  }
}
