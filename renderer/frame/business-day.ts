/** "2025-11-23" → "2025年11月23日 周日" or "Sun, Nov 23, 2025": a date, not an instant. */
export function formatBusinessDay(day: string, locale: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(Date.UTC(year, month - 1, date));
}
