import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScannedVoucher } from '../../../shared/contract/vouchers';
import { useDateTimeText, useVoucherValueText } from '../../vouchers/use-voucher-text';
import { SetMenuName } from './set-menu-name';
import './redeem.css';

/** What the scanned voucher is: the offer, the set menu it buys, its worth and how long it lasts. */
export function VoucherCard({ voucher }: { voucher: ScannedVoucher }) {
  const { t } = useTranslation();
  const valueText = useVoucherValueText();
  const when = useDateTimeText();
  const { campaign } = voucher;
  return (
    <div className="voucher-card" data-testid="voucher-card">
      <div className="voucher-card-head">
        <span className="voucher-card-name" data-testid="voucher-campaign">
          {campaign.name}
        </span>
        <Tag color={campaign.type === 'group_buy' ? 'blue' : 'orange'}>{t(`voucher.type.${campaign.type}`)}</Tag>
        {voucher.checkedOnline ? (
          <Tag color="green">{t('voucher.redeem.checkedOnline')}</Tag>
        ) : (
          <Tag color="gold">{t('voucher.coupons.checkedHere')}</Tag>
        )}
      </div>
      <Descriptions column={1} size="small" bordered>
        {campaign.rules.itemSku ? (
          <Descriptions.Item label={t('voucher.redeem.item')}>
            <SetMenuName sku={campaign.rules.itemSku} />
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('voucher.redeem.value')}>
          <span data-testid="voucher-value">{valueText(campaign.type, voucher.value, campaign.rules)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('voucher.redeem.expires')}>{when(voucher.expires, 'seconds')}</Descriptions.Item>
        <Descriptions.Item label={t('voucher.redeem.voucherId')}>
          <code>{voucher.voucherId}</code>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
