import { describe, expect, it } from 'vitest';
import { businessDayOf, isTimeZone } from '../../shared/business-day';

describe('the business day', () => {
  it('counts a sale after midnight but before the cut-off for the previous day', () => {
    const at0130Shanghai = Date.parse('2026-11-23T01:30:00+08:00');
    expect(businessDayOf(at0130Shanghai, 'Asia/Shanghai', 4)).toBe('2026-11-22');
    expect(businessDayOf(Date.parse('2026-11-23T04:00:00+08:00'), 'Asia/Shanghai', 4)).toBe('2026-11-23');
    expect(businessDayOf(at0130Shanghai, 'Asia/Shanghai', 0)).toBe('2026-11-23');
  });

  it('follows the store’s zone, not the machine’s', () => {
    const instant = Date.parse('2026-11-22T20:00:00Z');
    expect(businessDayOf(instant, 'Asia/Shanghai', 4)).toBe('2026-11-23');
    expect(businessDayOf(instant, 'America/New_York', 4)).toBe('2026-11-22');
  });

  it('stays right across a DST change', () => {
    // New York springs forward on 2026-03-08: 07:30Z is 03:30 EDT, still before the 04:00 cut-off.
    expect(businessDayOf(Date.parse('2026-03-08T07:30:00Z'), 'America/New_York', 4)).toBe('2026-03-07');
    expect(businessDayOf(Date.parse('2026-03-08T08:30:00Z'), 'America/New_York', 4)).toBe('2026-03-08');
  });

  it('knows real time zones from made-up ones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
