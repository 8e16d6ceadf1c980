import type { Locale } from '../../shared/locale';
import { formatDay } from '../../shared/time-format';

/** "2025-11-23" → "Nov 23, 2025" or "2025年11月23日": a date, not an instant, written like every date. */
export function formatBusinessDay(day: string, locale: Locale): string {
  return formatDay(day, locale);
}
