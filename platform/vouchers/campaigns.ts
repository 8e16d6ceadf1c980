import { type Campaign, CampaignRules } from '../../shared/vouchers/campaign';
import { needsMember, PER_MEMBER_LIMIT_MAX } from '../../shared/vouchers/campaign-audience';
import type { CampaignCreate } from '../../shared/vouchers/redemption-wire';
import { reserveVoucherVersions } from '../data/versions';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { readMemberSettings } from '../members/member-settings';
import { moneyWords } from '../sync/claim-words';

export type CampaignRow = {
  id: number;
  store_id: string | null;
  name: string;
  type: Campaign['type'];
  value: number;
  valid_from: number;
  valid_to: number;
  active: boolean;
  rules: unknown;
  settlement_price: number | null;
  version: number;
};

export const CAMPAIGN_COLUMNS =
  'c.id, c.store_id, c.name, c.type, c.value, c.valid_from, c.valid_to, c.active, c.rules, c.settlement_price, c.version';

export function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    value: row.value,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    active: row.active,
    rules: CampaignRules.parse(row.rules),
    settlementPrice: row.settlement_price,
  };
}

export async function campaignById(db: Queryable, id: number): Promise<Campaign> {
  const [row] = await db.query<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c WHERE c.id = $1`, [id]);
  if (!row) throw new ApiError(404, 'campaign_unknown', { id });
  return toCampaign(row);
}

const invalid = (detail: string) => new ApiError(400, 'request_invalid', { detail });

/** Rules that make sense for the type: a campaign the pricing engine could not apply is refused here. */
function checkCampaign(input: CampaignCreate): void {
  const { type, value, rules } = input;
  if (input.validFrom >= input.validTo) throw invalid('validFrom must come before validTo');
  switch (type) {
    case 'cash_off':
      if (value < 1) throw invalid('cash_off needs a value above 0 (minor units)');
      break;
    case 'percent_off':
      if (value < 1 || value > 10_000) throw invalid('percent_off needs a value of 1..10000 basis points');
      break;
    case 'threshold_off':
      if (value < 1) throw invalid('threshold_off needs a value above 0 (minor units)');
      if (rules.minSpend <= 0) throw invalid('threshold_off needs minSpend above 0');
      if (rules.minSpend < value) throw invalid('threshold_off needs minSpend of at least its value');
      break;
    case 'free_item':
      if (rules.itemSku === null) throw invalid('free_item needs itemSku');
      break;
    case 'group_buy':
      if (rules.itemSku === null) throw invalid('group_buy needs itemSku');
      if (value < 1) throw invalid('group_buy needs a value above 0 (the price the platform pays)');
      break;
    default: {
      const never: never = type;
      throw invalid(`unknown type ${String(never)}`);
    }
  }
  if (type !== 'percent_off' && rules.cap !== null) throw invalid('cap is for percent_off only');
  checkAudience(input);
}

/** The member rules (docs/members.md, "Member campaigns"), each refused in the operator's words. */
function checkAudience(input: CampaignCreate): void {
  const { audience, perMemberLimit } = input.rules;
  if (perMemberLimit !== null && (perMemberLimit < 1 || perMemberLimit > PER_MEMBER_LIMIT_MAX)) {
    throw new ApiError(400, 'campaign_member_limit_range', { value: perMemberLimit, max: PER_MEMBER_LIMIT_MAX });
  }
  if (perMemberLimit !== null && audience.kind === 'everyone') {
    throw new ApiError(400, 'campaign_member_limit_everyone');
  }
  if (input.type === 'group_buy' && needsMember({ id: 0, name: input.name, rules: input.rules })) {
    throw new ApiError(400, 'campaign_audience_group_buy');
  }
}

/** A campaign for a tier or above names a tier of the brand's ladder as it stands. */
async function checkMinTier(tx: Queryable, input: CampaignCreate): Promise<void> {
  const { audience } = input.rules;
  if (audience.kind !== 'members' || audience.minTier === null) return;
  const { ladder } = await readMemberSettings(tx);
  if (!ladder.some((tier) => tier.id === audience.minTier)) {
    throw new ApiError(400, 'campaign_tier_unknown', { tier: audience.minTier });
  }
}

/** A group-buy campaign settles at its settlement price (its full value when none is given); no other type has one. */
function settlementPriceOf(input: CampaignCreate, currency: string): number | null {
  if (input.type !== 'group_buy') {
    if (input.settlementPrice != null) throw new ApiError(400, 'settlement_price_not_group_buy');
    return null;
  }
  const price = input.settlementPrice ?? input.value;
  if (price < 0 || price > input.value) {
    throw new ApiError(400, 'settlement_price_invalid', {
      value: price < 0 ? String(price) : moneyWords(price, currency),
      price: moneyWords(input.value, currency),
    });
  }
  return price;
}

export async function createCampaign(
  sql: Sql,
  input: CampaignCreate,
  nowMs: number,
): Promise<{ campaign: Campaign; storeId: string | null }> {
  checkCampaign(input);
  return sql.transaction(async (tx) => {
    let currency = 'CNY';
    if (input.storeId !== null) {
      const store = await tx.query<{ currency: string }>('SELECT currency FROM stores WHERE id = $1', [input.storeId]);
      if (store.length === 0) throw new ApiError(404, 'store_unknown');
      currency = store[0].currency;
    }
    const settlementPrice = settlementPriceOf(input, currency);
    await checkMinTier(tx, input);
    const version = await reserveVoucherVersions(tx, 1);
    const [row] = await tx.query<CampaignRow>(
      `INSERT INTO campaigns AS c (store_id, name, type, value, valid_from, valid_to, rules, created_at, version,
         settlement_price)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10) RETURNING ${CAMPAIGN_COLUMNS}`,
      [
        input.storeId,
        input.name,
        input.type,
        input.value,
        input.validFrom,
        input.validTo,
        JSON.stringify(input.rules),
        nowMs,
        version,
        settlementPrice,
      ],
    );
    return { campaign: toCampaign(row), storeId: row.store_id };
  });
}

/** The campaign with its store's number (0: every store), or 404. */
export async function campaignWithScope(
  db: Queryable,
  campaignId: number,
): Promise<{ row: CampaignRow; storeScope: number }> {
  const [row] = await db.query<CampaignRow & { store_number: number | null }>(
    `SELECT ${CAMPAIGN_COLUMNS}, s.number AS store_number FROM campaigns c
     LEFT JOIN stores s ON s.id = c.store_id WHERE c.id = $1`,
    [campaignId],
  );
  if (!row) throw new ApiError(404, 'campaign_unknown');
  return { row, storeScope: row.store_number ?? 0 };
}

/** Stops a campaign: its vouchers are refused from now on, on the platform and (once pulled) at every till. */
export async function stopCampaign(sql: Sql, campaignId: number): Promise<Campaign> {
  return sql.transaction(async (tx) => {
    const locked = await tx.query('SELECT id FROM campaigns WHERE id = $1 FOR UPDATE', [campaignId]);
    if (locked.length === 0) throw new ApiError(404, 'campaign_unknown', { id: campaignId });
    const version = await reserveVoucherVersions(tx, 1);
    const [row] = await tx.query<CampaignRow>(
      `UPDATE campaigns AS c SET active = false, version = $2 WHERE id = $1 RETURNING ${CAMPAIGN_COLUMNS}`,
      [campaignId, version],
    );
    return toCampaign(row);
  });
}
