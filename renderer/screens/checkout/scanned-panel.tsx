import {
  BarcodeOutlined,
  CheckCircleFilled,
  GiftOutlined,
  InfoCircleOutlined,
  LoadingOutlined,
} from '@ant-design/icons';
import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { localNames } from '../../app/names';
import { PriceText } from '../../components/price-text';
import { useLocale } from '../../i18n/use-locale';
import { useVoucherValueText } from '../../vouchers/use-voucher-text';
import { useQuantityText } from './checkout-format';
import type { ScanState } from './scan-state';
import './checkout.css';

/**
 * One line under the scan field: the cashier sees at a glance that the scan went in, or why not. A
 * coupon that went on the sale but takes nothing (`couponReason`: a member rule, the minimum
 * spend) says why here too, not as if it had been taken.
 */
export function ScannedPanel({ scan, couponReason = null }: { scan: ScanState; couponReason?: string | null }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const quantityText = useQuantityText();
  const valueText = useVoucherValueText();
  if (scan === null) {
    return (
      <div className="scanned-strip idle" data-testid="scanned-panel">
        <BarcodeOutlined /> {t('sale.scan.idle')}
      </div>
    );
  }
  if (scan.kind === 'missing') {
    return (
      <Alert
        className="scanned-alert"
        type="warning"
        showIcon
        title={t('checkout.noSuchBarcode', { code: scan.code })}
        data-testid="scanned-panel"
      />
    );
  }
  if (scan.kind === 'note') {
    return (
      <div className="scanned-strip" data-testid="scanned-panel">
        <InfoCircleOutlined className="scanned-info" /> {scan.text}
      </div>
    );
  }
  if (scan.kind === 'checking') {
    return (
      <div className="scanned-strip" data-testid="scanned-panel">
        <LoadingOutlined className="scanned-info" /> {t('voucher.coupons.checking')}
      </div>
    );
  }
  if (scan.kind === 'coupon' && couponReason) {
    return <Alert className="scanned-alert" type="warning" showIcon title={couponReason} data-testid="scanned-panel" />;
  }
  if (scan.kind === 'coupon') {
    return (
      <div className="scanned-strip" data-testid="scanned-panel">
        <GiftOutlined className="scanned-ok" />
        <span className="scanned-name">{scan.voucher.campaign.name}</span>
        <span className="scanned-qty">
          {valueText(scan.voucher.campaign.type, scan.voucher.value, scan.voucher.campaign.rules)}
        </span>
        {scan.voucher.checkedOnline ? null : <Tag color="gold">{t('voucher.coupons.checkedHere')}</Tag>}
      </div>
    );
  }
  if (scan.kind === 'failed') {
    return <Alert className="scanned-alert" type="error" showIcon title={scan.message} data-testid="scanned-panel" />;
  }
  const names = localNames(scan.product, locale);
  if (scan.kind === 'inactive') {
    return (
      <Alert
        className="scanned-alert"
        type="warning"
        showIcon
        title={t('sale.scan.inactive', { name: names.primary })}
        data-testid="scanned-panel"
      />
    );
  }
  return (
    <div className="scanned-strip" data-testid="scanned-panel">
      <CheckCircleFilled className="scanned-ok" />
      <span className="scanned-name">{names.primary}</span>
      <span className="scanned-qty">{quantityText(scan.quantity)}</span>
      <PriceText product={scan.product} className="scanned-price" />
      <span className="scanned-sku">{scan.product.sku}</span>
      {scan.code && scan.code !== scan.product.sku ? <span className="scanned-code">{scan.code}</span> : null}
      {scan.product.soldOut ? <Tag color="red">{t('product.soldOut')}</Tag> : null}
    </div>
  );
}
