import type { MemberBenefits } from '../../../shared/contract/members';
import { ProductId } from '../../../shared/ids';
import { memberPricingOf } from '../../../shared/members/tiers';
import type { Cart } from '../../../shared/pricing/cart';
import type { MemberPricing } from '../../../shared/pricing/member-pricing';
import { findProduct } from '../catalog/product-records';
import type { HandlerContext, Handlers } from '../handler-context';
import { cachedMember, type MemberRow } from './member-cache';
import { cachedTier } from './tier-cache';

type Product = { id: string; sku: string };

/**
 * What a cached member's tier gives on these products, from the ladder the platform sent; nothing
 * for a member known by id alone (tier unknown), an erased member, or a tier this till does not
 * have. The core prices every sale with this, never with what the screen previewed.
 */
export function memberPricingFor(
  db: HandlerContext['db'],
  member: MemberRow | null,
  products: readonly Product[],
): MemberPricing | undefined {
  if (!member || member.tier_id === null || member.erased === 1) return undefined;
  const tier = cachedTier(
    db,
    member.tier_id,
    products.map((p) => p.sku),
  );
  return tier ? memberPricingOf(tier, products) : undefined;
}

function productsOf(db: HandlerContext['db'], ids: readonly string[]): Product[] {
  return ids.flatMap((id) => {
    const row = findProduct(db, id);
    return row ? [{ id: row.id, sku: row.sku }] : [];
  });
}

/** The cart's member's benefits on its products, for a total outside the commit (a parked cart, a hold). */
export function cartMemberPricing(db: HandlerContext['db'], cart: Cart): MemberPricing | undefined {
  if (!cart.memberId) return undefined;
  const products = productsOf(
    db,
    cart.lines.map((line) => line.productId),
  );
  return memberPricingFor(db, cachedMember(db, cart.memberId), products);
}

export const memberBenefitHandlers: Pick<Handlers, 'members.benefits'> = {
  'members.benefits': (ctx, input): MemberBenefits => {
    const products = productsOf(ctx.db, input.productIds);
    const pricing = memberPricingFor(ctx.db, cachedMember(ctx.db, input.memberId), products);
    if (!pricing) return { tierDiscountBp: 0, memberPrices: [] };
    return {
      tierDiscountBp: pricing.tierDiscountBp,
      memberPrices: [...pricing.memberPrices].map(([id, price]) => ({ productId: ProductId.parse(id), price })),
    };
  },
};
