/** Currencies a Chinese O2O merchant is likely to meet; the core accepts any ISO 4217 code. */
const currencies = ['CNY', 'HKD', 'MOP', 'TWD', 'SGD', 'MYR', 'THB', 'JPY', 'KRW', 'USD', 'EUR', 'GBP', 'AUD', 'CAD'];

export function currencyOptions(locale: string) {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  return currencies.map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';
}

export function timeZoneOptions() {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add(systemTimeZone());
  return [...zones].sort().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}

export const cutoffHours = Array.from({ length: 13 }, (_, hour) => hour);
