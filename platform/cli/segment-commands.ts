import type {
  MemberCampaignIssued,
  MemberCampaignReport,
  ScoringSchedule,
  StoreSegmentSettings,
} from '../../shared/members/segment-wire';
import { optional, readFlags, required, UsageError } from './args';
import { operatorFrom } from './operator-client';
import type { CommandResult } from './operator-commands';
import { wholeNumber } from './voucher-commands';

const connection = { url: { type: 'string' }, token: { type: 'string' } } as const;

const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

function positional(values: { _: string[] }, usage: string): string {
  const value = values._[0];
  if (!value) throw new UsageError(usage);
  return encodeURIComponent(value);
}

/** A store's type, and its own recency bands when the preset does not fit (`--bands 30,90,180`). */
export async function memberSegments(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, type: { type: 'string' }, bands: { type: 'string' } }, 1);
  const store = positional(
    values,
    'members segments <store id> --type <cafe|restaurant|bakery|convenience|retail> [--bands a,s,c]',
  );
  const bandsText = optional(values, 'bands');
  const days = bandsText === undefined ? null : list(bandsText).map(Number);
  if (days && (days.length !== 3 || days.some((d) => !Number.isInteger(d))))
    throw new UsageError('--bands takes three whole day counts: active, sleeping, churned (30,90,180)');
  const settings = await operatorFrom(values).call<StoreSegmentSettings>('PUT', `/v1/admin/stores/${store}/segments`, {
    storeType: required(values, 'type'),
    bands: days ? { activeDays: days[0], sleepingDays: days[1], churnedDays: days[2] } : null,
  });
  const { activeDays, sleepingDays, churnedDays } = settings.bands;
  return {
    json: settings,
    text: `store ${decodeURIComponent(store)}: ${settings.storeType}, bands ${activeDays}/${sleepingDays}/${churnedDays} days`,
  };
}

/** Scores every member now (the nightly job, run by hand). */
export async function memberScore(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, connection);
  const run = await operatorFrom(values).call<{ population: number; changed: number; tookMs: number }>(
    'POST',
    '/v1/admin/members/score',
    {},
  );
  return {
    json: run,
    text: `scored ${run.population} members in ${run.tookMs} ms; ${run.changed} changed value segment`,
  };
}

/** When the platform scores the members by itself each day; with --at / --time-zone, moves it. */
export async function memberScoreSchedule(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, at: { type: 'string' }, 'time-zone': { type: 'string' } });
  const operator = operatorFrom(values);
  const at = optional(values, 'at');
  const zone = optional(values, 'time-zone');
  const schedule =
    at === undefined && zone === undefined
      ? await operator.call<ScoringSchedule>('GET', '/v1/admin/members/score-schedule')
      : await operator.call<ScoringSchedule>('PUT', '/v1/admin/members/score-schedule', {
          ...(await operator.call<ScoringSchedule>('GET', '/v1/admin/members/score-schedule')),
          ...(at === undefined ? {} : { at }),
          ...(zone === undefined ? {} : { timeZone: zone }),
        });
  return {
    json: schedule,
    text: `members are scored daily at ${schedule.at} ${schedule.timeZone}; last scheduled run: ${schedule.lastDay ?? 'none yet'}`,
  };
}

/** A coupon campaign sent to a segment, with a seeded holdout. */
export async function memberCampaign(args: string[]): Promise<CommandResult> {
  const spec = {
    ...connection,
    name: { type: 'string' },
    store: { type: 'string' },
    values: { type: 'string' },
    bands: { type: 'string' },
    holdout: { type: 'string' },
    seed: { type: 'string' },
  } as const;
  const values = readFlags(args, spec, 1);
  const usage =
    'members campaign <voucher campaign id> --name <n> --store <id> --values high,mid --bands sleeping,churned --holdout <percent> --seed <s>';
  const voucherCampaignId = Number(positional(values, usage));
  const issued = await operatorFrom(values).call<MemberCampaignIssued>('POST', '/v1/admin/member-campaigns', {
    name: required(values, 'name'),
    voucherCampaignId,
    storeId: required(values, 'store'),
    segment: { values: list(required(values, 'values')), bands: list(required(values, 'bands')) },
    holdoutBp: (wholeNumber(values, 'holdout', 1) ?? 10) * 100,
    seed: required(values, 'seed'),
  });
  return {
    json: issued,
    text: `member campaign ${issued.id}: ${issued.treated} sent a voucher, ${issued.holdout} held out`,
  };
}

/** The treated members against the holdout over a span of business days. */
export async function memberCampaignReport(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, from: { type: 'string' }, to: { type: 'string' } }, 1);
  const id = positional(values, 'members campaign-report <id> --from YYYY-MM-DD --to YYYY-MM-DD');
  const query = new URLSearchParams({ firstDay: required(values, 'from'), lastDay: required(values, 'to') });
  const report = await operatorFrom(values).call<MemberCampaignReport>(
    'GET',
    `/v1/admin/member-campaigns/${id}/report?${query}`,
  );
  const arm = (name: string, a: MemberCampaignReport['treated']) =>
    `${name}: ${a.members} members, ${a.buyers} bought, ${a.orders} orders, sales ${a.sales}, per member ${a.salesPerMember}, average ticket ${a.averageTicket}`;
  const text = [
    arm('treated', report.treated),
    arm('holdout', report.holdout),
    `uplift per member ${report.upliftPerMember}${report.upliftBp === null ? '' : ` (${report.upliftBp / 100}%)`}; vouchers redeemed ${report.vouchersRedeemed}`,
  ].join('\n');
  return { json: report, text };
}
