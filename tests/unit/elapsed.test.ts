import { describe, expect, it } from 'vitest';
import { elapsedParts, formatAgo, formatElapsed } from '../../renderer/frame/elapsed';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

describe('ages shown in the status bar', () => {
  it('uses the largest whole unit, rounding down', () => {
    expect(elapsedParts(45 * second)).toEqual({ value: 45, unit: 'second' });
    expect(elapsedParts(12 * minute + 59 * second)).toEqual({ value: 12, unit: 'minute' });
    expect(elapsedParts(59 * minute + 59 * second)).toEqual({ value: 59, unit: 'minute' });
    expect(elapsedParts(hour)).toEqual({ value: 1, unit: 'hour' });
    expect(elapsedParts(23 * hour + 59 * minute)).toEqual({ value: 23, unit: 'hour' });
    expect(elapsedParts(50 * hour)).toEqual({ value: 2, unit: 'day' });
  });

  it('counts a time ahead of this clock (another device’s) as no time, never negative', () => {
    expect(elapsedParts(-5 * minute)).toEqual({ value: 0, unit: 'second' });
  });

  it('reads naturally in both languages', () => {
    expect(formatElapsed(12 * minute, 'en')).toBe('12 min');
    expect(formatElapsed(12 * minute, 'zh-CN')).toBe('12分钟');
    expect(formatElapsed(3 * hour + 5 * minute, 'zh-CN')).toBe('3小时');
    expect(formatAgo(12 * minute, 'en', 'just now')).toBe('12 minutes ago');
    expect(formatAgo(12 * minute, 'zh-CN', '刚刚')).toBe('12分钟前');
  });

  it('says "just now" for the last few seconds, and never "yesterday" for a day and a bit', () => {
    expect(formatAgo(3 * second, 'en', 'just now')).toBe('just now');
    expect(formatAgo(-hour, 'zh-CN', '刚刚')).toBe('刚刚');
    expect(formatAgo(30 * hour, 'en', 'just now')).toBe('1 day ago');
  });
});
