import type { Database } from 'better-sqlite3';
import type { Tier, TierBenefit, TierLadder } from '../../../shared/members/tiers';
import type { Money } from '../../../shared/money';
import { namedStatements } from '../db/open-database';

/**
 * The brand's tier ladder as the platform sent it (migration 0014). A change replaces the whole
 * ladder; a sale reads its member's tier with the member prices of the SKUs it sells, no more.
 */
const statements = namedStatements({
  forgetPrices: 'DELETE FROM member_prices',
  forgetTiers: 'DELETE FROM member_tiers',
  insertTier: `INSERT INTO member_tiers (tier_id, position, name_zh, name_en, min_growth, tier_discount_bp)
    VALUES (@tierId, @position, @nameZh, @nameEn, @minGrowth, @tierDiscountBp)`,
  insertPrice: 'INSERT INTO member_prices (tier_id, sku, price) VALUES (?, ?, ?)',
  tier: 'SELECT * FROM member_tiers WHERE tier_id = ?',
  price: 'SELECT price FROM member_prices WHERE tier_id = ? AND sku = ?',
});

type TierRow = {
  tier_id: number;
  position: number;
  name_zh: string;
  name_en: string;
  min_growth: number;
  tier_discount_bp: number;
};

export function cacheLadder(db: Database, ladder: TierLadder): void {
  const q = statements(db);
  q.forgetPrices.run();
  q.forgetTiers.run();
  ladder.forEach((tier, position) => {
    const discount = tier.benefits.find((b) => b.kind === 'tier_discount');
    q.insertTier.run({
      tierId: tier.id,
      position,
      nameZh: tier.nameZh,
      nameEn: tier.nameEn,
      minGrowth: tier.minGrowth,
      tierDiscountBp: discount?.rateBp ?? 0,
    });
    for (const benefit of tier.benefits) {
      if (benefit.kind === 'member_prices') for (const p of benefit.prices) q.insertPrice.run(tier.id, p.sku, p.price);
    }
  });
}

/** A till unpaired from its platform forgets the brand's ladder with its members. */
export function forgetLadder(db: Database): void {
  statements(db).forgetPrices.run();
  statements(db).forgetTiers.run();
}

/**
 * The tier as the pricing needs it for these SKUs: its tier discount and the member prices of
 * those of the SKUs that have one. Null when this till has no such tier (the ladder has not come
 * down yet, or the tier was removed since the member was sent).
 */
export function cachedTier(db: Database, tierId: number, skus: readonly string[]): Tier | null {
  const q = statements(db);
  const row = q.tier.get(tierId) as TierRow | undefined;
  if (!row) return null;
  const prices = [...new Set(skus)].flatMap((sku) => {
    const found = q.price.get(tierId, sku) as { price: number } | undefined;
    return found ? [{ sku, price: found.price as Money }] : [];
  });
  const benefits: TierBenefit[] = [];
  if (row.tier_discount_bp > 0) benefits.push({ kind: 'tier_discount', rateBp: row.tier_discount_bp });
  if (prices.length > 0) benefits.push({ kind: 'member_prices', prices });
  return { id: row.tier_id, nameZh: row.name_zh, nameEn: row.name_en, minGrowth: row.min_growth, benefits };
}
