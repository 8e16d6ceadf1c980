import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import type { Envelope } from '../../shared/contract';
import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail } from '../../shared/contract/orders';
import type { SyncStatus } from '../../shared/contract/sync';
import { uuidv7 } from '../../shared/ids';
import type { CartCoupon, CartLine, Quantity } from '../../shared/pricing/cart';
import { type Campaign, CampaignRules } from '../../shared/vouchers/campaign';
import type { VoucherType } from '../../shared/vouchers/cp1';
import type { IssuedVoucher, VoucherStatus } from '../../shared/vouchers/redemption-wire';
import { type Caller, expectOk } from './callers';
import { createDemo, type DemoPerson, signIn } from './demo-session';
import { type PlatformAdmin, waitFor } from './platform-admin';
import { tempDir } from './temp-dir';

/** A cart line for a product as the checkout screen makes it: the catalog's price at the time of adding. */
export function lineFor(product: Product, quantity: Quantity = { kind: 'count', count: 1 }): CartLine {
  return {
    lineId: uuidv7(),
    productId: product.id,
    unitPrice: product.price,
    taxRateBp: product.taxRateBp,
    quantity,
    discount: null,
  } as CartLine;
}

export async function productBySku(call: Caller, token: string, sku: string): Promise<Product> {
  const { items } = expectOk<{ items: Product[] }>(
    await call({ method: 'catalog.searchProducts', input: { query: sku }, sessionToken: token }),
  );
  const product = items.find((p) => p.sku === sku);
  if (!product) throw new Error(`no product ${sku}`);
  return product;
}

export async function openShift(call: Caller, token: string, float = 0): Promise<void> {
  const result = await call({ method: 'shift.open', input: { float }, sessionToken: token });
  if (!result.ok && result.error.code !== 'shift_already_open') throw new Error(result.error.message);
}

/** Pays a cart by card for exactly its total (the core answers what the total was). */
export async function payByCard(
  call: Caller,
  token: string,
  lines: CartLine[],
  total: number,
  coupons: CartCoupon[] = [],
): Promise<OrderDetail> {
  const { order } = expectOk<{ order: OrderDetail }>(
    await call({
      method: 'orders.commit',
      input: {
        id: uuidv7(),
        cart: { lines, orderDiscount: null, coupons },
        tenders: [{ method: 'card', amount: total, reference: 'T1' }],
      },
      sessionToken: token,
    }),
  );
  return order;
}

export type PairedTill = {
  core: CounterCore;
  people: Record<'owner' | 'manager' | 'cashier', DemoPerson>;
  tokens: Record<'owner' | 'manager' | 'cashier', string>;
  /** As the screens call: with the online step (a voucher hold) when the method has one. */
  call(method: string, input: unknown, token?: string): Promise<Envelope<unknown>>;
  /** The plain dispatch, which never asks the platform: a voucher is decided offline. */
  dispatch(method: string, input: unknown, token?: string): Envelope<unknown>;
  status(): SyncStatus;
};

/**
 * A demo till on a real SQLite file, paired with a platform store (or with a proxy in front of it)
 * and online with a shift open, its sync shortened for tests. Closed by the caller.
 */
export async function startPairedTill(platformUrl: string, pairingCode: string): Promise<PairedTill> {
  const core = openCounterCore({
    dataDir: tempDir(),
    sync: { backoff: { firstMs: 30, maxMs: 300 }, requestTimeoutMs: 3_000, waitSeconds: 2 },
  });
  const caller: Caller = (request) => core.call(request);
  const people = await createDemo(caller);
  const tokens = {
    owner: await signIn(caller, people.owner),
    manager: await signIn(caller, people.manager),
    cashier: await signIn(caller, people.cashier),
  };
  const till: PairedTill = {
    core,
    people,
    tokens,
    call: (method, input, token = tokens.cashier) => core.call({ method, input, sessionToken: token, locale: 'en' }),
    dispatch: (method, input, token = tokens.cashier) =>
      core.dispatch({ method, input, sessionToken: token, locale: 'en' }),
    status: () =>
      expectOk<SyncStatus>(core.dispatch({ method: 'sync.status', input: {}, sessionToken: tokens.cashier })),
  };
  await openShift(caller, tokens.cashier);
  expectOk(till.dispatch('sync.pair', { platformUrl, code: pairingCode }, tokens.owner));
  await waitFor(() => till.status().link === 'online', 20_000, 'paired and online');
  return till;
}

/** The operator makes a campaign on the platform and issues one voucher of it, as the CLI would. */
export async function issueVoucher(
  admin: PlatformAdmin,
  options: { storeId: string | null; type?: VoucherType; value?: number; rules?: Partial<CampaignRules> },
): Promise<{ campaign: Campaign; voucher: IssuedVoucher }> {
  const now = Math.floor(Date.now() / 1000);
  const { campaign } = await admin.request<{ campaign: Campaign }>('POST', '/v1/campaigns', {
    storeId: options.storeId,
    name: `测试券 ${uuidv7().slice(-6)}`,
    type: options.type ?? 'cash_off',
    value: options.value ?? 500,
    validFrom: now - 3_600,
    validTo: now + 30 * 86_400,
    rules: CampaignRules.parse({ offlineAllowed: true, ...options.rules }),
  });
  const { vouchers } = await admin.request<{ vouchers: IssuedVoucher[] }>(
    'POST',
    `/v1/campaigns/${campaign.id}/vouchers`,
    { count: 1 },
  );
  return { campaign, voucher: vouchers[0] };
}

export const voucherStatus = (admin: PlatformAdmin, id: string) =>
  admin.request<VoucherStatus>('GET', `/v1/vouchers/${id}`);

/**
 * Sells one product by card with a voucher on the cart, paying `total` (what the till prices it
 * at). `send` is the till's online path (`call`) or its offline one (`dispatch`).
 */
export async function sellWithVoucher(
  send: (method: string, input: unknown) => Envelope<unknown> | Promise<Envelope<unknown>>,
  product: Product,
  code: string,
  total: number,
  redemptionId = uuidv7(),
): Promise<Envelope<{ order: OrderDetail }>> {
  const envelope = await send('orders.commit', {
    id: uuidv7(),
    cart: { lines: [lineFor(product)], orderDiscount: null, coupons: [{ redemptionId, code }] },
    tenders: [{ method: 'card', amount: total, reference: 'T1' }],
  });
  return envelope as Envelope<{ order: OrderDetail }>;
}
