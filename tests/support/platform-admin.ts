import { startPlatform } from '../../platform/server/start-platform';
import type { CatalogItem, OnlineOrderWire } from '../../shared/sync/wire';
import type { Campaign, CampaignRules, RiskLimits, VoucherPolicy } from '../../shared/vouchers/campaign';
import type { IssuedVoucher, VoucherKeyWire, VoucherStatus } from '../../shared/vouchers/redemption-wire';
import type { StoreRecords } from '../platform/support/clients';
import { tempDir } from './temp-dir';

export type PlatformRecords = StoreRecords;

/** The operator's side of a real platform over HTTP, as the CLI would use it. */
export function platformAdmin(url: string, token: string) {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as T & { error?: { code: string; message: string } };
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${json.error?.code} ${json.error?.message}`);
    return json;
  }
  return {
    request,
    createStore: (name: string) =>
      request<{ storeId: string; pairingCode: string }>('POST', '/v1/admin/stores', { name }),
    pairingCode: (storeId: string) => request<{ code: string }>('POST', `/v1/admin/stores/${storeId}/pairing-codes`),
    putProducts: (items: Omit<CatalogItem, never>[]) => request('PUT', '/v1/admin/catalog/products', { items }),
    setPrice: (storeId: string, sku: string, price: number | null) =>
      request('PUT', `/v1/admin/stores/${storeId}/prices`, { items: [{ sku, price }] }),
    placeOnlineOrder: (storeId: string, items: { sku: string; quantity: number }[], channel = 'online_pickup') =>
      request<OnlineOrderWire>('POST', '/v1/online-orders', { storeId, channel, items, customerName: '测试顾客' }),
    records: (storeId: string) => request<PlatformRecords>('GET', `/v1/admin/stores/${storeId}/records`),
    /**
     * A campaign of any type and rules; by default ¥5 off at every store, valid from an hour ago for
     * a week. `storeId` null: every store. Times in unix seconds.
     */
    createCampaign: (input: CampaignInput = {}) =>
      request<{ campaign: Campaign; storeId: string | null }>('POST', '/v1/campaigns', campaignBody(input)),
    /** Signed CP1 vouchers (`code`) of a campaign; `holder` is who per-customer limits count. */
    issueVouchers: (campaignId: number, count = 1, holder: string | null = null) =>
      request<{ vouchers: IssuedVoucher[] }>('POST', `/v1/campaigns/${campaignId}/vouchers`, { count, holder }).then(
        (issued) => issued.vouchers,
      ),
    /** The campaign's vouchers are refused from now on. */
    stopCampaign: (campaignId: number) => request<{ campaign: Campaign }>('POST', `/v1/campaigns/${campaignId}/stop`),
    voucher: (voucherId: string) => request<VoucherStatus>('GET', `/v1/vouchers/${voucherId}`),
    /** A short-lived presentation token (what the customer's app shows); only the newest is live. */
    presentationToken: (voucherId: string) =>
      request<{ code: string; expires: number }>('POST', `/v1/vouchers/${voucherId}/presentation`),
    blockVoucher: (voucherId: string) => request<VoucherStatus>('POST', `/v1/vouchers/${voucherId}/block`),
    revokeVoucher: (voucherId: string) => request<VoucherStatus>('POST', `/v1/vouchers/${voucherId}/revoke`),
    /** A new signing key; the old one stays valid for what it signed before now. */
    rotateKey: () => request<{ kid: number; retired: number | null }>('POST', '/v1/admin/voucher-keys/rotate'),
    voucherKeys: () => request<{ keys: VoucherKeyWire[] }>('GET', '/v1/voucher-keys').then((list) => list.keys),
    voucherPolicy: (storeId: string) => request<VoucherPolicy>('GET', `/v1/admin/stores/${storeId}/voucher-policy`),
    setVoucherLimits: (storeId: string, limits: Partial<RiskLimits>) =>
      request<VoucherPolicy>('PUT', `/v1/admin/stores/${storeId}/voucher-policy`, limits),
    lossEvents: (storeId: string) =>
      request<{ lossEvents: { id: string; voucherId: string; storeId: string; amount: number }[] }>(
        'GET',
        `/v1/admin/stores/${storeId}/loss-events`,
      ).then((answer) => answer.lossEvents),
  };
}

export type CampaignInput = {
  storeId?: string | null;
  name?: string;
  type?: Campaign['type'];
  value?: number;
  validFrom?: number;
  validTo?: number;
  rules?: Partial<CampaignRules>;
};

function campaignBody(input: CampaignInput) {
  const now = Math.floor(Date.now() / 1000);
  return {
    storeId: input.storeId ?? null,
    name: input.name ?? 'Test offer',
    type: input.type ?? 'cash_off',
    value: input.value ?? 500,
    validFrom: input.validFrom ?? now - 3600,
    validTo: input.validTo ?? now + 7 * 86_400,
    rules: input.rules ?? {},
  };
}

export type PlatformAdmin = ReturnType<typeof platformAdmin>;

/**
 * A real platform: on PGlite in a temp folder, or on the given folder or PostgreSQL database (to
 * restart it on the same data, or to run on a real server).
 */
export async function startTestPlatform(
  options: { dataDir?: string; databaseUrl?: string; kek?: string; port?: number; now?: () => number } = {},
) {
  const dataDir = options.dataDir ?? tempDir('platform-');
  const platform = await startPlatform({
    dataDir,
    databaseUrl: options.databaseUrl,
    kek: options.kek,
    port: options.port ?? 0,
    now: options.now,
  });
  return { ...platform, dataDir, admin: platformAdmin(platform.url, platform.adminToken) };
}

/**
 * One platform, or several processes on the same database (the same data folder for the admin
 * token and KEK) with `url()` handing out their addresses in turn, as a round-robin balancer
 * would. `restart()` restarts one at a time on its own port: with two, a rolling restart.
 */
export async function startPlatformGroup(
  options: { dataDir?: string; databaseUrl?: string; kek?: string },
  processes = 1,
) {
  const first = await startTestPlatform(options);
  const members = [first];
  for (let i = 1; i < processes; i++) members.push(await startTestPlatform({ ...options, dataDir: first.dataDir }));
  const ports = members.map((member) => Number(new URL(member.url).port));
  let turn = 0;
  let restarts = 0;
  return {
    // Bound to the first's port, which a restart keeps.
    admin: first.admin,
    adminToken: first.adminToken,
    url: () => members[turn++ % members.length].url,
    async restart() {
      const index = restarts++ % members.length;
      await members[index].close();
      members[index] = await startTestPlatform({ ...options, dataDir: first.dataDir, port: ports[index] });
    },
    close: () => Promise.all(members.map((member) => member.close())).then(() => undefined),
  };
}

/** The demo catalog's first rows, as the franchise owner would keep them on the platform. */
export function sampleCatalog(): CatalogItem[] {
  const item = (sku: string, nameZh: string, nameEn: string, price: number, barcodes: string[]): CatalogItem => ({
    sku,
    barcodes,
    plu: null,
    nameZh,
    nameEn,
    categoryZh: '饮料',
    categoryEn: 'Drinks',
    price,
    taxRateBp: 1300,
    unit: 'each',
    active: true,
    listedOnline: true,
  });
  return [
    item('DRK-0001', '农夫山泉饮用天然水 550ml', 'Nongfu Spring Natural Water 550ml', 200, ['6921168478354']),
    {
      ...item('SNK-0001', '乐事原味薯片 70g', "Lay's Classic Potato Chips 70g", 750, ['6924743138803']),
      categoryZh: '零食',
      categoryEn: 'Snacks',
    },
    item('PLT-0001', '平台新品 冷萃咖啡', 'Platform cold brew', 1800, ['6900000000017']),
  ];
}

/** Polls until `check` returns a value (not undefined/false), or fails with what it last saw. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<Exclude<T, false | undefined>> {
  const started = Date.now();
  let last: T | undefined;
  while (Date.now() - started < timeoutMs) {
    last = await check();
    if (last !== undefined && last !== false) return last as Exclude<T, false | undefined>;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
}
