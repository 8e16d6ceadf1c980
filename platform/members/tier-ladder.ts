import { type LadderShapeProblem, ladderShapeProblem } from '../../shared/members/tier-shape';
import { type LadderProblem, ladderProblem, TierLadder } from '../../shared/members/tiers';
import type { MessageParams } from '../../shared/sync/platform-messages';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { readMemberSettings } from './member-settings';
import { reserveMemberVersions } from './member-versions';

/** A ladder problem's words (tier names, a rule) as the platform's messages take them. */
function problemParams(problem: LadderProblem | LadderShapeProblem): MessageParams {
  return Object.fromEntries(
    Object.entries(problem.params).map(([key, words]) => [
      key,
      typeof words === 'string' ? words : { en: words.en, zh: words['zh-CN'] },
    ]),
  );
}

/**
 * The ladder in a request body, or the first thing wrong with its shape in the owner's words
 * (never the validator's): which tier, and what a tier's field may hold.
 */
export function ladderFromBody(body: unknown): TierLadder {
  const tiers = typeof body === 'object' && body !== null ? Reflect.get(body, 'tiers') : undefined;
  const shape = ladderShapeProblem(tiers);
  if (shape) throw new ApiError(400, shape.code, problemParams(shape));
  return TierLadder.parse(tiers);
}

/**
 * The operator sets the brand's tier ladder with its benefits (docs/members.md, "Setting the
 * ladder"). Checked with `ladderProblem` first; then every member's tier follows their growth on
 * the new ladder, the members whose tier or tier name changed go again to every store that has seen
 * them, and the `member_tiers` stream carries the new ladder to every till.
 */
export async function setTierLadder(sql: Sql, ladder: TierLadder, now: number): Promise<TierLadder> {
  const problem = ladderProblem(ladder);
  if (problem) throw new ApiError(400, problem.code, problemParams(problem));
  await sql.transaction(async (tx) => {
    // The settings row first: two operators setting ladders at once apply one after the other.
    await tx.query('SELECT id FROM member_settings WHERE id = 1 FOR UPDATE');
    const before = await readMemberSettings(tx);
    const retiered = await retier(tx, ladder);
    const renamed = ladder
      .filter((tier) => {
        const was = before.ladder.find((old) => old.id === tier.id);
        return !was || was.nameZh !== tier.nameZh || was.nameEn !== tier.nameEn;
      })
      .map((tier) => tier.id);
    await republishMembers(tx, retiered, renamed);
    const version = await reserveMemberVersions(tx, 1);
    await tx.query('UPDATE member_settings SET ladder = $1::jsonb, version = $2 WHERE id = 1', [
      JSON.stringify(ladder),
      version,
    ]);
    await tx.query(
      `INSERT INTO member_settings_changes (actor, action, detail, at) VALUES ('operator', 'member.tiers_set', $1::jsonb, $2)`,
      [
        JSON.stringify({
          before: before.ladder.map(summary),
          after: ladder.map(summary),
          membersRetiered: retiered.length,
        }),
        now,
      ],
    );
  });
  return ladder;
}

/** What the audit keeps of a tier: enough to see what changed, not 20,000 prices. */
function summary(tier: TierLadder[number]) {
  return {
    id: tier.id,
    nameZh: tier.nameZh,
    nameEn: tier.nameEn,
    minGrowth: tier.minGrowth,
    tierDiscountBp: tier.benefits.find((b) => b.kind === 'tier_discount')?.rateBp ?? 0,
    memberPrices: tier.benefits.find((b) => b.kind === 'member_prices')?.prices.length ?? 0,
  };
}

/** Every member's tier from their growth on the new ladder (as `tierFor`); the ids whose tier moved. */
async function retier(tx: Queryable, ladder: TierLadder): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE members m SET tier = t.tier
     FROM (SELECT m2.id,
             (SELECT (e->>'id')::int FROM jsonb_array_elements($1::jsonb) e
              WHERE (e->>'minGrowth')::bigint <= m2.growth ORDER BY (e->>'minGrowth')::bigint DESC LIMIT 1) AS tier
           FROM members m2) t
     WHERE t.id = m.id AND m.tier IS DISTINCT FROM t.tier
     RETURNING m.id`,
    [JSON.stringify(ladder)],
  );
  return rows.map((row) => row.id);
}

/** New versions, at every store that saw them, of the members retiered or whose tier was renamed. */
async function republishMembers(tx: Queryable, memberIds: string[], renamedTiers: number[]): Promise<void> {
  const scope = `FROM store_members s JOIN members m ON m.id = s.member_id
    WHERE m.id = ANY($1::uuid[]) OR m.tier = ANY($2::int[])`;
  const [{ count }] = await tx.query<{ count: number }>(`SELECT count(*)::int AS count ${scope}`, [
    memberIds,
    renamedTiers,
  ]);
  if (count === 0) return;
  const first = await reserveMemberVersions(tx, count);
  await tx.query(
    `UPDATE store_members u SET version = $3 + n.rn - 1
     FROM (SELECT s.store_id, s.member_id, row_number() OVER (ORDER BY s.store_id, s.member_id) AS rn ${scope}) n
     WHERE u.store_id = n.store_id AND u.member_id = n.member_id`,
    [memberIds, renamedTiers, first],
  );
}
