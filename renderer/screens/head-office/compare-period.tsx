import { Input, Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import type { Comparison, PeriodKind } from '../../../shared/reports/periods';
import { requestedDays } from '../reports/period-picker';

const kinds: PeriodKind[] = ['day', 'week', 'month', 'range'];
const comparisons: (Comparison | 'none')[] = ['previous_period', 'same_weekday_last_week', 'year_on_year', 'none'];
const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/**
 * The store reports' periods and comparisons, for head office: no store of its own, so no store
 * calendar to step through; the days are typed or picked.
 */
export function ComparePeriod({ value, onChange }: { value: ReportRequest; onChange(next: ReportRequest): void }) {
  const { t } = useTranslation();
  const { from, to } = requestedDays(value);
  const changeKind = (period: PeriodKind) =>
    onChange({ ...value, period, firstDay: from, lastDay: period === 'range' ? to : undefined });
  return (
    <Space wrap className="toolbar" data-testid="compare-period">
      <Segmented<PeriodKind>
        value={value.period}
        onChange={changeKind}
        options={kinds.map((kind) => ({ value: kind, label: t(`salesReport.periodKind.${kind}`) }))}
        data-testid="compare-period-kind"
      />
      <Input
        type="date"
        className="day-picker-input"
        value={value.period === 'range' ? from : value.firstDay}
        aria-label={t('headOffice.firstDay')}
        data-testid="compare-first-day"
        onChange={(event) => {
          const day = event.target.value;
          if (!isDay(day)) return;
          onChange(
            value.period === 'range' && day > to
              ? { ...value, firstDay: day, lastDay: day }
              : { ...value, firstDay: day },
          );
        }}
      />
      {value.period === 'range' ? (
        <Input
          type="date"
          className="day-picker-input"
          value={to}
          min={from}
          aria-label={t('headOffice.lastDay')}
          data-testid="compare-last-day"
          onChange={(event) => {
            const day = event.target.value;
            if (!isDay(day)) return;
            onChange(day < from ? { ...value, firstDay: day, lastDay: day } : { ...value, lastDay: day });
          }}
        />
      ) : null}
      <Select<Comparison | 'none'>
        className="report-comparison"
        value={value.comparison ?? 'none'}
        aria-label={t('salesReport.compareLabel')}
        onChange={(choice) => onChange({ ...value, comparison: choice === 'none' ? null : choice })}
        options={comparisons.map((choice) => ({ value: choice, label: t(`salesReport.compare.${choice}`) }))}
        data-testid="compare-comparison"
      />
    </Space>
  );
}
