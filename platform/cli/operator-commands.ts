import { readFileSync } from 'node:fs';
import { asMoney, currencyExponent, parseDecimalAmount, toDecimalString } from '../../shared/money';
import { CATALOG_BATCH_MAX } from '../../shared/platform-api/catalog-input';
import type { StoreInfo } from '../data/stores';
import { optional, parseItems, readFlags, required, UsageError } from './args';
import { parseCatalogCsv } from './catalog-csv';
import { type Operator, operatorFrom } from './operator-client';
import { termFlags, termsFromFlags } from './settlement-commands';

/** What a command hands back: the JSON for --json, the lines for people. */
export type CommandResult = { json: unknown; text: string };

const connection = { url: { type: 'string' }, token: { type: 'string' } } as const;

export const money = (amount: number, store: StoreInfo) =>
  `${toDecimalString(asMoney(amount), currencyExponent(store.currency))} ${store.currency}`;

const when = (epochMs: number) => new Date(epochMs).toISOString();

export function storeInfo(operator: Operator, storeId: string): Promise<StoreInfo> {
  return operator.route('admin.stores.show', { id: storeId });
}

export async function storeCreate(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, {
    ...connection,
    name: { type: 'string' },
    currency: { type: 'string' },
    'time-zone': { type: 'string' },
  });
  const body = {
    name: required(values, 'name'),
    currency: optional(values, 'currency'),
    timeZone: optional(values, 'time-zone'),
  };
  const store = await operatorFrom(values).route('admin.stores.create', body);
  return {
    json: store,
    text: `store ${store.storeId} created: ${store.name}\npairing code: ${store.pairingCode} (one use, expires ${when(store.pairingCodeExpiresAt)})`,
  };
}

export async function pairingCode(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, store: { type: 'string' } });
  const storeId = required(values, 'store');
  const code = await operatorFrom(values).route('admin.stores.pairingCode', { id: storeId });
  return { json: code, text: `pairing code: ${code.code} (one use, expires ${when(code.expiresAt)})` };
}

export async function onlineOrder(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, {
    ...connection,
    store: { type: 'string' },
    channel: { type: 'string' },
    items: { type: 'string' },
    customer: { type: 'string' },
    note: { type: 'string' },
    id: { type: 'string' },
    phone: { type: 'string' },
    consent: { type: 'boolean' },
    ...termFlags,
  });
  const channel = required(values, 'channel');
  if (channel !== 'online_delivery' && channel !== 'online_pickup') {
    throw new UsageError('--channel is online_delivery or online_pickup');
  }
  const storeId = required(values, 'store');
  const items = parseItems(required(values, 'items'));
  const operator = operatorFrom(values);
  const store = await storeInfo(operator, storeId);
  const order = await operator.route('admin.onlineOrders.place', {
    storeId,
    channel,
    items,
    customerName: optional(values, 'customer'),
    note: optional(values, 'note'),
    id: optional(values, 'id'),
    customerPhone: optional(values, 'phone') ?? null,
    marketingConsent: values.consent === true,
    ...termsFromFlags(values, store.currency),
  });
  const member = order.member
    ? `; member ${order.member.id}${order.member.joined ? ' joined with this order' : ''}`
    : '';
  return {
    json: order,
    text: `online order ${order.id} placed at ${store.name}: pickup code ${order.pickupCode}, ${order.lines.length} line(s), total ${money(order.total, store)}${member}`,
  };
}

export async function catalogImport(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, file: { type: 'string' }, currency: { type: 'string' } });
  const file = required(values, 'file');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const products = parseCatalogCsv(text, currencyExponent(optional(values, 'currency') ?? 'CNY'));
  const operator = operatorFrom(values);
  let version = 0;
  for (let start = 0; start < products.length; start += CATALOG_BATCH_MAX) {
    const batch = products.slice(start, start + CATALOG_BATCH_MAX);
    ({ version } = await operator.route('admin.catalog.putProducts', { items: batch }));
  }
  return {
    json: { imported: products.length, version },
    text: `imported ${products.length} products from ${file} (catalog version ${version})`,
  };
}

export async function priceSet(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, {
    ...connection,
    store: { type: 'string' },
    sku: { type: 'string' },
    price: { type: 'string' },
    clear: { type: 'boolean' },
  });
  const storeId = required(values, 'store');
  const sku = required(values, 'sku');
  const operator = operatorFrom(values);
  const store = await storeInfo(operator, storeId);
  let price: number | null = null;
  if (!values.clear) {
    price = parseDecimalAmount(required(values, 'price'), currencyExponent(store.currency));
    if (price === null || price < 0)
      throw new UsageError(`--price "${values.price}" is not an amount in ${store.currency}`);
  }
  const result = await operator.route('admin.stores.setPrices', { id: storeId, items: [{ sku, price }] });
  return {
    json: { storeId, sku, price, version: result.version },
    text:
      price === null
        ? `${sku} at ${store.name} is back at the franchise price`
        : `${sku} at ${store.name} now costs ${money(price, store)}`,
  };
}

export async function stock(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, store: { type: 'string' } });
  const storeId = required(values, 'store');
  const operator = operatorFrom(values);
  const store = await storeInfo(operator, storeId);
  const result = await operator.route('admin.stores.stock', { id: storeId });
  const width = Math.max(3, ...result.levels.map((level) => level.sku.length));
  const lines = result.levels.map(
    (level) => `${level.sku.padEnd(width)}  ${String(level.onHand).padStart(8)}${level.soldOut ? '  sold out' : ''}`,
  );
  const header = `${'SKU'.padEnd(width)}  ${'on hand'.padStart(8)}`;
  return {
    json: { storeId, levels: result.levels },
    text: [`stock at ${store.name}:`, ...(lines.length > 0 ? [header, ...lines] : ['(no stock recorded)'])].join('\n'),
  };
}
