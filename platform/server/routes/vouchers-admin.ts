import type { FastifyInstance } from 'fastify';
import { RiskLimits } from '../../../shared/vouchers/campaign';
import { CampaignCreate, VoucherIssue } from '../../../shared/vouchers/redemption-wire';
import { requireStore } from '../../data/stores';
import { ApiError, parseInput } from '../../errors';
import { createCampaign, stopCampaign } from '../../vouchers/campaigns';
import { rotateSigningKey } from '../../vouchers/keys';
import { lossEvents, setStoreLimits, storePolicy } from '../../vouchers/policy';
import { issueVouchers, presentationToken, voucherStatus, withdrawVoucher } from '../../vouchers/vouchers';
import type { PlatformContext } from '../context';

type ById = { Params: { id: string } };

function campaignId(text: string): number {
  if (!/^\d{1,9}$/.test(text)) throw new ApiError(404, 'campaign_unknown', { id: text });
  return Number(text);
}

/** Campaigns, vouchers, keys and offline limits: the operator's side (admin token). */
export function adminVoucherRoutes(app: FastifyInstance, context: PlatformContext): void {
  const { sql, notifier, kek } = context;

  app.post('/v1/campaigns', async (request, reply) => {
    const created = await createCampaign(sql, parseInput(CampaignCreate, request.body), context.now());
    notifier.everyStoreChanged();
    reply.code(201);
    return created;
  });

  app.post<ById>('/v1/campaigns/:id/vouchers', async (request, reply) => {
    const id = campaignId(request.params.id);
    const input = parseInput(VoucherIssue, request.body ?? {});
    const vouchers = await issueVouchers(sql, kek, id, input, context.now());
    reply.code(201);
    return { vouchers };
  });

  app.post<ById>('/v1/campaigns/:id/stop', async (request) => {
    const campaign = await stopCampaign(sql, campaignId(request.params.id));
    notifier.everyStoreChanged();
    return { campaign };
  });

  // Stands in for the customer's app, which would call this with the customer's own session.
  app.post<ById>('/v1/vouchers/:id/presentation', async (request) =>
    presentationToken(sql, kek, request.params.id, context.now()),
  );

  for (const [step, state] of [
    ['block', 'BLOCKED'],
    ['revoke', 'REVOKED'],
  ] as const) {
    app.post<ById>(`/v1/vouchers/:id/${step}`, async (request) => {
      await withdrawVoucher(sql, request.params.id, state, context.now());
      notifier.everyStoreChanged();
      const found = await voucherStatus(sql, request.params.id, context.now());
      return found?.status;
    });
  }

  app.post('/v1/admin/voucher-keys/rotate', async () => {
    const rotated = await rotateSigningKey(sql, kek, context.now());
    notifier.everyStoreChanged();
    return rotated;
  });

  app.get<ById>('/v1/admin/stores/:id/voucher-policy', async (request) => storePolicy(sql, request.params.id));

  app.put<ById>('/v1/admin/stores/:id/voucher-policy', async (request) => {
    const limits = parseInput(RiskLimits.partial(), request.body);
    const policy = await setStoreLimits(sql, request.params.id, limits);
    notifier.storeChanged(request.params.id);
    return policy;
  });

  app.get<ById>('/v1/admin/stores/:id/loss-events', async (request) => {
    const store = await requireStore(sql, request.params.id);
    return { storeId: store.storeId, lossEvents: await lossEvents(sql, store.storeId) };
  });
}
