import { readFileSync } from 'node:fs';
import type { TierLadder } from '../../shared/members/tiers';
import { optional, readFlags, UsageError } from './args';
import { operatorFrom } from './operator-client';
import type { CommandResult } from './operator-commands';

const connection = { url: { type: 'string' }, token: { type: 'string' } } as const;

function tierLine(tier: TierLadder[number]): string {
  const parts = tier.benefits.map((benefit) => {
    switch (benefit.kind) {
      case 'tier_discount':
        return `${benefit.rateBp / 100}% off`;
      case 'member_prices':
        return `${benefit.prices.length} member price(s)`;
      default: {
        const unreachable: never = benefit;
        return String(unreachable);
      }
    }
  });
  return `${tier.id}  ${tier.nameEn}/${tier.nameZh}  from ${tier.minGrowth} growth  ${parts.join(', ') || 'no benefits'}`;
}

/**
 * `members tiers` prints the brand's ladder; `--file <ladder.json>` sets it first: a JSON array of
 * tiers (or `{"tiers": [...]}`) as docs/members.md shows, member prices in fen by SKU.
 */
export async function memberTiers(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, file: { type: 'string' } });
  const operator = operatorFrom(values);
  const file = optional(values, 'file');
  if (file === undefined) {
    const { tiers } = await operator.call<{ tiers: TierLadder }>('GET', '/v1/admin/member-tiers');
    return { json: { tiers }, text: tiers.map(tierLine).join('\n') };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  const body = Array.isArray(parsed) ? { tiers: parsed } : parsed;
  const { tiers } = await operator.call<{ tiers: TierLadder }>('PUT', '/v1/admin/member-tiers', body);
  return { json: { tiers }, text: `tier ladder set:\n${tiers.map(tierLine).join('\n')}` };
}
