import type { Database } from 'better-sqlite3';
import { businessDayOf } from '../../../shared/business-day';
import type { StoreInfo } from '../../../shared/contract/store';
import { AppError } from '../../../shared/errors';
import type { StoreId } from '../../../shared/ids';
import { currencyExponent } from '../../../shared/money';
import { readSettings } from '../../../shared/store-settings';
import { namedStatements } from '../db/open-database';

type StoreRow = {
  id: StoreId;
  name: string;
  time_zone: string;
  currency: string;
  day_cutoff_hour: number;
  demo: number;
  settings: string;
};

export const storeStatements = namedStatements({
  get: 'SELECT * FROM store WHERE singleton = 1',
  insert: `INSERT INTO store (id, name, time_zone, currency, day_cutoff_hour, demo, created_at, updated_at)
           VALUES (@id, @name, @timeZone, @currency, @dayCutoffHour, @demo, @now, @now)`,
  update: `UPDATE store SET name = @name, time_zone = @timeZone, day_cutoff_hour = @dayCutoffHour,
             updated_at = @now WHERE singleton = 1`,
  updateSettings: 'UPDATE store SET settings = @settings, updated_at = @now WHERE singleton = 1',
  getMeta: 'SELECT value FROM meta WHERE key = ?',
  setMeta: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
});

export function readStore(db: Database, now: number): StoreInfo | null {
  const row = storeStatements(db).get.get() as StoreRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    currency: row.currency,
    currencyExponent: currencyExponent(row.currency),
    dayCutoffHour: row.day_cutoff_hour,
    demo: row.demo === 1,
    businessDay: businessDayOf(now, row.time_zone, row.day_cutoff_hour),
    deviceCode: readMeta(db, 'device_code') ?? defaultDeviceCode,
    settings: readSettings(row.settings),
  };
}

/** Until someone names the tills, each prints `A-…`; a second till must be given its own code. */
export const defaultDeviceCode = 'A';

/** The store as a handler needs it; every caller of this runs after the store was set up. */
export function requireStore(db: Database, now: number): StoreInfo {
  const store = readStore(db, now);
  if (!store) throw new AppError('not_set_up');
  return store;
}

export function readMeta(db: Database, key: string): string | null {
  const row = storeStatements(db).getMeta.get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Database, key: string, value: string): void {
  storeStatements(db).setMeta.run(key, value);
}
