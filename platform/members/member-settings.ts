import { createHmac, randomBytes } from 'node:crypto';
import type { MemberPolicy } from '../../shared/members/member-wire';
import type { RecencyBands } from '../../shared/members/segments';
import { GrowthRule, TierLadder, tierFor } from '../../shared/members/tiers';
import type { Queryable } from '../db/sql';

/**
 * The brand's member settings (migration 0006): one platform is one brand until organisations
 * come (issue 16), numbered `DEFAULT_BRAND` in every member code it signs.
 */
export const DEFAULT_BRAND = 1;

/** The ladder a brand starts with: 普通会员 from 0, 银卡 from 1,000, 金卡 from 5,000 growth. */
export const defaultLadder: TierLadder = [
  { id: 1, nameZh: '普通会员', nameEn: 'Member', minGrowth: 0, benefits: [] },
  { id: 2, nameZh: '银卡会员', nameEn: 'Silver', minGrowth: 1_000, benefits: [] },
  { id: 3, nameZh: '金卡会员', nameEn: 'Gold', minGrowth: 5_000, benefits: [] },
];

/** One growth a yuan spent, and ten a visit. */
export const defaultGrowthRule: GrowthRule = { perYuan: 1, perOrder: 10 };

export type MemberSettings = { brand: number; ladder: TierLadder; growthRule: GrowthRule; lookupSecret: Buffer };

export type SettingsRow = { brand: number; ladder: unknown; growth_rule: unknown; lookup_secret: string };

let lastRead: { row: SettingsRow; settings: MemberSettings } | null = null;

/** The settings of a row; a page of a stream carries the same settings on every row, read once. */
export function settingsOf(row: SettingsRow): MemberSettings {
  if (
    lastRead?.row.lookup_secret === row.lookup_secret &&
    lastRead.row.brand === row.brand &&
    JSON.stringify(lastRead.row.ladder) === JSON.stringify(row.ladder) &&
    JSON.stringify(lastRead.row.growth_rule) === JSON.stringify(row.growth_rule)
  ) {
    return lastRead.settings;
  }
  const settings = {
    brand: row.brand,
    ladder: TierLadder.parse(row.ladder),
    growthRule: GrowthRule.parse(row.growth_rule),
    lookupSecret: Buffer.from(row.lookup_secret, 'base64url'),
  };
  lastRead = { row, settings };
  return settings;
}

/** The first start writes the settings row; a platform that has one keeps it. Caller holds the member counter. */
export async function ensureMemberSettings(tx: Queryable): Promise<void> {
  await tx.query(
    `INSERT INTO member_settings (id, brand, ladder, growth_rule, lookup_secret, version)
     SELECT 1, $1, $2, $3, $4, (SELECT version + 1 FROM member_counter WHERE id = 1)
     WHERE NOT EXISTS (SELECT 1 FROM member_settings)`,
    [
      DEFAULT_BRAND,
      JSON.stringify(defaultLadder),
      JSON.stringify(defaultGrowthRule),
      randomBytes(32).toString('base64url'),
    ],
  );
  await tx.query(
    'UPDATE member_counter SET version = GREATEST(version, (SELECT version FROM member_settings)) WHERE id = 1',
  );
}

export async function readMemberSettings(db: Queryable): Promise<MemberSettings> {
  const [row] = await db.query<SettingsRow>('SELECT brand, ladder, growth_rule, lookup_secret FROM member_settings');
  if (!row) throw new Error('the platform has no member settings');
  return settingsOf(row);
}

/**
 * A store's phone lookup key: its tills hash a typed number with it to find a cached member, so
 * the plain number is never on a till, and one store's hashes say nothing at another store.
 */
export function storeLookupKey(lookupSecret: Buffer, storeId: string): Buffer {
  return createHmac('sha256', lookupSecret).update(`member phone lookup ${storeId}`).digest();
}

export function memberPolicyFor(
  settings: MemberSettings,
  storeId: string,
  recencyBands: RecencyBands | null = null,
): MemberPolicy {
  return {
    brand: settings.brand,
    lookupKey: storeLookupKey(settings.lookupSecret, storeId).toString('base64url'),
    recencyBands,
  };
}

/**
 * The keyed hash a till finds a cached member by: HMAC-SHA256 of the 11 digits under the store's
 * lookup key, lowercase hex (the till's side is `electron/core/members/member-cache.ts`).
 */
export function phoneHash(lookupKey: Buffer, phone: string): string {
  return createHmac('sha256', lookupKey).update(phone).digest('hex');
}

export const tierOf = (settings: MemberSettings, growth: number) => tierFor(settings.ladder, growth);
