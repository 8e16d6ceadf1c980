import { describe, expect, it } from 'vitest';
import {
  comparedSpan,
  daysIn,
  elapsed,
  minuteOfBusinessDay,
  periodOf,
  spanEnd,
  weekdayOf,
} from '../../shared/reports/periods';

describe('report periods', () => {
  it('finds the day, the Monday-to-Sunday week and the calendar month of a day', () => {
    expect(periodOf('day', '2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-07', untilMinute: null });
    expect(weekdayOf('2026-12-07')).toBe(1);
    expect(periodOf('week', '2026-12-13')).toEqual({ from: '2026-12-07', to: '2026-12-13', untilMinute: null });
    expect(periodOf('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29', untilMinute: null });
    expect(daysIn(periodOf('month', '2026-12-31'))).toBe(31);
  });

  it('compares with the period before, the same weekday last week and 364 days back', () => {
    const day = periodOf('day', '2026-12-07');
    expect(comparedSpan(day, 'day', 'previous_period').from).toBe('2026-12-06');
    expect(comparedSpan(day, 'day', 'same_weekday_last_week').from).toBe('2026-11-30');
    const yearAgo = comparedSpan(day, 'day', 'year_on_year');
    expect(yearAgo.from).toBe('2025-12-08');
    expect(weekdayOf(yearAgo.from)).toBe(weekdayOf(day.from));
    expect(comparedSpan(periodOf('month', '2026-03-15'), 'month', 'previous_period')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
      untilMinute: null,
    });
    const range = { from: '2026-12-01', to: '2026-12-10', untilMinute: null };
    expect(comparedSpan(range, 'range', 'previous_period')).toEqual({
      from: '2026-11-21',
      to: '2026-11-30',
      untilMinute: null,
    });
  });

  it('compares a period in progress with the same elapsed part of the earlier one', () => {
    const week = periodOf('week', '2026-12-09');
    const now = elapsed(week, '2026-12-09', 870);
    expect(now).toEqual({ from: '2026-12-07', to: '2026-12-09', untilMinute: 870 });
    expect(comparedSpan(week, 'week', 'previous_period', now ?? week)).toEqual({
      from: '2026-11-30',
      to: '2026-12-02',
      untilMinute: 870,
    });
    expect(elapsed(week, '2026-12-01', 0)).toBeNull();
    expect(elapsed(week, '2026-12-20', 0)).toEqual(week);
    // The 31st of a month against a 30-day month: all of the earlier month counts.
    const march = periodOf('month', '2026-03-31');
    const sofar = elapsed(march, '2026-03-31', 600) ?? march;
    expect(comparedSpan(march, 'month', 'previous_period', sofar)).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
      untilMinute: null,
    });
  });
});

describe('where a period in progress stands', () => {
  it('counts minutes from the business day’s cut-off in the store’s zone', () => {
    // 2026-12-07 14:30 in Shanghai (UTC+8), cut-off 04:00: 10 h 30 min into the business day.
    const at = Date.UTC(2026, 11, 7, 6, 30);
    expect(minuteOfBusinessDay(at, 'Asia/Shanghai', 4)).toBe(630);
    // 01:30 the next night is still the same business day: 21 h 30 min in.
    expect(minuteOfBusinessDay(Date.UTC(2026, 11, 7, 17, 30), 'Asia/Shanghai', 4)).toBe(1_290);
  });

  it('finds the instant a cut comparison day ends, in the store’s zone and across summer time', () => {
    const span = { from: '2026-11-30', to: '2026-11-30', untilMinute: 630 };
    expect(spanEnd(span, 'Asia/Shanghai', 4)).toBe(Date.UTC(2026, 10, 30, 6, 30));
    expect(spanEnd({ ...span, untilMinute: null }, 'Asia/Shanghai', 4)).toBeNull();
    // New York moved its clocks back on 2026-11-01: 14:30 local that day is 19:30 UTC.
    const fallBack = { from: '2026-11-01', to: '2026-11-01', untilMinute: 870 };
    expect(spanEnd(fallBack, 'America/New_York', 0)).toBe(Date.UTC(2026, 10, 1, 19, 30));
    expect(spanEnd({ ...fallBack, to: '2026-10-31' }, 'America/New_York', 0)).toBe(Date.UTC(2026, 9, 31, 18, 30));
  });
});
