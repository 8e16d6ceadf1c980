import { useMemo } from 'react';
import { MemberId } from '../../../shared/ids';
import { type CouponMember, couponMemberFromWire } from '../../../shared/vouchers/campaign-audience';
import { useApiQuery } from '../../api/use-api';
import type { CartState } from './cart-model';

/** Stands in the query's input while the sale has no member: the query is off then. */
const noMember = MemberId.parse('00000000-0000-7000-8000-000000000000');

/**
 * The sale's member as the member rules of the cart's campaigns judge them (`members.couponMember`:
 * the tier from this till's cache, new or not, this till's redemptions of those campaigns), so the
 * preview refuses such a coupon as the core will at Pay. Asked again whenever the member or the
 * campaigns change, and never taken from an earlier sale's answer (a redemption since counts).
 */
export function useCouponMember(state: CartState): CouponMember | undefined {
  const memberId = state.cart.memberId ?? null;
  const campaignIds = [...new Set(Object.values(state.vouchers).map((voucher) => voucher.campaign.id))].sort(
    (a, b) => a - b,
  );
  const answer = useApiQuery(
    'members.couponMember',
    { memberId: memberId ?? noMember, campaignIds },
    { enabled: memberId !== null && campaignIds.length > 0, staleTime: 0 },
  );
  const data = memberId ? answer.data : undefined;
  return useMemo(() => (data ? couponMemberFromWire(data) : undefined), [data]);
}
