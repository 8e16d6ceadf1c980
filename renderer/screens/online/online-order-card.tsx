import { CheckOutlined, CloseOutlined, CloudUploadOutlined, FireOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OnlineOrder } from '../../../shared/contract/online-orders';
import { localNames } from '../../app/names';
import { formatStockQuantity } from '../../app/stock-quantity';
import { formatElapsed } from '../../frame/elapsed';
import { useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';
import { useStoreTime } from '../orders/order-labels';
import { rejectShortcut } from './reject-dialog';
import './online.css';

/** A new order waiting longer than this is about to be cancelled by the platform: show it. */
const urgentMs = 5 * 60_000;
/** Seconds on a card that redraws every few seconds only flicker: under a minute is "just now". */
const justNowMs = 60_000;

type OnlineOrderCardProps = {
  order: OnlineOrder;
  now: number;
  selected: boolean;
  matching: boolean;
  busy: boolean;
  onSelect(): void;
  onAccept(): void;
  onReject(): void;
  onReady(): void;
};

export function OnlineOrderCard(props: OnlineOrderCardProps) {
  const { order, now, selected, matching, busy, onSelect, onAccept, onReject, onReady } = props;
  const { t } = useTranslation();
  const { locale } = useLocale();
  const money = useMoney();
  const { time } = useStoreTime();
  const waited = now - order.placedAt;
  const urgent = order.status === 'placed' && waited >= urgentMs;
  const classes = ['online-card', selected ? 'selected' : '', matching ? 'matching' : '', urgent ? 'urgent' : ''];

  return (
    // The board is driven from the pickup field's arrow keys; a click here is the mouse's way in.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the arrow keys and Enter in the pickup field choose cards
    <article
      className={classes.filter(Boolean).join(' ')}
      onClick={onSelect}
      aria-current={selected ? 'true' : undefined}
      aria-label={t('online.cardLabel', { code: order.pickupCode, customer: order.customerName })}
      data-testid="online-card"
      data-status={order.status}
    >
      <header className="online-card-head">
        <span className="pickup-code" data-testid="online-code">
          {order.pickupCode}
        </span>
        <Tag color={order.channel === 'online_delivery' ? 'geekblue' : 'green'} className="online-channel">
          {t(`orders.channel.${order.channel}`)}
        </Tag>
        <span className={urgent ? 'online-age urgent' : 'online-age'} title={time(order.placedAt)}>
          {urgent ? <FireOutlined /> : null} {time(order.placedAt)} ·{' '}
          {waited < justNowMs ? t('sync.justNow') : formatElapsed(waited, locale)}
        </span>
      </header>
      <div className="online-customer">{order.customerName || t('online.noName')}</div>
      {order.note ? <div className="online-note">{order.note}</div> : null}
      <ul className="online-lines">
        {order.lines.map((line, index) => (
          // The platform may list one SKU twice (two prices); lines never move, so their place is their key.
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
          <li key={index}>
            <span className="online-line-qty">
              {line.unit === 'kg'
                ? `${formatStockQuantity(line.quantity, 'kg', locale)} ${t('stock.kg')}`
                : `${line.quantity} ×`}
            </span>
            <span className="online-line-name">{localNames(line, locale).primary}</span>
            <span className="amount">{money(line.amount)}</span>
          </li>
        ))}
      </ul>
      <div className="online-total">
        <span>{t('online.total')}</span>
        <span className="amount">{money(order.total)}</span>
      </div>
      <div className="online-marks">
        {order.orderNumber ? (
          <Tag className="online-sale" data-testid="online-sale">
            {t('online.sale', { number: order.orderNumber })}
          </Tag>
        ) : null}
        {order.pendingStep ? (
          <Tag
            icon={<CloudUploadOutlined />}
            color="orange"
            data-testid="online-pending"
            title={t('online.pendingHelp')}
          >
            {t('online.pending')}
          </Tag>
        ) : null}
      </div>
      <CardActions
        order={order}
        selected={selected}
        busy={busy}
        onAccept={onAccept}
        onReject={onReject}
        onReady={onReady}
      />
    </article>
  );
}

type CardActionsProps = Pick<OnlineOrderCardProps, 'order' | 'selected' | 'busy' | 'onAccept' | 'onReject' | 'onReady'>;

/** Shortcut hints only on the chosen card: they act on it, not on the one under the mouse. */
function CardActions({ order, selected, busy, onAccept, onReject, onReady }: CardActionsProps) {
  const { t } = useTranslation();
  const stop = (action: () => void) => (event: { stopPropagation(): void }) => {
    event.stopPropagation();
    action();
  };
  if (order.status === 'placed') {
    return (
      <div className="online-actions">
        <Button danger icon={<CloseOutlined />} disabled={busy} onClick={stop(onReject)} data-testid="online-reject">
          {t('online.reject')} {selected ? <kbd>{rejectShortcut}</kbd> : null}
        </Button>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={busy && selected}
          disabled={busy}
          onClick={stop(onAccept)}
          data-testid="online-accept"
        >
          {t('online.accept')} {selected ? <kbd>Enter</kbd> : null}
        </Button>
      </div>
    );
  }
  if (order.status === 'accepted') {
    return (
      <div className="online-actions">
        <Button type="primary" ghost disabled={busy} onClick={stop(onReady)} data-testid="online-ready">
          {t('online.markReady')} {selected ? <kbd>Enter</kbd> : null}
        </Button>
      </div>
    );
  }
  if (order.status === 'ready') return <p className="online-hint">{t('online.scanToHandOver')}</p>;
  return null;
}
