import { uuidv7 } from '../../shared/ids';
import type { Campaign, CampaignRules } from '../../shared/vouchers/campaign';
import type { IssuedVoucher } from '../../shared/vouchers/redemption-wire';
import { type PlatformAdmin, waitFor } from './platform-admin';
import type { PairedTill } from './till';

/**
 * The operator's ¥5.00-off campaign for every store with member rules, and `count` vouchers of it,
 * known to each till before a sale (docs/members.md, "Member campaigns").
 */
export async function memberCampaign(
  admin: PlatformAdmin,
  tills: readonly PairedTill[],
  rules: Partial<CampaignRules>,
  count: number,
) {
  const now = Math.floor(Date.now() / 1000);
  const { campaign } = await admin.request<{ campaign: Campaign }>('POST', '/v1/campaigns', {
    storeId: null,
    name: `会员券 ${uuidv7().slice(-6)}`,
    type: 'cash_off',
    value: 500,
    validFrom: now - 3_600,
    validTo: now + 30 * 86_400,
    rules: { offlineAllowed: true, maxPerOrder: 5, ...rules },
  });
  const { vouchers } = await admin.request<{ vouchers: IssuedVoucher[] }>(
    'POST',
    `/v1/campaigns/${campaign.id}/vouchers`,
    { count },
  );
  for (const till of tills) {
    till.core.environment.sync.wake();
    await waitFor(
      () => till.core.environment.db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(campaign.id),
      15_000,
      'campaign on the till',
    );
  }
  return { campaign, vouchers };
}
