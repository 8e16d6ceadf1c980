import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBusinessDay } from '../../renderer/frame/business-day';
import { dateTimeText, formatDate, formatDateTime, formatDay, formatTime } from '../../shared/time-format';

const root = join(import.meta.dirname, '../..');
// 14:22:59 in Shanghai, 06:22 in UTC: a format that ignored the store's zone would show the other.
const at = Date.parse('2026-12-05T06:22:59Z');
const zone = 'Asia/Shanghai';

describe('one time and date format per language', () => {
  it('writes times in 24 hours and dates the same way everywhere, in the store zone', () => {
    expect(formatTime(at, 'en', zone)).toBe('14:22');
    expect(formatTime(at, 'zh-CN', zone)).toBe('14:22');
    expect(formatDate(at, 'en', zone)).toBe('Dec 5, 2026');
    expect(formatDate(at, 'zh-CN', zone)).toBe('2026年12月5日');
    expect(formatDateTime(at, 'en', zone)).toBe('Dec 5, 2026, 14:22');
    expect(formatDateTime(at, 'zh-CN', zone)).toBe('2026年12月5日 14:22');
    expect(formatTime(at, 'en', 'America/New_York')).toBe('01:22');
  });

  it('writes a business day as it writes the date of a moment on that day', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(formatDay('2026-12-05', locale)).toBe(formatDate(at, locale, zone));
      expect(formatBusinessDay('2026-12-05', locale)).toBe(formatDate(at, locale, zone));
    }
    expect(dateTimeText(at, zone)).toEqual({ en: 'Dec 5, 2026, 14:22', 'zh-CN': '2026年12月5日 14:22' });
  });

  it('is the only place that formats a moment for people', () => {
    // Not display: the wall clock for the business day, a coupon's weekday, the computer's zone as
    // the default for a new store.
    const computing = new Map([
      ['shared/business-day.ts', /DateTimeFormat\('en-US'/],
      ['electron/core/vouchers/coupon-context.ts', /DateTimeFormat\('en-US'/],
      ['renderer/screens/auth/store-options.ts', /DateTimeFormat\(\)\.resolvedOptions\(\)\.timeZone/],
    ]);
    const formatting = /Intl\.DateTimeFormat|toLocale(Date|Time)?String|\bdayjs\b|date-fns|moment\(/;
    const offenders: string[] = [];
    for (const folder of ['shared', 'electron', 'renderer']) {
      for (const file of sourceFiles(join(root, folder))) {
        const path = relative(root, file);
        if (path === 'shared/time-format.ts' || computing.has(path)) continue;
        if (formatting.test(readFileSync(file, 'utf8'))) offenders.push(path);
      }
    }
    expect(offenders).toEqual([]);
    for (const [path, use] of computing) expect(readFileSync(join(root, path), 'utf8')).toMatch(use);
  });
});

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
