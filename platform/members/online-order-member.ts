import type { MobilePhone } from '../../shared/members/phone';
import type { OnlineOrderInput } from '../../shared/platform-api/operator-input';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';
import { auditMember, lockPhone, type MemberRow, memberById, memberByPhone } from './member-records';
import { insertMember, phoneOrRefuse } from './member-service';
import { markSeen, republishMember } from './member-versions';

/** The member an online order is credited to, and whether the order made them. */
export type OrderMember = { id: string; joined: boolean };

/** The order's customer number, read like the till reads one; refused before anything is stored. */
export function orderPhone(input: OnlineOrderInput): MobilePhone | null {
  if (input.customerPhone === null) return null;
  if (input.memberId !== null) throw new ApiError(400, 'online_order_member_twice');
  return phoneOrRefuse(input.customerPhone);
}

type PlacedOrder = { id: string; storeId: string; channel: OnlineOrderInput['channel'] };

/**
 * The member of a new online order (docs/members.md, "Members from online orders"): the one it
 * names, or the brand's member with the customer's number — made now, with the order's channel and
 * time as their first visit, when there is none and the customer consented to marketing. Either
 * way the store has now seen them, so its tills get them like any member. Store → member → counter.
 */
export async function memberOfOrder(
  tx: Queryable,
  input: OnlineOrderInput,
  phone: MobilePhone | null,
  order: PlacedOrder,
  now: number,
): Promise<OrderMember | null> {
  if (input.memberId !== null) {
    const member = await memberById(tx, input.memberId);
    if (!member || member.erased_at !== null) throw new ApiError(400, 'member_unknown');
    return { id: member.id, joined: false };
  }
  if (phone === null) return null;
  await lockPhone(tx, phone);
  const existing = await memberByPhone(tx, phone, true);
  const member = existing ?? (await joinFromOrder(tx, input, phone, order, now));
  if (existing) await linkExisting(tx, existing, input.marketingConsent, order, now);
  await markSeen(tx, order.storeId, member.id, now);
  return { id: member.id, joined: existing === null };
}

async function joinFromOrder(
  tx: Queryable,
  input: OnlineOrderInput,
  phone: MobilePhone,
  order: PlacedOrder,
  now: number,
): Promise<MemberRow> {
  // Membership keeps the number for marketing: without consent the order stays a guest's.
  if (!input.marketingConsent) throw new ApiError(400, 'member_consent_required');
  return insertMember(
    tx,
    {
      phone,
      name: null,
      consent: true,
      via: 'online_order',
      storeId: order.storeId,
      onlineOrder: { id: order.id, channel: order.channel },
    },
    { kind: 'operator' },
    now,
  );
}

/** A known number: the order is theirs; consent given in the app is recorded, never taken away by an order. */
async function linkExisting(tx: Queryable, member: MemberRow, consent: boolean, order: PlacedOrder, now: number) {
  const consentGiven = consent && !member.consent;
  if (consentGiven) {
    await tx.query('UPDATE members SET consent = true, consent_at = $2 WHERE id = $1', [member.id, now]);
    await republishMember(tx, member.id);
  }
  await auditMember(tx, {
    memberId: member.id,
    actor: { kind: 'operator' },
    action: 'member.online_order',
    detail: { onlineOrderId: order.id, channel: order.channel, storeId: order.storeId, consentGiven },
    at: now,
  });
}

/**
 * A replayed order must be the same order: the same request (checked by its hash, which leaves the
 * number out and says only whether there was one) and, when it carries a number, the number of the
 * member it was credited to. An erased member's number is gone, so a replay of their order is
 * answered as it was.
 */
export async function replayMember(
  tx: Queryable,
  phone: MobilePhone | null,
  memberId: string | null,
  orderId: string,
): Promise<OrderMember | null> {
  const member = memberId === null ? null : await memberById(tx, memberId);
  if (phone !== null && member && member.erased_at === null && member.phone !== phone) {
    throw new ApiError(409, 'online_order_replay_mismatch', { id: orderId });
  }
  if (!member) return null;
  return { id: member.id, joined: member.created_via === 'online_order' && member.created_online_order_id === orderId };
}
