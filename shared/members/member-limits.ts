/**
 * The largest value each member input can take (the members' part of shared/limits.ts): contract
 * schemas and the platform refuse past these, and a brand's or store's own settings are chosen
 * under them. Each bound comes from what a brand's member scheme meets in practice, with room.
 */
export const memberCeilings = {
  /** Characters of a typed or scanned phone number before it is cleaned up. */
  phoneText: 32,
  /** Characters of a scanned member code; a genuine one is about 165. */
  memberCodeText: 400,
  /** A member code lives a minute; the platform never signs one for longer than this. */
  memberCodeLifetimeSeconds: 300,
  /** After a member-code key rotation the previous key stays good at most a week (tills offline that long pull late). */
  memberKeyOverlapSeconds: 7 * 86_400,
  /** Characters of a member's name (a nickname or 张先生; optional). */
  memberName: 40,
  /** An enrolment code lives ten minutes and takes five wrong tries before a new one is needed. */
  enrolmentMinutes: 10,
  enrolmentAttempts: 5,
  /** Tiers in one brand's ladder (普通, 银卡, 金卡, 钻石 … rarely more than eight). */
  tiers: 20,
  /** Characters of a tier's name in either language. */
  tierName: 40,
  /** 成长值: growth a member can hold. */
  growth: 1_000_000_000,
  /** Products with a member price in one tier. */
  memberPrices: 20_000,
  /** The deepest tier discount: 50 % off. Past that a store means a member price. */
  tierDiscountBp: 5_000,
  /** Growth one whole yuan earns, and a bonus per order. */
  growthPerYuan: 100,
  growthPerOrder: 10_000,
  /** Points one whole yuan earns. */
  pointsPerYuan: 100,
  /** Points in one movement, and in a member's balance. */
  points: 1_000_000_000,
  /** Points in one block of the redemption rate (100 points = ¥1 is a block of 100). */
  pointsBlock: 100_000,
  /** Days in a recency band, and days since a visit a segment reads (ten years). */
  recencyDays: 3_650,
  /** Members scored at once: a brand's whole membership. */
  population: 10_000_000,
  /** Orders one member makes in a scored period. */
  ordersPerMember: 1_000_000,
} as const;
