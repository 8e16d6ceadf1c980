import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { type TimeWindow, VoucherType } from '../../shared/vouchers/campaign';
import type { CampaignAudience } from '../../shared/vouchers/campaign-audience';
import { voucherTypes } from '../../shared/vouchers/cp1';
import type { VoucherStatus } from '../../shared/vouchers/redemption-wire';
import { optional, readFlags, required, UsageError } from './args';
import { operatorFrom } from './operator-client';
import type { CommandResult } from './operator-commands';

const connection = { url: { type: 'string' }, token: { type: 'string' } } as const;

const when = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

export function wholeNumber(values: Record<string, unknown>, name: string, min = 0): number | undefined {
  const text = optional(values, name);
  if (text === undefined) return undefined;
  if (!/^\d{1,12}$/.test(text) || Number(text) < min)
    throw new UsageError(`--${name} "${text}" is not a whole number ≥ ${min}`);
  return Number(text);
}

/** ISO date (a whole day, UTC) or date-time; `end` makes a date mean the end of that day. */
export function unixSecondsOf(text: string, name: string, end = false): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const ms = Date.parse(dateOnly ? `${text}T00:00:00Z` : text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(ms)) {
    throw new UsageError(`--${name} "${text}" is not an ISO date or date-time`);
  }
  return Math.floor(ms / 1000) + (dateOnly && end ? 86_400 : 0);
}

/** `--weekdays 1,2,3` (0 or 7 = Sunday) and `--hours 14:00-17:00` → one weekly window. */
export function windowOf(weekdays: string | undefined, hours: string | undefined): TimeWindow[] {
  if (weekdays === undefined && hours === undefined) return [];
  const days = (weekdays ?? '0,1,2,3,4,5,6').split(',').map((day) => {
    if (!/^\s*[0-7]\s*$/.test(day)) throw new UsageError(`--weekdays "${weekdays}" is not a list of 0..7`);
    return Number(day) % 7;
  });
  let fromMinute = 0;
  let toMinute = 1440;
  if (hours !== undefined) {
    const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(hours.trim());
    if (!match) throw new UsageError(`--hours "${hours}" is not like 14:00-17:00`);
    fromMinute = Number(match[1]) * 60 + Number(match[2]);
    toMinute = Number(match[3]) * 60 + Number(match[4]);
    if (fromMinute >= toMinute || toMinute > 1440 || Number(match[2]) > 59 || Number(match[4]) > 59) {
      throw new UsageError(`--hours "${hours}" must run forwards within one day`);
    }
  }
  return [{ weekdays: [...new Set(days)].sort(), fromMinute, toMinute }];
}

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? [value] : [])
    .flatMap((item: string) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');

export async function campaignCreate(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, {
    ...connection,
    store: { type: 'string' },
    type: { type: 'string' },
    name: { type: 'string' },
    value: { type: 'string' },
    percent: { type: 'string' },
    cap: { type: 'string' },
    'min-spend': { type: 'string' },
    sku: { type: 'string', multiple: true },
    category: { type: 'string', multiple: true },
    'item-sku': { type: 'string' },
    'valid-from': { type: 'string' },
    'valid-to': { type: 'string' },
    'offline-allowed': { type: 'boolean' },
    exclusive: { type: 'boolean' },
    'stacking-group': { type: 'string' },
    'max-per-order': { type: 'string' },
    'per-customer-limit': { type: 'string' },
    audience: { type: 'string' },
    'min-tier': { type: 'string' },
    'per-member-limit': { type: 'string' },
    'reversal-window-hours': { type: 'string' },
    weekdays: { type: 'string' },
    hours: { type: 'string' },
    'settlement-price': { type: 'string' },
  });
  const typed = VoucherType.safeParse(required(values, 'type'));
  if (!typed.success) throw new UsageError(`--type is one of ${voucherTypes.join(', ')}`);
  const type = typed.data;
  const store = optional(values, 'store');
  const percent = optional(values, 'percent');
  if (percent !== undefined && !/^\d{1,3}(\.\d{1,2})?$/.test(percent))
    throw new UsageError(`--percent "${percent}" is not a percentage`);
  const value = percent !== undefined ? Math.round(Number(percent) * 100) : (wholeNumber(values, 'value') ?? 0);
  const now = Math.floor(Date.now() / 1000);
  const validFromText = optional(values, 'valid-from');
  const validToText = optional(values, 'valid-to');
  const body = {
    storeId: store === undefined || store === 'all' ? null : store,
    name: optional(values, 'name') ?? `${type} ${value}`,
    type,
    value,
    validFrom: validFromText ? unixSecondsOf(validFromText, 'valid-from') : now,
    validTo: validToText ? unixSecondsOf(validToText, 'valid-to', true) : now + 30 * 86_400,
    rules: {
      minSpend: wholeNumber(values, 'min-spend'),
      cap: wholeNumber(values, 'cap', 1) ?? null,
      skus: list(values.sku),
      categories: list(values.category),
      itemSku: optional(values, 'item-sku') ?? null,
      windows: windowOf(optional(values, 'weekdays'), optional(values, 'hours')),
      exclusive: values.exclusive === true,
      stackingGroup: optional(values, 'stacking-group') ?? null,
      maxPerOrder: wholeNumber(values, 'max-per-order', 1),
      perCustomerLimit: wholeNumber(values, 'per-customer-limit', 1) ?? null,
      audience: audienceOf(optional(values, 'audience'), wholeNumber(values, 'min-tier')),
      perMemberLimit: wholeNumber(values, 'per-member-limit') ?? null,
      offlineAllowed: values['offline-allowed'] === true,
      reversalWindowHours: wholeNumber(values, 'reversal-window-hours'),
    },
    settlementPrice: wholeNumber(values, 'settlement-price') ?? null,
  };
  const created = await operatorFrom(values).route('admin.campaigns.create', body);
  const { campaign } = created;
  return {
    json: created,
    text: `campaign ${campaign.id} created: ${campaign.name} (${campaign.type}, value ${campaign.value}${
      campaign.settlementPrice == null ? '' : `, settles at ${campaign.settlementPrice}`
    }) for ${created.storeId ?? 'every store'}, ${when(campaign.validFrom)} – ${when(campaign.validTo)}${audienceText(
      campaign.rules,
    )}`,
  };
}

/** `--audience everyone|members|new-customers`, `--min-tier <tier id>` for members of that tier or above. */
function audienceOf(audience: string | undefined, minTier: number | undefined): CampaignAudience {
  if (minTier !== undefined && audience !== 'members') throw new UsageError('--min-tier goes with --audience members');
  switch (audience) {
    case undefined:
    case 'everyone':
      return { kind: 'everyone' };
    case 'members':
      return { kind: 'members', minTier: minTier ?? null };
    case 'new-customers':
      return { kind: 'new_customers' };
    default:
      throw new UsageError(`--audience "${audience}" is one of everyone, members, new-customers`);
  }
}

function audienceText(rules: { audience: CampaignAudience; perMemberLimit: number | null }): string {
  const { audience, perMemberLimit } = rules;
  const who =
    audience.kind === 'members'
      ? audience.minTier === null
        ? ', members only'
        : `, members of tier ${audience.minTier} and above`
      : audience.kind === 'new_customers'
        ? ', new customers only'
        : '';
  return `${who}${perMemberLimit === null ? '' : `, ${perMemberLimit} per member`}`;
}

export async function voucherIssue(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, {
    ...connection,
    campaign: { type: 'string' },
    count: { type: 'string' },
    holder: { type: 'string' },
    out: { type: 'string' },
  });
  const campaign = required(values, 'campaign');
  if (!/^\d{1,9}$/.test(campaign)) throw new UsageError(`--campaign "${campaign}" is not a campaign number`);
  const count = wholeNumber(values, 'count', 1) ?? 1;
  const { vouchers } = await operatorFrom(values).route('admin.campaigns.issue', {
    id: campaign,
    count,
    holder: optional(values, 'holder') ?? null,
  });
  const out = optional(values, 'out');
  const files: (string | null)[] = [];
  if (out !== undefined) mkdirSync(out, { recursive: true });
  for (const voucher of vouchers) {
    const file = out === undefined ? null : join(out, `${voucher.id}.png`);
    // Level M keeps a ~160-character CP1 at QR version 7, which phone cameras read at a glance.
    if (file) await QRCode.toFile(file, voucher.code, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });
    files.push(file);
  }
  return {
    json: { vouchers: vouchers.map((voucher, i) => ({ ...voucher, ...(files[i] ? { file: files[i] } : {}) })) },
    text: vouchers.map((voucher, i) => `${voucher.code}${files[i] ? `\t${files[i]}` : ''}`).join('\n'),
  };
}

export async function voucherShow(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, connection, 1);
  const id = values._[0];
  if (!id) throw new UsageError('voucher show <voucher id>');
  const status = await operatorFrom(values).call<VoucherStatus>('GET', `/v1/vouchers/${encodeURIComponent(id)}`);
  const lines = [
    `voucher ${status.id}: ${status.state}`,
    `campaign ${status.campaignId} ${status.campaignName} (${status.type}, value ${status.value})`,
    `valid ${when(status.notBefore)} – ${when(status.expires)}`,
    status.redeemed
      ? `redeemed at ${status.redeemed.storeName} on ${new Date(status.redeemed.at).toISOString()} (${status.redeemed.redemptionId})`
      : 'not redeemed',
    status.code,
  ];
  return { json: status, text: lines.join('\n') };
}

export async function keyRotate(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, connection);
  const rotated = await operatorFrom(values).route('admin.voucherKeys.rotate', {});
  return {
    json: rotated,
    text: `signing key ${rotated.kid} is live${rotated.retired === null ? '' : `; key ${rotated.retired} retired (it still verifies what it signed)`}`,
  };
}
