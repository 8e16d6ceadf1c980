import { currencyExponent, parseDecimalAmount } from '../../shared/money';
import type { StatementLine, StatementTotal } from '../../shared/sync/settlement-wire';
import type { StoreInfo } from '../data/stores';
import { optional, readFlags, required, UsageError } from './args';
import { operatorFrom } from './operator-client';
import { type CommandResult, money, storeInfo } from './operator-commands';

const connection = { url: { type: 'string' }, token: { type: 'string' } } as const;

/** The settlement terms an online order may be placed or corrected with. */
export const termFlags = {
  'merchant-promotion': { type: 'string' },
  'platform-promotion': { type: 'string' },
  'delivery-fee': { type: 'string' },
  commission: { type: 'string' },
} as const;

/** `18`, `18.5` or `18.5%` → 1850 basis points. */
function basisPoints(text: string, flag: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(text);
  if (!match) throw new UsageError(`--${flag} "${text}" is not a percentage like 18 or 18.5`);
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

function amount(values: Record<string, unknown>, flag: string, currency: string): number | undefined {
  const text = optional(values, flag);
  if (text === undefined) return undefined;
  const parsed = parseDecimalAmount(text, currencyExponent(currency));
  if (parsed === null || parsed < 0) throw new UsageError(`--${flag} "${text}" is not an amount in ${currency}`);
  return parsed;
}

/** The flags given, as the platform takes them; the platform checks the ranges and says why. */
export function termsFromFlags(values: Record<string, unknown>, currency: string) {
  const commission = optional(values, 'commission');
  return {
    merchantPromotion: amount(values, 'merchant-promotion', currency),
    platformPromotion: amount(values, 'platform-promotion', currency),
    deliveryFee: amount(values, 'delivery-fee', currency),
    commissionBp: commission === undefined ? undefined : basisPoints(commission, 'commission'),
  };
}

const percent = (bp: number) => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')} %`;

export async function commissionSet(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, store: { type: 'string' }, rate: { type: 'string' } });
  const storeId = required(values, 'store');
  const commissionBp = basisPoints(required(values, 'rate'), 'rate');
  const operator = operatorFrom(values);
  const result = await operator.route('admin.stores.setCommission', { id: storeId, commissionBp });
  const store = await storeInfo(operator, storeId);
  return {
    json: result,
    text: `new online orders at ${store.name} pay ${percent(result.commissionBp)} commission unless they say otherwise`,
  };
}

export async function onlineOrderTerms(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, store: { type: 'string' }, order: { type: 'string' }, ...termFlags });
  const storeId = required(values, 'store');
  const orderId = required(values, 'order');
  const operator = operatorFrom(values);
  const store = await storeInfo(operator, storeId);
  const result = await operator.route('admin.onlineOrders.terms', {
    id: storeId,
    orderId,
    ...termsFromFlags(values, store.currency),
  });
  const { terms } = result;
  return {
    json: result,
    text: `online order ${orderId}: commission ${percent(terms.commissionBp)}, store's promotion ${money(terms.merchantPromotion, store)}`,
  };
}

const channelNames = { online_delivery: 'delivery', online_pickup: 'pickup', group_buy: 'group-buy' } as const;

function lineText(line: StatementLine | StatementTotal, store: StoreInfo, label: string): string {
  const cells = [line.gross, line.merchantPromotion, line.commission, line.settlement, line.customerPaid];
  return [label.padEnd(22), ...cells.map((cell) => money(cell, store).padStart(16))].join(' ');
}

/** The platform's settlement statement of one store for one business day, a line per order. */
export async function statement(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, store: { type: 'string' }, day: { type: 'string' } });
  const storeId = required(values, 'store');
  const day = required(values, 'day');
  const operator = operatorFrom(values);
  const store = await storeInfo(operator, storeId);
  const result = await operator.route('admin.stores.statement', { id: storeId, day });
  const header = ['', 'gross', 'store promotion', 'commission', 'settlement', 'customer paid']
    .map((cell, i) => (i === 0 ? cell.padEnd(22) : cell.padStart(16)))
    .join(' ');
  const lines = result.lines.map((line) =>
    lineText(line, store, `${channelNames[line.channel]} ${line.deviceCode}-${line.number}`.slice(0, 22)),
  );
  const totals = result.totals.map((total) =>
    lineText(total, store, `${channelNames[total.channel]} (${total.orders})`),
  );
  return {
    json: result,
    text: [
      `settlement statement of ${result.storeName} for ${result.day}:`,
      header,
      ...(lines.length > 0 ? lines : ['(no online orders or group-buy vouchers that day)']),
      'totals:',
      ...totals,
    ].join('\n'),
  };
}
