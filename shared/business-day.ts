/**
 * The business day an instant belongs to: the store's local date of (local time − cut-off hours),
 * so a sale at 01:30 with a 04:00 cut-off counts for the previous day. Computed from wall-clock
 * parts in the store's zone, which keeps it right across DST changes.
 */
export function businessDayOf(epochMs: number, timeZone: string, cutoffHour: number): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
  }).formatToParts(epochMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'));
  return new Date(wallClock - cutoffHour * 3_600_000).toISOString().slice(0, 10);
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}
