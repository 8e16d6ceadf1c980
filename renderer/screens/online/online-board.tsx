import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OnlineOrder } from '../../../shared/contract/online-orders';
import { OnlineOrderCard } from './online-order-card';
import { openStatuses, type Queue } from './online-queue';
import { matchesTypedCode } from './pickup-code';
import './online.css';

type OnlineBoardProps = {
  queue: Queue;
  now: number;
  chosenId: string | null;
  typed: string;
  busy: boolean;
  loading: boolean;
  onSelect(id: string): void;
  onStep(order: OnlineOrder): void;
  onReject(order: OnlineOrder): void;
};

/** New, accepted and ready side by side: work moves left to right, as on a kitchen rail. */
export function OnlineBoard({
  queue,
  now,
  chosenId,
  typed,
  busy,
  loading,
  onSelect,
  onStep,
  onReject,
}: OnlineBoardProps) {
  const { t } = useTranslation();
  return (
    <div className="online-board" data-testid="online-board">
      {openStatuses.map((status) => {
        const orders = queue.columns[status];
        return (
          <section
            key={status}
            className={`online-column online-column-${status}`}
            data-testid={`online-column-${status}`}
          >
            <h2 className="online-section-title">
              {t(`online.status.${status}`)} <span className="online-count">{orders.length}</span>
            </h2>
            {loading ? <Spin className="online-loading" /> : null}
            {orders.map((order) => (
              <OnlineOrderCard
                key={order.id}
                order={order}
                now={now}
                selected={order.id === chosenId}
                matching={matchesTypedCode(order.pickupCode, typed)}
                busy={busy}
                onSelect={() => onSelect(order.id)}
                onAccept={() => onStep(order)}
                onReject={() => onReject(order)}
                onReady={() => onStep(order)}
              />
            ))}
            {!loading && orders.length === 0 ? <p className="online-column-empty">{t('online.columnEmpty')}</p> : null}
          </section>
        );
      })}
    </div>
  );
}
