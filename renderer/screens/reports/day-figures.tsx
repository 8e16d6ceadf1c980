import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DaySummary } from '../../../shared/contract/reports';
import { useMoney } from '../../hooks/use-money';
import './reports.css';

type FigureProps = { label: string; value: ReactNode; note?: ReactNode; testId?: string; lead?: boolean };

function Figure({ label, value, note, testId, lead }: FigureProps) {
  return (
    <Card size="small" className={lead ? 'figure lead' : 'figure'}>
      <div className="figure-label">{label}</div>
      <div className="figure-value" data-testid={testId}>
        {value}
      </div>
      {note ? <div className="figure-note">{note}</div> : null}
    </Card>
  );
}

/** The day's headline numbers, named as DOMAIN.md defines them. */
export function DayFigures({ day }: { day: DaySummary }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <div className="figures">
      <Figure lead label={t('reports.net')} value={money(day.net)} note={t('reports.netNote')} testId="report-net" />
      <Figure label={t('reports.orders')} value={day.orders} testId="report-orders" />
      <Figure label={t('reports.averageTicket')} value={money(day.averageTicket)} testId="report-average" />
      <Figure label={t('reports.items')} value={day.items} testId="report-items" />
      <Figure label={t('reports.gross')} value={money(day.gross)} testId="report-gross" />
      <Figure
        label={t('reports.discounts')}
        value={day.discounts > 0 ? `−${money(day.discounts)}` : money(day.discounts)}
        testId="report-discounts"
      />
      <Figure
        label={t('reports.refunds')}
        value={
          <span className={day.refunds.amount > 0 ? 'refund-amount' : undefined}>{money(day.refunds.amount)}</span>
        }
        note={t('reports.refundCount', { count: day.refunds.count })}
        testId="report-refunds"
      />
      <Figure label={t('reports.tax')} value={money(day.tax)} note={t('reports.taxNote')} testId="report-tax" />
    </div>
  );
}
