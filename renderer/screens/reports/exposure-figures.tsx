import { Progress, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfflineExposure } from '../../../shared/contract/vouchers';
import { formatElapsed } from '../../frame/elapsed';
import { useNow } from '../../hooks/use-now';
import { useLocale } from '../../i18n/use-locale';
import { useAmount } from '../checkout/checkout-format';
import './reports.css';
import { useStoreTime } from '../orders/order-labels';

/** Share of a limit used, for the bar: full and red at the limit, so the manager sees it coming. */
function used(value: number, limit: number): number {
  return limit <= 0 ? 100 : Math.min(100, Math.round((value * 100) / limit));
}

/**
 * What this till has redeemed on its own word and the platform has not yet confirmed, against the
 * limits the platform set: the worst the store can lose if the offline redemptions turn out bad.
 */
export function ExposureFigures({ exposure }: { exposure: OfflineExposure }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { dateTime } = useStoreTime();
  const amount = useAmount();
  const now = useNow(30_000);
  const pullAge = exposure.lastPullAt === null ? null : now - exposure.lastPullAt;
  const bar = (value: number, limit: number) => {
    const percent = used(value, limit);
    return (
      <Progress percent={percent} size="small" status={percent >= 100 ? 'exception' : 'normal'} showInfo={false} />
    );
  };
  return (
    <div className="exposure-figures" data-testid="voucher-exposure">
      <div className="exposure-figure">
        <span className="exposure-label">{t('voucher.report.offlineCount')}</span>
        <span className="exposure-value" data-testid="exposure-count">
          {exposure.count}
        </span>
      </div>
      <div className="exposure-figure">
        <span className="exposure-label">{t('voucher.report.deviceValue')}</span>
        <span className="exposure-value" data-testid="exposure-value">
          {amount(exposure.value)} <small>/ {amount(exposure.deviceLimit)}</small>
        </span>
        {bar(exposure.value, exposure.deviceLimit)}
      </div>
      <div className="exposure-figure">
        <span className="exposure-label">{t('voucher.report.storeLimit')}</span>
        <span className="exposure-value">
          {amount(exposure.value)} <small>/ {amount(exposure.storeLimit)}</small>
        </span>
        {bar(exposure.value, exposure.storeLimit)}
      </div>
      <div className="exposure-figure">
        <span className="exposure-label">{t('voucher.report.consecutive')}</span>
        <span className="exposure-value">
          {exposure.consecutive} <small>/ {exposure.hardConsecutive}</small>
        </span>
        {bar(exposure.consecutive, exposure.hardConsecutive)}
      </div>
      <div className="exposure-figure">
        <span className="exposure-label">{t('voucher.report.lastPull')}</span>
        <Tooltip title={exposure.lastPullAt ? dateTime(exposure.lastPullAt) : null}>
          <span className="exposure-value" data-testid="exposure-last-pull">
            {pullAge === null
              ? t('voucher.report.never')
              : t('voucher.report.ago', { age: formatElapsed(pullAge, locale) })}
          </span>
        </Tooltip>
      </div>
      <div className={exposure.lossCount > 0 ? 'exposure-figure loss' : 'exposure-figure'}>
        <span className="exposure-label">{t('voucher.report.losses')}</span>
        <span className="exposure-value" data-testid="exposure-losses">
          {exposure.lossCount} · {amount(exposure.lossValue)}
        </span>
      </div>
    </div>
  );
}
