import { optional, readFlags, UsageError } from './args';
import { operatorFrom } from './operator-client';
import type { CommandResult } from './operator-commands';
import { wholeNumber } from './voucher-commands';

const connection = { url: { type: 'string' }, token: { type: 'string' } } as const;

type RulesAnswer = {
  earnPerYuan: number;
  redemption:
    | { kind: 'off' }
    | { kind: 'on'; blockPoints: number; blockFen: number; minPoints: number; maxPoints: number; maxShareBp: number };
  offlineCap: number;
};

function rulesLine(rules: RulesAnswer): string {
  const r = rules.redemption;
  const redeem =
    r.kind === 'off'
      ? 'points do not pay'
      : `${r.blockPoints} points pay ${r.blockFen} fen, ${r.minPoints}–${r.maxPoints} an order, at most ${r.maxShareBp / 100} % of it`;
  return `earn ${rules.earnPerYuan} a yuan; ${redeem}; offline at most ${rules.offlineCap} a member`;
}

/** `--redeem 100:100` (points:fen) or `--redeem off`. */
function redemptionOf(values: Record<string, unknown>) {
  const text = optional(values, 'redeem') ?? 'off';
  if (text === 'off') return { kind: 'off' };
  const match = /^(\d{1,9}):(\d{1,9})$/.exec(text);
  if (!match) throw new UsageError(`--redeem "${text}" is not points:fen (100:100 is 1 point a fen) or off`);
  return {
    kind: 'on',
    blockPoints: Number(match[1]),
    blockFen: Number(match[2]),
    minPoints: wholeNumber(values, 'min') ?? 0,
    maxPoints: wholeNumber(values, 'max') ?? 100_000,
    maxShareBp: Math.round((Number(optional(values, 'share') ?? '100') || 0) * 100),
  };
}

const rulesUsage =
  'members points-rules <store id> --earn <points a yuan> [--redeem <points:fen>|off] [--min <points>] [--max <points>] [--share <percent>] [--offline-cap <points>]';

/** Sets a store's points rules; each wrong value is refused by the platform in the operator's words. */
export async function pointsRules(args: string[]): Promise<CommandResult> {
  const values = readFlags(
    args,
    {
      ...connection,
      earn: { type: 'string' },
      redeem: { type: 'string' },
      min: { type: 'string' },
      max: { type: 'string' },
      share: { type: 'string' },
      'offline-cap': { type: 'string' },
    },
    1,
  );
  const storeId = values._[0];
  if (!storeId) throw new UsageError(rulesUsage);
  const operator = operatorFrom(values);
  const path = `/v1/admin/stores/${encodeURIComponent(storeId)}/points-rules`;
  if (optional(values, 'earn') === undefined) {
    const rules = await operator.call<RulesAnswer>('GET', path);
    return { json: rules, text: rulesLine(rules) };
  }
  const rules = await operator.call<RulesAnswer>('PUT', path, {
    earnPerYuan: wholeNumber(values, 'earn'),
    redemption: redemptionOf(values),
    offlineCap: wholeNumber(values, 'offline-cap') ?? 0,
  });
  return { json: rules, text: `points rules set: ${rulesLine(rules)}` };
}

type JournalAnswer = {
  balance: number;
  held: number;
  available: number;
  movements: { kind: string; at: number; balanceAfter: number; actor: string; [figure: string]: unknown }[];
};

/** A member's points: the balance and every movement, oldest first. */
export async function pointsShow(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, connection, 1);
  const id = values._[0];
  if (!id) throw new UsageError('members points <member id>');
  const journal = await operatorFrom(values).call<JournalAnswer>(
    'GET',
    `/v1/admin/members/${encodeURIComponent(id)}/points`,
  );
  const lines = journal.movements.map((m) => {
    const { kind, at, balanceAfter, actor, movementId: _id, ...figures } = m;
    return `${new Date(at).toISOString()}  ${kind.padEnd(7)}  ${JSON.stringify(figures)}  → ${balanceAfter}  (${actor})`;
  });
  const head = `balance ${journal.balance}, held ${journal.held}, available ${journal.available}`;
  return { json: journal, text: [head, ...lines].join('\n') };
}

/** Points that came in before the date and were not used expire, as journal movements. */
export async function pointsExpire(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, before: { type: 'string' } });
  const before = optional(values, 'before');
  if (!before) throw new UsageError('members points-expire --before <YYYY-MM-DD>');
  const answer = await operatorFrom(values).call<{ members: number; points: number }>(
    'POST',
    '/v1/admin/points/expire',
    { before },
  );
  return {
    json: answer,
    text: `expired ${answer.points} points of ${answer.members} member(s) earned before ${before}`,
  };
}

type Loss = {
  memberId: string;
  kind: string;
  orderId: string | null;
  storeId: string | null;
  points: number;
  overCap: boolean;
  at: number;
};

/** What offline spending and refunds of spent points cost, newest first. */
export async function pointsLosses(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, connection);
  const { losses } = await operatorFrom(values).call<{ losses: Loss[] }>('GET', '/v1/admin/points/losses');
  const text = losses
    .map(
      (l) =>
        `${new Date(l.at).toISOString()}  ${l.kind.padEnd(11)}  ${l.points} points  member ${l.memberId}  order ${l.orderId ?? '—'}${l.overCap ? '  (past the offline cap)' : ''}`,
    )
    .join('\n');
  return { json: { losses }, text: text || 'no points losses' };
}
