import { liabilityMovements, type PointsLiability } from '../../shared/members/points-liability';
import { asMoney, toDecimalString } from '../../shared/money';
import { optional, readFlags, required, UsageError } from './args';
import { operatorFrom } from './operator-client';
import type { CommandResult } from './operator-commands';

const connection = { url: { type: 'string' }, token: { type: 'string' } } as const;

const cell = (figure: { points: number; value: number | null }) =>
  figure.value === null ? String(figure.points) : `${figure.points} (${toDecimalString(asMoney(figure.value), 2)})`;

/** The points liability per business day for a store: the brand's balances, this store's part. */
export async function pointsLiability(args: string[]): Promise<CommandResult> {
  const values = readFlags(
    args,
    { ...connection, from: { type: 'string' }, to: { type: 'string' }, cutoff: { type: 'string' } },
    1,
  );
  const store = values._[0];
  if (!store)
    throw new UsageError('members points-liability <store id> --from YYYY-MM-DD --to YYYY-MM-DD [--cutoff <hour>]');
  const cutoff = optional(values, 'cutoff') ?? '4';
  if (!/^\d{1,2}$/.test(cutoff) || Number(cutoff) > 12)
    throw new UsageError(`--cutoff "${cutoff}" is not an hour from 0 to 12`);
  const query = new URLSearchParams({
    firstDay: required(values, 'from'),
    lastDay: required(values, 'to'),
    cutoffHour: cutoff,
  });
  const report = await operatorFrom(values).call<PointsLiability>(
    'GET',
    `/v1/admin/stores/${encodeURIComponent(store)}/points-liability?${query}`,
  );
  const rate = report.rate
    ? `${report.rate.blockPoints} points = ${toDecimalString(asMoney(report.rate.blockFen), 2)}`
    : 'no value: the store takes no points';
  const lines = [
    `points liability, points (value) — the brand's balances; ${rate}; days of ${report.timeZone}, cut-off ${report.cutoffHour}:00`,
    ['day', 'opening', ...liabilityMovements, 'rounding', 'closing', 'here: earned / spent / reversed'].join('\t'),
    ...report.days.map((d) =>
      [
        d.day,
        cell(d.opening),
        ...liabilityMovements.map((kind) => cell(d[kind])),
        d.rounding ?? '',
        cell(d.closing),
        `${d.here.earned.points} / ${d.here.spent.points} / ${d.here.reversed.points}`,
      ].join('\t'),
    ),
  ];
  return { json: report, text: lines.join('\n') };
}
