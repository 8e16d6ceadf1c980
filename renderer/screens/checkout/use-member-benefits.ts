import { keepPreviousData } from '@tanstack/react-query';
import { useMemo } from 'react';
import { MemberId } from '../../../shared/ids';
import type { Cart } from '../../../shared/pricing/cart';
import type { MemberPricing } from '../../../shared/pricing/member-pricing';
import { useApiQuery } from '../../api/use-api';

/** Stands in the query's input while the sale has no member: the query is off then. */
const noMember = MemberId.parse('00000000-0000-7000-8000-000000000000');

/**
 * What the sale's member's tier gives on the cart's products, as the core reads it from its cache
 * (`members.benefits`), for the preview: the core prices the sale again the same way at Pay. The
 * query's key is the member and the set of products, so a quantity change asks nothing again.
 */
export function useMemberBenefits(cart: Cart): MemberPricing | undefined {
  const productIds = [...new Set(cart.lines.map((line) => line.productId))].sort();
  const memberId = cart.memberId ?? null;
  const benefits = useApiQuery(
    'members.benefits',
    { memberId: memberId ?? noMember, productIds },
    { enabled: memberId !== null && productIds.length > 0, placeholderData: keepPreviousData },
  );
  const data = memberId ? benefits.data : undefined;
  return useMemo(
    () =>
      data && {
        tierDiscountBp: data.tierDiscountBp,
        memberPrices: new Map(data.memberPrices.map((price) => [price.productId, price.price])),
      },
    [data],
  );
}
