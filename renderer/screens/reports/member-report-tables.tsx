import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { type MemberReport, recencyBandNames, valueSegments } from '../../../shared/members/segment-wire';
import { type BreakdownColumn, BreakdownTable } from './breakdown-table';

type GridRow = { key: string; label: string; cells: Record<string, { members: number; sales: number }> };
type CohortRow = MemberReport['cohorts'][number];

/** A share of a cohort in basis points; null for a month still to come, or a cohort of nobody. */
const retainedBp = (row: CohortRow, k: number): number | null => {
  const kept = row.retained[k];
  if (kept === null || row.members === 0) return null;
  return Math.round((kept * 10_000) / row.members);
};

/**
 * The value × recency grid (a row per value segment, members and sales under each band, and the
 * members not scored yet) and the cohorts' retention, each exported like every report table.
 */
export function MemberReportTables({ report, file }: { report: MemberReport; file(what: string): string }) {
  const { t } = useTranslation();
  const { bands, storeType, chosen } = report.settings;
  const rows: GridRow[] = valueSegments.map((value) => ({
    key: value,
    label: t(`memberReport.value.${value}`),
    cells: Object.fromEntries(report.grid.filter((cell) => cell.value === value).map((cell) => [cell.band, cell])),
  }));
  const unscored = report.unscored.members > 0;
  if (unscored) {
    // Not scored: no value segment yet, so its members and sales stand in a row of their own.
    rows.push({
      key: 'unscored',
      label: t('memberReport.unscored'),
      cells: { active: report.unscored },
    });
  }
  const gridColumns: BreakdownColumn<GridRow>[] = [
    { key: 'value', title: t('memberReport.column.value'), kind: 'text', value: (r) => r.label },
    ...recencyBandNames.flatMap((band): BreakdownColumn<GridRow>[] => {
      const name = t(`memberReport.band.${band}`);
      return [
        {
          key: `${band}-members`,
          title: t('memberReport.column.members', { band: name }),
          kind: 'count',
          value: (r) => (r.key === 'unscored' && band !== 'active' ? null : (r.cells[band]?.members ?? 0)),
        },
        {
          key: `${band}-sales`,
          title: t('memberReport.column.sales', { band: name }),
          kind: 'money',
          value: (r) => (r.key === 'unscored' && band !== 'active' ? null : (r.cells[band]?.sales ?? 0)),
        },
      ];
    }),
  ];
  const cohortColumns: BreakdownColumn<CohortRow>[] = [
    { key: 'month', title: t('memberReport.column.month'), kind: 'text', value: (r) => r.month },
    { key: 'members', title: t('memberReport.column.cohort'), kind: 'count', value: (r) => r.members },
    ...[0, 1, 2, 3, 4, 5].map(
      (k): BreakdownColumn<CohortRow> => ({
        key: `m${k + 1}`,
        title: t('memberReport.column.retained', { k: k + 1 }),
        kind: 'percent',
        value: (r) => retainedBp(r, k),
      }),
    ),
  ];
  const type = chosen ? t(`memberReport.storeType.${storeType}`) : t('memberReport.storeType.unset');
  return (
    <>
      <Card size="small" title={t('memberReport.grid')} className="report-card" data-testid="member-grid-card">
        <BreakdownTable
          rows={rows}
          rowKey={(r) => r.key}
          columns={gridColumns}
          fileName={file(t('memberReport.grid'))}
          note={t('memberReport.gridNote', {
            active: bands.activeDays,
            sleeping: bands.sleepingDays,
            churned: bands.churnedDays,
            type,
          })}
          testId="member-grid"
        />
      </Card>
      <Card size="small" title={t('memberReport.cohorts')} className="report-card" data-testid="member-cohorts-card">
        <BreakdownTable
          rows={report.cohorts}
          rowKey={(r) => r.month}
          columns={cohortColumns}
          fileName={file(t('memberReport.cohorts'))}
          note={t('memberReport.cohortsNote')}
          emptyText={t('memberReport.noCohorts')}
          testId="member-cohorts"
        />
      </Card>
    </>
  );
}
