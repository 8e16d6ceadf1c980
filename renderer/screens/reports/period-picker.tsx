import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Select, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import { addDays, type Comparison, daysIn, type PeriodKind, periodOf } from '../../../shared/reports/periods';
import { useKeyActions } from '../../hooks/use-key-actions';
import { dayShortcuts } from '../orders/business-day-picker';
import './reports.css';

const kinds: PeriodKind[] = ['day', 'week', 'month', 'range'];
const comparisons: (Comparison | 'none')[] = ['previous_period', 'same_weekday_last_week', 'year_on_year', 'none'];
const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** The first and last day of what a request asks for, as days. */
export function requestedDays(request: ReportRequest): { from: string; to: string } {
  if (request.period === 'range') return { from: request.firstDay, to: request.lastDay ?? request.firstDay };
  return periodOf(request.period, request.firstDay);
}

/** The same kind of period, `by` periods later (or earlier): a month at a time by calendar month. */
export function stepped(request: ReportRequest, by: number): ReportRequest {
  const { from, to } = requestedDays(request);
  switch (request.period) {
    case 'day':
      return { ...request, firstDay: addDays(from, by) };
    case 'week':
      return { ...request, firstDay: addDays(from, 7 * by) };
    case 'month': {
      const [year, month] = from.split('-').map(Number);
      const first = new Date(Date.UTC(year, month - 1 + by, 1)).toISOString().slice(0, 10);
      return { ...request, firstDay: first };
    }
    case 'range': {
      const length = daysIn({ from, to });
      return { ...request, firstDay: addDays(from, length * by), lastDay: addDays(to, length * by) };
    }
  }
}

type PeriodPickerProps = {
  value: ReportRequest;
  onChange(next: ReportRequest): void;
  /** False for a report that compares nothing (Members): no comparison to choose. */
  compares?: boolean;
  /**
   * The store's business day: no later day can be picked, and the arrows and day keys step up to it.
   * Head office has no store and so no store calendar: its days are only typed or picked.
   */
  today: string | null;
  /** What the picker's test ids start with: `report` in a store's reports, `compare` at head office. */
  testId?: string;
  className?: string;
};

/** Day, week (Monday to Sunday), month or any range of business days, stepped or typed, and what it is compared with. */
export function PeriodPicker({
  value,
  onChange,
  compares = true,
  today,
  testId = 'report',
  className = 'period-picker',
}: PeriodPickerProps) {
  const { t } = useTranslation();
  const { from, to } = requestedDays(value);
  const tooLate = (day: string) => today !== null && day > today;
  const go = (by: number) => {
    const next = stepped(value, by);
    if (by > 0 && tooLate(requestedDays(next).from)) return;
    onChange(next);
  };
  useKeyActions(
    {
      [dayShortcuts.previous]: () => go(-1),
      [dayShortcuts.next]: () => go(1),
      [dayShortcuts.today]: () => {
        if (today) onChange({ ...value, firstDay: today, lastDay: value.period === 'range' ? today : undefined });
      },
    },
    0,
    today !== null,
  );

  const changeKind = (period: PeriodKind) =>
    onChange(
      period === 'range'
        ? { ...value, period, firstDay: from, lastDay: to }
        : { ...value, period, firstDay: from, lastDay: undefined },
    );

  const days = (
    <>
      <Input
        type="date"
        className="day-picker-input"
        value={value.period === 'range' ? from : value.firstDay}
        max={today ?? undefined}
        aria-label={value.period === 'range' ? t('salesReport.firstDay') : t('salesReport.pickDay')}
        data-testid={`${testId}-first-day`}
        onChange={(event) => {
          const day = event.target.value;
          if (!isDay(day) || tooLate(day)) return;
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
          max={today ?? undefined}
          aria-label={t('salesReport.lastDay')}
          data-testid={`${testId}-last-day`}
          onChange={(event) => {
            const day = event.target.value;
            if (!isDay(day) || tooLate(day)) return;
            // A last day before the first moves the first with it, as a first day after the last does.
            onChange(day < from ? { ...value, firstDay: day, lastDay: day } : { ...value, lastDay: day });
          }}
        />
      ) : null}
    </>
  );

  return (
    <Space wrap className={className} data-testid={`${testId}-period`}>
      <Segmented<PeriodKind>
        value={value.period}
        onChange={changeKind}
        options={kinds.map((kind) => ({ value: kind, label: t(`salesReport.periodKind.${kind}`) }))}
        data-testid={`${testId}-period-kind`}
      />
      {today === null ? (
        days
      ) : (
        <Space.Compact>
          <Tooltip title={`${t('salesReport.earlier')} (${dayShortcuts.previous})`}>
            <Button icon={<LeftOutlined />} aria-label={t('salesReport.earlier')} onClick={() => go(-1)} />
          </Tooltip>
          {days}
          <Tooltip title={`${t('salesReport.later')} (${dayShortcuts.next})`}>
            <Button
              icon={<RightOutlined />}
              aria-label={t('salesReport.later')}
              disabled={to >= today}
              onClick={() => go(1)}
            />
          </Tooltip>
        </Space.Compact>
      )}
      {compares ? (
        <Select<Comparison | 'none'>
          className="report-comparison"
          value={value.comparison ?? 'none'}
          aria-label={t('salesReport.compareLabel')}
          onChange={(choice) => onChange({ ...value, comparison: choice === 'none' ? null : choice })}
          options={comparisons.map((choice) => ({ value: choice, label: t(`salesReport.compare.${choice}`) }))}
          data-testid={`${testId}-comparison`}
        />
      ) : null}
    </Space>
  );
}
