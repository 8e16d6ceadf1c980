import { keepPreviousData } from '@tanstack/react-query';
import { Card, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import { type LiabilityDay, type LiabilityFigure, liabilityMovements } from '../../../shared/members/points-liability';
import type { Money } from '../../../shared/money';
import { useApiQuery } from '../../api/use-api';
import { useMoney } from '../../hooks/use-money';
import { type BreakdownColumn, BreakdownTable } from './breakdown-table';
import { requestedDays } from './period-picker';
import { SourceLine } from './platform-source-line';

type Unit = 'points' | 'value';

/**
 * The points liability per business day (docs/reports.md, "Points liability"), from the platform:
 * the brand's outstanding points with the day's movements, in points or at this store's value, and
 * the part this store's sales moved. Offline, as last fetched with when, like the member figures.
 */
export function PointsLiabilityCard({ request }: { request: ReportRequest }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [unit, setUnit] = useState<Unit>('points');
  const query = useApiQuery('reports.pointsLiability', request, { placeholderData: keepPreviousData });
  const view = query.data;
  const shown = view ? (view.status === 'fetched' ? view : view.last) : null;
  const days = requestedDays(request);
  const report = shown?.report;
  const valued = unit === 'value' && report?.rate ? 'value' : 'points';
  const figure = (f: LiabilityFigure) => (valued === 'value' ? f.value : f.points);
  const kind = valued === 'value' ? 'signedMoney' : 'count';
  const columns: BreakdownColumn<LiabilityDay>[] = [
    { key: 'day', title: t('pointsLiability.column.day'), kind: 'text', value: (d) => d.day },
    {
      key: 'opening',
      title: t('pointsLiability.column.opening'),
      kind: valued === 'value' ? 'money' : 'count',
      value: (d) => figure(d.opening),
    },
    ...liabilityMovements.map(
      (movement): BreakdownColumn<LiabilityDay> => ({
        key: movement,
        title: t(`pointsLiability.column.${movement}`),
        kind,
        value: (d) => figure(d[movement]),
      }),
    ),
    ...(valued === 'value'
      ? [
          {
            key: 'rounding',
            title: t('pointsLiability.column.rounding'),
            kind: 'signedMoney',
            value: (d: LiabilityDay) => d.rounding,
          } satisfies BreakdownColumn<LiabilityDay>,
        ]
      : []),
    {
      key: 'closing',
      title: t('pointsLiability.column.closing'),
      kind: valued === 'value' ? 'money' : 'count',
      value: (d) => figure(d.closing),
    },
  ];
  const hereColumns: BreakdownColumn<LiabilityDay>[] = [
    { key: 'day', title: t('pointsLiability.column.day'), kind: 'text', value: (d) => d.day },
    ...(['earned', 'spent', 'reversed'] as const).flatMap((movement): BreakdownColumn<LiabilityDay>[] => [
      {
        key: movement,
        title: t(`pointsLiability.column.${movement}`),
        kind: 'count',
        value: (d) => d.here[movement].points,
      },
      {
        key: `${movement}-value`,
        title: t(`pointsLiability.column.${movement}Value`),
        kind: 'signedMoney',
        value: (d) => d.here[movement].value,
      },
    ]),
  ];
  const rate = report?.rate
    ? t('pointsLiability.rate', { points: report.rate.blockPoints, value: money(report.rate.blockFen as Money) })
    : t('pointsLiability.noRate');
  return (
    <>
      <Card
        size="small"
        title={t('pointsLiability.title')}
        className="report-card"
        data-testid="points-liability-card"
        extra={
          <span className="toolbar">
            {query.isFetching ? <Spin size="small" /> : null}
            <Segmented<Unit>
              size="small"
              value={valued}
              onChange={setUnit}
              disabled={!report?.rate}
              options={[
                { value: 'points', label: t('pointsLiability.inPoints') },
                { value: 'value', label: t('pointsLiability.atValue') },
              ]}
              data-testid="points-liability-unit"
            />
          </span>
        }
      >
        {view ? (
          <SourceLine view={view} onRetry={() => query.refetch()} words="pointsLiability" testId="points-liability" />
        ) : null}
        {report ? (
          <BreakdownTable
            rows={report.days}
            rowKey={(d) => d.day}
            columns={columns}
            fileName={t('pointsLiability.file', days)}
            note={t('pointsLiability.note', { rate })}
            testId="points-liability"
          />
        ) : query.isPending ? (
          <Spin className="drawer-spin" />
        ) : null}
      </Card>
      {report ? (
        <Card size="small" title={t('pointsLiability.here')} className="report-card" data-testid="points-here-card">
          <BreakdownTable
            rows={report.days}
            rowKey={(d) => d.day}
            columns={hereColumns}
            fileName={t('pointsLiability.fileHere', days)}
            note={t('pointsLiability.hereNote')}
            testId="points-here"
          />
        </Card>
      ) : null}
    </>
  );
}
