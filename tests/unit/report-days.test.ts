import { describe, expect, it } from 'vitest';
import { requestReadsAny, requestSpans } from '../../shared/reports/report-days';

/** Which cached reports a sale or refund on some days makes stale (renderer/app/event-bridge.tsx). */
describe('the days a report request reads', () => {
  it('is its period, and the earlier one when compared', () => {
    expect(requestSpans({ period: 'week', firstDay: '2026-12-02', comparison: 'previous_period' })).toEqual([
      { from: '2026-11-30', to: '2026-12-06', untilMinute: null },
      { from: '2026-11-23', to: '2026-11-29', untilMinute: null },
    ]);
    expect(requestSpans({ period: 'range', firstDay: '2026-11-03', lastDay: '2026-11-05', comparison: null })).toEqual([
      { from: '2026-11-03', to: '2026-11-05', untilMinute: null },
    ]);
  });

  it('is touched by a change on any of those days, and by nothing else', () => {
    const today = { period: 'day', firstDay: '2026-12-07', comparison: 'same_weekday_last_week' } as const;
    expect(requestReadsAny(today, ['2026-12-07'])).toBe(true);
    // A refund today of last Monday's sale changes both sides of today's report.
    expect(requestReadsAny(today, ['2026-11-30'])).toBe(true);
    expect(requestReadsAny(today, ['2026-12-06', '2026-12-01'])).toBe(false);
    const month = { period: 'month', firstDay: '2026-11-01', comparison: null } as const;
    expect(requestReadsAny(month, ['2026-12-07'])).toBe(false);
    expect(requestReadsAny(month, ['2026-12-07', '2026-11-30'])).toBe(true);
  });
});
