import type { Database } from 'better-sqlite3';
import type { SampleVoucher } from '../../../shared/contract/vouchers';
import { percentOf } from '../../../shared/rounding';
import { CampaignRules } from '../../../shared/vouchers/campaign';
import { type CampaignCreate, CampaignCreated, VouchersIssued } from '../../../shared/vouchers/redemption-wire';
import { saveSampleVouchers } from '../vouchers/sample-vouchers';
import { GROUP_BUY_SETTLEMENT_BP } from './history-settlement';

/** The operator's side of the demo platform: an admin-token call answering JSON. */
export type AdminRequest = (method: 'POST', path: string, body: unknown) => Promise<unknown>;

const YEAR_SECONDS = 365 * 24 * 3600;

// A cheap item to give away and a ready meal sold as the group-buy set; both are in the demo catalog.
const FREE_ITEM_SKU = 'DEL-0005';
const SET_MENU_SKU = 'DEL-0010';

/**
 * One campaign of every type for the demo store, valid for a year from now. The low-value ones
 * may be redeemed offline, as a real franchise would allow; the group-buy set (prepaid on the
 * platform) needs the platform, like a third-party code.
 */
export function demoCampaigns(db: Database, storeId: string, now: number): CampaignCreate[] {
  const validFrom = Math.floor(now / 1000) - 60;
  const validTo = validFrom + YEAR_SECONDS;
  const priceOf = (sku: string, fallback: number) =>
    (db.prepare('SELECT price FROM products WHERE sku = ?').pluck().get(sku) as number | undefined) ?? fallback;
  const campaign = (
    name: string,
    type: CampaignCreate['type'],
    value: number,
    rules: Partial<CampaignRules>,
  ): CampaignCreate => ({
    storeId,
    name,
    type,
    value,
    validFrom,
    validTo,
    rules: CampaignRules.parse(rules),
    // The platform keeps 15 % of a group-buy voucher, as the demo's sample history does.
    settlementPrice: type === 'group_buy' ? percentOf(value, GROUP_BUY_SETTLEMENT_BP) : null,
  });
  return [
    campaign('立减5元 · ¥5 off', 'cash_off', 500, { offlineAllowed: true }),
    campaign('八折券 最高减10元 · 20% off up to ¥10', 'percent_off', 2_000, { cap: 1_000, offlineAllowed: true }),
    campaign('满50减10 · ¥10 off ¥50', 'threshold_off', 1_000, { minSpend: 5_000, offlineAllowed: true }),
    campaign('赠茶叶蛋一枚 · Free tea egg', 'free_item', priceOf(FREE_ITEM_SKU, 250), {
      itemSku: FREE_ITEM_SKU,
      offlineAllowed: true,
    }),
    campaign('团购 照烧鸡腿便当 · Group-buy teriyaki bento', 'group_buy', priceOf(SET_MENU_SKU, 2_290), {
      itemSku: SET_MENU_SKU,
    }),
  ];
}

/**
 * Creates the campaigns on the demo platform, issues one voucher of each and keeps them on the
 * till for the Sample vouchers page. The caller makes sure this runs once per demo store.
 */
export async function issueDemoVouchers(
  db: Database,
  request: AdminRequest,
  storeId: string,
  now: number,
): Promise<SampleVoucher[]> {
  const samples: SampleVoucher[] = [];
  for (const create of demoCampaigns(db, storeId, now)) {
    const { campaign } = CampaignCreated.parse(await request('POST', '/v1/campaigns', create));
    const issued = VouchersIssued.parse(
      await request('POST', `/v1/campaigns/${campaign.id}/vouchers`, { count: 1, holder: null }),
    );
    const [voucher] = issued.vouchers;
    if (!voucher) throw new Error(`campaign ${campaign.id} issued no voucher`);
    samples.push({
      campaignName: campaign.name,
      type: campaign.type,
      value: campaign.value,
      code: voucher.code,
      expires: voucher.expires,
    });
  }
  saveSampleVouchers(db, samples);
  return samples;
}
