import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStoreInfo } from '../../app/store-provider';
import { formatBusinessDay } from '../../frame/business-day';
import { useKeyActions } from '../../hooks/use-key-actions';
import { useLocale } from '../../i18n/use-locale';
import './orders.css';

export const dayShortcuts = { previous: 'Alt+,', next: 'Alt+.', today: 'Alt+T' } as const;

/** "2025-11-23" moved by whole days on the calendar, never through a time zone. */
export function shiftDay(day: string, by: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + by)).toISOString().slice(0, 10);
}

type BusinessDayPickerProps = { value: string; onChange(day: string): void; testId?: string };

/**
 * A business day, stepped a day at a time or typed; the store's current day is the latest there is.
 * The browser's own date field keeps this free of a date library.
 */
export function BusinessDayPicker({ value, onChange, testId }: BusinessDayPickerProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const store = useStoreInfo();
  const today = store.businessDay;
  const atToday = value >= today;
  const go = (day: string) => onChange(day > today ? today : day);

  useKeyActions({
    [dayShortcuts.previous]: () => go(shiftDay(value, -1)),
    [dayShortcuts.next]: () => go(shiftDay(value, 1)),
    [dayShortcuts.today]: () => go(today),
  });

  return (
    <Space.Compact className="day-picker" data-testid={testId}>
      <Tooltip title={`${t('orders.day.previous')} (${dayShortcuts.previous})`}>
        <Button icon={<LeftOutlined />} aria-label={t('orders.day.previous')} onClick={() => go(shiftDay(value, -1))} />
      </Tooltip>
      <Input
        type="date"
        className="day-picker-input"
        value={value}
        max={today}
        aria-label={t('orders.day.label')}
        title={formatBusinessDay(value, locale)}
        onChange={(event) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) go(event.target.value);
        }}
      />
      <Tooltip title={`${t('orders.day.next')} (${dayShortcuts.next})`}>
        <Button
          icon={<RightOutlined />}
          aria-label={t('orders.day.next')}
          disabled={atToday}
          onClick={() => go(shiftDay(value, 1))}
        />
      </Tooltip>
      <Button disabled={atToday} onClick={() => go(today)}>
        {t('orders.day.today')} <kbd>{dayShortcuts.today}</kbd>
      </Button>
    </Space.Compact>
  );
}
