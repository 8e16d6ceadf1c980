import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Drawer, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { formatBusinessDay } from '../../frame/business-day';
import { useLocale } from '../../i18n/use-locale';
import { OrderDetailDrawer } from '../orders/order-detail-drawer';
import { OrderTable } from '../orders/order-table';
import { DrillFooter, DrillFormula } from './drill-figure';
import { type DrillKey, type DrillTarget, withoutFilter } from './drill-target';
import './drill.css';

const pageSize = 50;
const chipOrder: DrillKey[] = [
  'channel',
  'method',
  'cashierId',
  'hour',
  'weekday',
  'categoryId',
  'productId',
  'campaignId',
  'carrying',
];

type DrillDrawerProps = { target: DrillTarget | null; onChange(target: DrillTarget): void; onClose(): void };

/**
 * The orders behind a report figure, over the report (which stays as it was, period and all, when
 * the drawer closes): what the figure is as chips, the orders a page at a time, each opening its
 * receipt, and a footer whose sum is the figure.
 */
export function DrillDrawer({ target, onChange, onClose }: DrillDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      // Wide enough for the orders' columns, never wider than the window.
      size={Math.min(1080, window.innerWidth - 64)}
      destroyOnHidden
      title={target ? t('drill.title', { what: target.what }) : null}
      extra={
        <Button icon={<LeftOutlined />} onClick={onClose} data-testid="drill-back">
          {t('drill.back')}
        </Button>
      }
      data-testid="drill-drawer"
    >
      {target ? <DrillList key={JSON.stringify(target)} target={target} onChange={onChange} /> : null}
    </Drawer>
  );
}

function DrillList({ target, onChange }: { target: DrillTarget; onChange(target: DrillTarget): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // The id each page starts after; the first page starts at the newest order.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [openId, setOpenId] = useState<string | null>(null);
  const page = cursors.length - 1;
  const list = useApiQuery(
    'orders.list',
    {
      span: target.span,
      ...target.filter,
      // A margin is made of the lines' costs: asked for only when it is the figure opened.
      withCost: target.figure === 'margin' ? true : undefined,
      before: cursors[page],
      limit: pageSize,
    },
    { placeholderData: keepPreviousData },
  );
  const orders = list.data?.orders ?? [];
  const last = orders.at(-1)?.id;
  const canOlder = Boolean(list.data?.hasMore && last);
  return (
    <div className="drill">
      <DrillChips target={target} onChange={onChange} />
      {list.data?.sums ? <DrillFormula target={target} sums={list.data.sums} /> : null}
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <OrderTable
        orders={orders}
        loading={list.isFetching}
        selectedId={openId}
        onOpen={(o) => setOpenId(o.id)}
        showDay={target.span.firstDay !== target.span.lastDay}
      />
      <div className="pager">
        <Button
          icon={<LeftOutlined />}
          disabled={page === 0}
          onClick={() => setCursors(cursors.slice(0, -1))}
          data-testid="drill-newer"
        >
          {t('drill.newer')}
        </Button>
        <span className="pager-page">{t('common.page', { page: page + 1 })}</span>
        <Button disabled={!canOlder} onClick={() => setCursors([...cursors, last])} data-testid="drill-older">
          {t('drill.older')} <RightOutlined />
        </Button>
      </div>
      {list.data?.sums ? <DrillFooter target={target} sums={list.data.sums} /> : null}
      <OrderDetailDrawer orderId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}

/** The span, and each of the row's filters as a chip that can be removed to widen the list. */
function DrillChips({ target, onChange }: { target: DrillTarget; onChange(target: DrillTarget): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const cutoff = useStoreInfo().dayCutoffHour;
  const { firstDay, lastDay, untilMinute } = target.span;
  const days =
    firstDay === lastDay
      ? formatBusinessDay(firstDay, locale)
      : t('salesReport.spanDays', {
          from: formatBusinessDay(firstDay, locale),
          to: formatBusinessDay(lastDay, locale),
        });
  const until =
    untilMinute === null
      ? ''
      : ` · ${t('drill.upTo', {
          time: `${String((cutoff + Math.floor(untilMinute / 60)) % 24).padStart(2, '0')}:${String(
            untilMinute % 60,
          ).padStart(2, '0')}`,
        })}`;
  return (
    <div className="drill-chips" data-testid="drill-chips">
      <Tag className="drill-chip" data-testid="drill-chip-span">
        {t('drill.span')}: {days}
        {until}
      </Tag>
      {chipOrder.map((key) =>
        target.filter[key] === undefined ? null : (
          <Tag
            key={key}
            className="drill-chip"
            closable={{ 'aria-label': t('drill.removeChip') }}
            onClose={(event) => {
              event.preventDefault();
              onChange(withoutFilter(target, key));
            }}
            data-testid={`drill-chip-${key}`}
          >
            {t(`drill.chip.${key}`)}: {target.labels[key] ?? String(target.filter[key])}
          </Tag>
        ),
      )}
    </div>
  );
}
