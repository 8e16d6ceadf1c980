import { z } from 'zod';
import { Campaign, RiskLimits, VoucherPolicy } from '../vouchers/campaign';
import {
  CampaignCreate,
  CampaignCreated,
  IssuedVoucher,
  VoucherIssue,
  VoucherStatus,
} from '../vouchers/redemption-wire';
import { ById } from './admin-stores';
import { route } from './define';

const NoParams = z.object({});
const NoInput = z.object({});
const Count = z.number().int();

const LossEvent = z.object({
  id: z.string(),
  voucherId: z.string(),
  storeId: z.string(),
  storeName: z.string(),
  deviceId: z.string(),
  amount: Count,
  decidedAt: Count,
  recordedAt: Count,
  reason: z.enum(['conflict', 'member_rule']),
  winner: z.object({ redemptionId: z.string(), storeId: z.string(), storeName: z.string(), at: Count }).nullable(),
  refusal: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), Count])) }).nullable(),
  memberId: z.string().nullable(),
});

const withdrawal = (step: 'block' | 'revoke') =>
  route({
    method: 'POST',
    path: `/v1/vouchers/:id/${step}`,
    params: ById,
    input: NoInput,
    output: VoucherStatus,
    access: 'admin',
    mutates: true,
  });

/** Campaigns, vouchers, signing keys and each store's offline limits: the operator's side. */
export const operatorVoucherRoutes = {
  'admin.campaigns.create': route({
    method: 'POST',
    path: '/v1/campaigns',
    params: NoParams,
    input: CampaignCreate,
    output: CampaignCreated,
    access: 'admin',
    mutates: true,
    status: 201,
  }),
  'admin.campaigns.issue': route({
    method: 'POST',
    path: '/v1/campaigns/:id/vouchers',
    params: ById,
    input: VoucherIssue,
    output: z.object({ vouchers: z.array(IssuedVoucher) }),
    access: 'admin',
    mutates: true,
    status: 201,
  }),
  'admin.campaigns.stop': route({
    method: 'POST',
    path: '/v1/campaigns/:id/stop',
    params: ById,
    input: NoInput,
    output: z.object({ campaign: Campaign }),
    access: 'admin',
    mutates: true,
  }),
  /** Stands in for the customer's app, which would call this with the customer's own session. */
  'admin.vouchers.presentation': route({
    method: 'POST',
    path: '/v1/vouchers/:id/presentation',
    params: ById,
    input: NoInput,
    output: z.object({ code: z.string(), expires: Count }),
    access: 'admin',
    mutates: true,
  }),
  'admin.vouchers.block': withdrawal('block'),
  'admin.vouchers.revoke': withdrawal('revoke'),
  'admin.voucherKeys.rotate': route({
    method: 'POST',
    path: '/v1/admin/voucher-keys/rotate',
    params: NoParams,
    input: NoInput,
    output: z.object({ kid: Count, retired: Count.nullable() }),
    access: 'admin',
    mutates: true,
  }),
  'admin.stores.voucherPolicy': route({
    method: 'GET',
    path: '/v1/admin/stores/:id/voucher-policy',
    params: ById,
    input: NoInput,
    output: VoucherPolicy,
    access: 'admin',
    mutates: false,
  }),
  'admin.stores.setVoucherLimits': route({
    method: 'PUT',
    path: '/v1/admin/stores/:id/voucher-policy',
    params: ById,
    input: RiskLimits.partial(),
    output: VoucherPolicy,
    access: 'admin',
    mutates: true,
  }),
  'admin.stores.lossEvents': route({
    method: 'GET',
    path: '/v1/admin/stores/:id/loss-events',
    params: ById,
    input: NoInput,
    output: z.object({ storeId: z.string(), lossEvents: z.array(LossEvent) }),
    access: 'admin',
    mutates: false,
  }),
};
