import { requireStore } from '../../data/stores';
import { ApiError } from '../../errors';
import { type AuditEntry, recordAudit } from '../../owners/platform-audit';
import { createCampaign, stopCampaign } from '../../vouchers/campaigns';
import { rotateSigningKey } from '../../vouchers/keys';
import { lossEvents, setStoreLimits, storePolicy } from '../../vouchers/policy';
import { issueVouchers, presentationToken, voucherStatus, withdrawVoucher } from '../../vouchers/vouchers';
import type { PlatformContext } from '../context';
import type { RouteHandlers } from './mount';

type OperatorVoucherRoute =
  | 'admin.campaigns.create'
  | 'admin.campaigns.issue'
  | 'admin.campaigns.stop'
  | 'admin.vouchers.presentation'
  | 'admin.vouchers.block'
  | 'admin.vouchers.revoke'
  | 'admin.voucherKeys.rotate'
  | 'admin.stores.voucherPolicy'
  | 'admin.stores.setVoucherLimits'
  | 'admin.stores.lossEvents';

function campaignId(text: string): number {
  if (!/^\d{1,9}$/.test(text)) throw new ApiError(404, 'campaign_unknown', { id: text });
  return Number(text);
}

/** As before issue 16; the audit entry follows each change (its data functions predate the log). */
export function operatorVoucherHandlers(context: PlatformContext): RouteHandlers<OperatorVoucherRoute> {
  const { sql, notifier, kek } = context;
  const audit = (entry: Omit<AuditEntry, 'actor' | 'at'>) =>
    recordAudit(sql, { ...entry, actor: { kind: 'operator' }, at: context.now() });

  async function withdraw(id: string, state: 'BLOCKED' | 'REVOKED') {
    await withdrawVoucher(sql, id, state, context.now());
    notifier.everyStoreChanged();
    await audit({ action: state === 'BLOCKED' ? 'voucher.blocked' : 'voucher.revoked', detail: { voucherId: id } });
    const found = await voucherStatus(sql, id, context.now());
    if (!found) throw new ApiError(404, 'voucher_unknown');
    return found.status;
  }

  return {
    'admin.campaigns.create': async ({ input }) => {
      const created = await createCampaign(sql, input, context.now());
      notifier.everyStoreChanged();
      await audit({
        action: 'campaign.created',
        storeId: created.storeId,
        detail: { campaignId: created.campaign.id },
      });
      return created;
    },
    'admin.campaigns.issue': async ({ params, input }) => {
      const id = campaignId(params.id);
      const vouchers = await issueVouchers(sql, kek, id, input, context.now());
      await audit({ action: 'vouchers.issued', detail: { campaignId: id, count: vouchers.length } });
      return { vouchers };
    },
    'admin.campaigns.stop': async ({ params }) => {
      const campaign = await stopCampaign(sql, campaignId(params.id));
      notifier.everyStoreChanged();
      await audit({ action: 'campaign.stopped', detail: { campaignId: campaign.id } });
      return { campaign };
    },
    'admin.vouchers.presentation': async ({ params }) => presentationToken(sql, kek, params.id, context.now()),
    'admin.vouchers.block': async ({ params }) => withdraw(params.id, 'BLOCKED'),
    'admin.vouchers.revoke': async ({ params }) => withdraw(params.id, 'REVOKED'),
    'admin.voucherKeys.rotate': async () => {
      const rotated = await rotateSigningKey(sql, kek, context.now());
      notifier.everyStoreChanged();
      await audit({ action: 'voucher_key.rotated', detail: rotated });
      return rotated;
    },
    'admin.stores.voucherPolicy': async ({ params }) => storePolicy(sql, params.id),
    'admin.stores.setVoucherLimits': async ({ params, input }) => {
      const policy = await setStoreLimits(sql, params.id, input);
      notifier.storeChanged(params.id);
      await audit({ action: 'store.voucher_limits_set', storeId: params.id, detail: { limits: input } });
      return policy;
    },
    'admin.stores.lossEvents': async ({ params }) => {
      const store = await requireStore(sql, params.id);
      return { storeId: store.storeId, lossEvents: await lossEvents(sql, store.storeId) };
    },
  };
}
