import { Space, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderLine, OrderStatus, PaymentMethod } from '../../../shared/contract/orders';
import { asMoney, toDecimalString } from '../../../shared/money';
import { formatDate, formatDateTime, formatTime } from '../../../shared/time-format';
import { useStoreInfo } from '../../app/store-provider';
import { useLocale } from '../../i18n/use-locale';

const statusColors: Record<OrderStatus, string> = { paid: 'green', partially_refunded: 'orange', refunded: 'red' };
const methodColors: Record<PaymentMethod, string> = {
  cash: 'gold',
  card: 'blue',
  wallet: 'cyan',
  platform_prepaid: 'purple',
  points: 'magenta',
};

export function StatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} data-testid="order-status">
      {t(`orders.status.${status}`)}
    </Tag>
  );
}

export function MethodTags({ methods }: { methods: PaymentMethod[] }) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      {methods.map((method) => (
        <Tag key={method} color={methodColors[method]} variant="outlined">
          {t(`orders.method.${method}`)}
        </Tag>
      ))}
    </Space>
  );
}

/** Grams as kilograms without floating point: 512 → "0.512 kg"; price labels only estimate it. */
export function useQuantityText(): (line: Pick<OrderLine, 'quantity' | 'quantityKind'>, quantity?: number) => string {
  const { t } = useTranslation();
  return (line, quantity = line.quantity) => {
    if (line.quantityKind === 'count') return String(quantity);
    const kg = `${toDecimalString(asMoney(quantity), 3)} ${t('orders.kg')}`;
    return line.quantityKind === 'priced' ? `≈ ${kg}` : kg;
  };
}

/** Times in the store's own zone, whatever the computer's clock says. */
export function useStoreTime() {
  const { locale } = useLocale();
  const { timeZone } = useStoreInfo();
  return useMemo(
    () => ({
      time: (at: number) => formatTime(at, locale, timeZone),
      date: (at: number) => formatDate(at, locale, timeZone),
      dateTime: (at: number) => formatDateTime(at, locale, timeZone),
    }),
    [locale, timeZone],
  );
}
