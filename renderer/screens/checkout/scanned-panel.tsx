import { BarcodeOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/contract/catalog';
import { localNames } from '../../app/names';
import { PriceText } from '../../components/price-text';
import { useLocale } from '../../i18n/use-locale';
import type { ScanState } from './scan-state';
import './checkout.css';

type ScannedPanelProps = { scan: ScanState; categories: Category[] };

export function ScannedPanel({ scan, categories }: ScannedPanelProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Card
      className="scanned-panel"
      title={
        <span>
          <BarcodeOutlined /> {t('checkout.scanned')}
        </span>
      }
      data-testid="scanned-panel"
    >
      {scan === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkout.scannedEmpty')} />
      ) : scan.kind === 'missing' ? (
        <Alert type="warning" showIcon title={t('checkout.noSuchBarcode', { code: scan.code })} />
      ) : scan.kind === 'failed' ? (
        <Alert type="error" showIcon title={scan.message} />
      ) : (
        <div className="scanned-product">
          <div className="scanned-name">{localNames(scan.product, locale).primary}</div>
          <div className="scanned-secondary">{localNames(scan.product, locale).secondary}</div>
          <PriceText product={scan.product} className="scanned-price" />
          <div className="scanned-tags">
            {scan.product.soldOut ? <Tag color="red">{t('product.soldOut')}</Tag> : null}
            {!scan.product.active ? <Tag>{t('product.inactive')}</Tag> : null}
            {scan.product.unit === 'kg' ? <Tag color="purple">{t('product.byWeight')}</Tag> : null}
          </div>
          <Descriptions
            size="small"
            column={1}
            className="scanned-details"
            items={[
              ...(scan.kind === 'found'
                ? [{ key: 'code', label: t('checkout.scannedCode'), children: scan.code }]
                : []),
              { key: 'sku', label: t('product.sku'), children: scan.product.sku },
              {
                key: 'category',
                label: t('product.category'),
                children: categoryName(categories, scan.product.categoryId, locale),
              },
              { key: 'tax', label: t('product.taxRate'), children: `${scan.product.taxRateBp / 100}%` },
            ]}
          />
        </div>
      )}
      <div className="scanned-note">
        <InfoCircleOutlined /> {t('checkout.cartLater')}
      </div>
    </Card>
  );
}

function categoryName(categories: Category[], id: string, locale: 'zh-CN' | 'en'): string {
  const category = categories.find((each) => each.id === id);
  return category ? localNames(category, locale).primary : '—';
}
