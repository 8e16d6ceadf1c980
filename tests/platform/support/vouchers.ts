import { createPublicKey, verify as verifyEd } from 'node:crypto';
import { uuidv7 } from '../../../shared/ids';
import type { CampaignRules } from '../../../shared/vouchers/campaign';
import type { IssuedVoucher, VoucherKeyWire } from '../../../shared/vouchers/redemption-wire';
import type { VerdictContext } from '../../../shared/vouchers/voucher-verdict';
import type { AdminClient, Answer, Till } from './clients';

export const HOUR_S = 3600;
export const DAY_S = 24 * HOUR_S;
export const nowS = () => Math.floor(Date.now() / 1000);

export type CampaignInput = {
  storeId?: string | null;
  name?: string;
  type?: 'cash_off' | 'percent_off' | 'threshold_off' | 'free_item' | 'group_buy';
  value?: number;
  validFrom?: number;
  validTo?: number;
  rules?: Partial<CampaignRules>;
};

/** A campaign valid from an hour ago for a week (cash ¥5 off at every store unless told otherwise). */
export function campaignBody(input: CampaignInput = {}) {
  return {
    storeId: input.storeId ?? null,
    name: input.name ?? 'Test offer',
    type: input.type ?? 'cash_off',
    value: input.value ?? 500,
    validFrom: input.validFrom ?? nowS() - HOUR_S,
    validTo: input.validTo ?? nowS() + 7 * DAY_S,
    rules: input.rules ?? {},
  };
}

export async function createCampaign(admin: AdminClient, input: CampaignInput = {}): Promise<number> {
  const created = await admin.ok<{ campaign: { id: number } }>('POST', '/v1/campaigns', campaignBody(input));
  return created.campaign.id;
}

export async function issue(
  admin: AdminClient,
  campaignId: number,
  count = 1,
  holder: string | null = null,
): Promise<IssuedVoucher[]> {
  const issued = await admin.ok<{ vouchers: IssuedVoucher[] }>('POST', `/v1/campaigns/${campaignId}/vouchers`, {
    count,
    holder,
  });
  return issued.vouchers;
}

/** One fresh voucher of a fresh campaign. */
export async function oneVoucher(admin: AdminClient, input: CampaignInput = {}): Promise<IssuedVoucher> {
  return (await issue(admin, await createCampaign(admin, input)))[0];
}

export function redemptionBody(till: Till, code: string, extra: Partial<{ mode: string; amount: number }> = {}) {
  return { id: uuidv7(), deviceId: till.deviceId, code, orderId: uuidv7(), amount: 500, mode: 'hold', ...extra };
}

/** `POST /v1/redemptions` with the Idempotency-Key the body names. */
export function redeem(
  till: Till,
  body: { id: string } & Record<string, unknown>,
  options: { now?: number; headers?: Record<string, string> } = {},
) {
  return till.signed('POST', '/v1/redemptions', body, {
    now: options.now,
    headers: { 'idempotency-key': body.id, ...options.headers },
  });
}

export function errorCode(answer: Answer): string | undefined {
  return (answer.body as { error?: { code: string } } | null)?.error?.code;
}

export function ed25519(publicKey: string, signed: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    return verifyEd(null, signed, key, signature);
  } catch {
    return false;
  }
}

/** A till's verdict context built from the published key list. */
export async function verdictContext(
  url: string,
  store: number,
  now = nowS(),
): Promise<VerdictContext & { keys: Map<number, VoucherKeyWire> }> {
  const response = await fetch(`${url}/v1/voucher-keys`);
  const { keys } = (await response.json()) as { keys: VoucherKeyWire[] };
  return { keys: new Map(keys.map((key) => [key.kid, key])), denied: new Set(), now, store, verify: ed25519 };
}
