import type { StoreSegmentInput, StoreSegmentSettings } from '../../shared/members/segment-wire';
import { type RecencyBands, recencyBandsInOrder, recencyPresets, type StoreType } from '../../shared/members/segments';
import { isUuid } from '../data/stores';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { reserveMemberVersions } from './member-versions';

type SettingsRow = { store_type: StoreType; active_days: number; sleeping_days: number; churned_days: number };

/** Until the operator says what kind of store it is: the restaurant preset (as the tills used). */
const unchosen: StoreSegmentSettings = { storeType: 'restaurant', bands: recencyPresets.restaurant, chosen: false };

function toSettings(row: SettingsRow): StoreSegmentSettings {
  return {
    storeType: row.store_type,
    bands: { activeDays: row.active_days, sleepingDays: row.sleeping_days, churnedDays: row.churned_days },
    chosen: true,
  };
}

export async function storeSegmentSettings(db: Queryable, storeId: string): Promise<StoreSegmentSettings> {
  const [row] = await db.query<SettingsRow>(
    'SELECT store_type, active_days, sleeping_days, churned_days FROM store_segment_settings WHERE store_id = $1',
    [storeId],
  );
  return row ? toSettings(row) : unchosen;
}

/**
 * The operator sets a store's type and, if the preset does not fit, its own bands. The store's
 * `member_policy` stream moves, so its tills' cashier hints use the new bands from the next pull.
 */
export async function setStoreSegmentSettings(
  sql: Sql,
  storeId: string,
  input: StoreSegmentInput,
  now: number,
): Promise<StoreSegmentSettings> {
  const bands: RecencyBands = input.bands ?? recencyPresets[input.storeType];
  if (!recencyBandsInOrder(bands)) throw new ApiError(400, 'recency_bands_order');
  if (!isUuid(storeId)) throw new ApiError(404, 'store_unknown');
  return sql.transaction(async (tx) => {
    const [store] = await tx.query('SELECT id FROM stores WHERE id = $1 FOR KEY SHARE', [storeId]);
    if (!store) throw new ApiError(404, 'store_unknown');
    const version = await reserveMemberVersions(tx, 1);
    const [row] = await tx.query<SettingsRow>(
      `INSERT INTO store_segment_settings (store_id, store_type, active_days, sleeping_days, churned_days, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (store_id) DO UPDATE SET store_type = excluded.store_type, active_days = excluded.active_days,
         sleeping_days = excluded.sleeping_days, churned_days = excluded.churned_days,
         updated_at = excluded.updated_at, version = excluded.version
       RETURNING store_type, active_days, sleeping_days, churned_days`,
      [storeId, input.storeType, bands.activeDays, bands.sleepingDays, bands.churnedDays, now, version],
    );
    return toSettings(row);
  });
}
