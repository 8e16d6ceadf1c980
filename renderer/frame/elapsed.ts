export type ElapsedUnit = 'second' | 'minute' | 'hour' | 'day';
export type Elapsed = { value: number; unit: ElapsedUnit };

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * How long ago, in the largest whole unit that is at least one: "12 min" reads faster at a glance
 * than "0.2 h", and a cashier never needs more precision than that. A clock running behind the
 * record (a time from another device) counts as no time at all, never as a negative age.
 */
export function elapsedParts(ms: number): Elapsed {
  const at = Math.max(0, ms);
  if (at < minute) return { value: Math.floor(at / second), unit: 'second' };
  if (at < hour) return { value: Math.floor(at / minute), unit: 'minute' };
  if (at < day) return { value: Math.floor(at / hour), unit: 'hour' };
  return { value: Math.floor(at / day), unit: 'day' };
}

const unitFormats = new Map<string, Intl.NumberFormat>();

/** "12 min" / "12分钟": an age on its own, as the status bar shows the oldest unsent record's. */
export function formatElapsed(ms: number, locale: string): string {
  const { value, unit } = elapsedParts(ms);
  const key = `${locale}|${unit}`;
  let format = unitFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' });
    unitFormats.set(key, format);
  }
  return format.format(value);
}

/** Below this an age in seconds is noise: the status refreshes every ten seconds anyway. */
const justNowMs = 10 * second;

/** "12 minutes ago" / "12分钟前", or `justNow` for the last few seconds. */
export function formatAgo(ms: number, locale: string, justNow: string): string {
  if (ms < justNowMs) return justNow;
  const { value, unit } = elapsedParts(ms);
  // Always numeric: "yesterday" would call 47 hours ago and 25 hours ago the same thing.
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(-value, unit);
}
