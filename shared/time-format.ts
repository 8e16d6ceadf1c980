import type { Text } from './errors';
import type { Locale } from './locale';

/**
 * The one way the app writes a time or a date, per language, in the store's time zone (never the
 * computer's): every screen, receipt, report and message goes through here, so 14:22 on the order
 * list is 14:22 on the receipt and in the audit log.
 *   en:    "14:22" · "Dec 5, 2026" · "Dec 5, 2026, 14:22"
 *   zh-CN: "14:22" · "2026年12月5日" · "2026年12月5日 14:22"
 */
const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const date: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };

const options = {
  time,
  date,
  dateTime: { ...date, ...time },
  monthDay: { month: 'short', day: 'numeric' },
  weekday: { weekday: 'long' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: keyof typeof options, locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options[kind], timeZone });
    formats.set(key, format);
  }
  return format;
}

/** "14:22": a moment within a day everybody knows from context (the order list of one day). */
export function formatTime(epochMs: number, locale: Locale, timeZone: string): string {
  return formatter('time', locale, timeZone).format(epochMs);
}

/** "Dec 5, 2026" / "2026年12月5日": the store's calendar day of a moment. */
export function formatDate(epochMs: number, locale: Locale, timeZone: string): string {
  return formatter('date', locale, timeZone).format(epochMs);
}

/** "Dec 5, 2026, 14:22" / "2026年12月5日 14:22". */
export function formatDateTime(epochMs: number, locale: Locale, timeZone: string): string {
  return formatter('dateTime', locale, timeZone).format(epochMs);
}

/** A business day ("2026-12-05") is a date, not an instant: written as formatDate writes one. */
export function formatDay(day: string, locale: Locale): string {
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  if (!year || !month || !dayOfMonth) return day;
  return formatDate(Date.UTC(year, month - 1, dayOfMonth), locale, 'UTC');
}

/** "Dec 5" / "12月5日": a business day where the year goes without saying (a chart's axis). */
export function formatMonthDay(day: string, locale: Locale): string {
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  return formatter('monthDay', locale, 'UTC').format(Date.UTC(year, month - 1, dayOfMonth));
}

/** "Monday" / "星期一" for an ISO weekday, 1 (Monday) to 7 (Sunday). */
export function weekdayName(isoWeekday: number, locale: Locale): string {
  // 30 November 2026 is a Monday.
  return formatter('weekday', locale, 'UTC').format(Date.UTC(2026, 10, 29 + isoWeekday));
}

/** A moment in both languages, for a message kept and read later by whoever opens it. */
export function dateTimeText(epochMs: number, timeZone: string): Text {
  return { en: formatDateTime(epochMs, 'en', timeZone), 'zh-CN': formatDateTime(epochMs, 'zh-CN', timeZone) };
}

/**
 * This computer's own time zone: only where there is no store to take one from (the head-office
 * console of an install with no store).
 */
export function computerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
