import { createHash } from 'node:crypto';
import {
  type ArmFigures,
  MEMBER_CAMPAIGN_MAX,
  type MemberCampaignCreate,
  type MemberCampaignIssued,
  type MemberCampaignReport,
  type MemberReportQuery,
} from '../../shared/members/segment-wire';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import type { Kek } from '../vouchers/key-sealing';
import { issueToHolders } from '../vouchers/vouchers';
import { storeSegmentSettings } from './segment-settings';

const DAY_MS = 86_400_000;

/**
 * The holdout draw: a member is held out when the first four bytes of SHA-256(seed ":" member id),
 * modulo 10,000, fall under `holdoutBp`. The same seed always splits the same members the same
 * way, and anyone holding the seed can check the recorded arms.
 */
export function heldOut(seed: string, memberId: string, holdoutBp: number): boolean {
  const digest = createHash('sha256').update(`${seed}:${memberId}`).digest();
  return digest.readUInt32BE(0) % 10_000 < holdoutBp;
}

/** Scored members with marketing consent in the segment's value segments and (the store's) recency bands. */
async function segmentMembers(tx: Queryable, input: MemberCampaignCreate, now: number): Promise<string[]> {
  const { bands } = await storeSegmentSettings(tx, input.storeId);
  const rows = await tx.query<{ id: string }>(
    `SELECT m.id FROM member_scores sc JOIN members m ON m.id = sc.member_id
     CROSS JOIN LATERAL (SELECT GREATEST(0, ($3::bigint - COALESCE(m.last_visit_at, $3::bigint)) / ${DAY_MS}) AS days) d
     WHERE m.erased_at IS NULL AND m.consent AND sc.value = ANY($1::text[])
       AND (CASE WHEN d.days <= $4 THEN 'active' WHEN d.days <= $5 THEN 'sleeping' WHEN d.days <= $6 THEN 'churned'
            ELSE 'lost' END) = ANY($2::text[])
     ORDER BY m.id LIMIT $7`,
    [
      input.segment.values,
      input.segment.bands,
      now,
      bands.activeDays,
      bands.sleepingDays,
      bands.churnedDays,
      MEMBER_CAMPAIGN_MAX + 1,
    ],
  );
  if (rows.length > MEMBER_CAMPAIGN_MAX)
    throw new ApiError(400, 'member_campaign_too_large', { max: MEMBER_CAMPAIGN_MAX });
  return rows.map((row) => row.id);
}

/**
 * Sends a coupon campaign to a segment with a random holdout, in one transaction: the campaign, each
 * member's arm (and the treated members' vouchers, held by the member id) are recorded together.
 */
export async function issueMemberCampaign(
  sql: Sql,
  kek: Kek,
  input: MemberCampaignCreate,
  now: number,
): Promise<MemberCampaignIssued> {
  return sql.transaction(async (tx) => {
    const [store] = await tx.query('SELECT id FROM stores WHERE id = $1', [input.storeId]);
    if (!store) throw new ApiError(404, 'store_unknown');
    const members = await segmentMembers(tx, input, now);
    if (members.length === 0) throw new ApiError(400, 'member_campaign_empty');
    const holdout = members.filter((id) => heldOut(input.seed, id, input.holdoutBp));
    const treated = members.filter((id) => !heldOut(input.seed, id, input.holdoutBp));
    const vouchers = await issueToHolders(tx, kek, input.voucherCampaignId, treated, now);
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO member_campaigns (name, voucher_campaign_id, store_id, segment, holdout_bp, seed, issued_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7) RETURNING id`,
      [
        input.name,
        input.voucherCampaignId,
        input.storeId,
        JSON.stringify(input.segment),
        input.holdoutBp,
        input.seed,
        now,
      ],
    );
    const arms = [
      ...treated.map((member, i) => ({ member, arm: 'treated', voucher: vouchers[i].id })),
      ...holdout.map((member) => ({ member, arm: 'holdout', voucher: null })),
    ];
    await tx.query(
      `INSERT INTO member_campaign_members (campaign_id, member_id, arm, voucher_id)
       SELECT $1, x.member::uuid, x.arm, x.voucher FROM jsonb_to_recordset($2::jsonb) AS x(member text, arm text, voucher text)`,
      [id, JSON.stringify(arms)],
    );
    return { id, treated: treated.length, holdout: holdout.length };
  });
}

type ArmRow = { arm: 'treated' | 'holdout'; members: number; buyers: number; orders: number; sales: number };

function armFigures(row: ArmRow | undefined): ArmFigures {
  const { members = 0, buyers = 0, orders = 0, sales = 0 } = row ?? {};
  return {
    members,
    buyers,
    orders,
    sales,
    salesPerMember: members === 0 ? 0 : Math.round(sales / members),
    ordersPerMemberX100: members === 0 ? 0 : Math.round((orders * 100) / members),
    averageTicket: orders === 0 ? 0 : Math.round(sales / orders),
  };
}

/**
 * The campaign's uplift over a span: what the treated members bought (orders, sales, per member,
 * average ticket) beside the holdout, from every sale credited to them, at any store and online, net
 * of its refunds whatever day they were made (as the Members report counts sales).
 */
export async function memberCampaignReport(
  db: Queryable,
  id: number,
  span: MemberReportQuery,
): Promise<MemberCampaignReport> {
  const [campaign] = await db.query<{ name: string }>('SELECT name FROM member_campaigns WHERE id = $1', [id]);
  if (!campaign) throw new ApiError(404, 'member_campaign_unknown', { id });
  const rows = await db.query<ArmRow>(
    `SELECT cm.arm, count(DISTINCT cm.member_id)::int AS members, count(DISTINCT mo.member_id)::int AS buyers,
       count(mo.order_id)::int AS orders,
       COALESCE(sum(GREATEST(0, mo.total - COALESCE(r.refunded, 0))), 0)::bigint AS sales
     FROM member_campaign_members cm
     LEFT JOIN member_orders mo ON mo.member_id = cm.member_id AND mo.business_day BETWEEN $2::date AND $3::date
     LEFT JOIN LATERAL (SELECT sum(amount) AS refunded FROM refunds f WHERE f.store_id = mo.store_id AND f.order_id = mo.order_id) r
       ON true
     WHERE cm.campaign_id = $1 GROUP BY cm.arm`,
    [id, span.firstDay, span.lastDay],
  );
  const [{ redeemed }] = await db.query<{ redeemed: number }>(
    `SELECT count(*)::int AS redeemed FROM member_campaign_members cm JOIN vouchers v ON v.id = cm.voucher_id
     WHERE cm.campaign_id = $1 AND v.state IN ('REDEEMED', 'SETTLED')`,
    [id],
  );
  const treated = armFigures(rows.find((row) => row.arm === 'treated'));
  const holdout = armFigures(rows.find((row) => row.arm === 'holdout'));
  const upliftPerMember = treated.salesPerMember - holdout.salesPerMember;
  return {
    id,
    name: campaign.name,
    firstDay: span.firstDay,
    lastDay: span.lastDay,
    treated,
    holdout,
    upliftPerMember,
    upliftBp: holdout.salesPerMember === 0 ? null : Math.round((upliftPerMember * 10_000) / holdout.salesPerMember),
    vouchersRedeemed: redeemed,
  };
}
