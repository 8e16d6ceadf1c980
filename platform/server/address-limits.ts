import type { Queryable } from '../db/sql';

type Limit = { allowed: number; windowMs: number };

/**
 * What one address may do within a window before it waits the window out. Counted in the database,
 * so every platform process sharing it counts the same requests (migration 0014).
 */
export const addressLimits = {
  /** Pairing codes are short enough to type, so guessing them must be slow. */
  pairing: { allowed: 10, windowMs: 10 * 60_000 },
  /** The rating page: references that do not open, and answers sent. */
  feedback_link: { allowed: 20, windowMs: 10 * 60_000 },
  feedback_post: { allowed: 30, windowMs: 10 * 60_000 },
} as const satisfies Record<string, Limit>;
export type AddressLimitKind = keyof typeof addressLimits;

export function addressLimit(db: Queryable, now: () => number, kind: AddressLimitKind) {
  const { allowed, windowMs } = addressLimits[kind];
  return {
    /** Whole minutes until `address` may act again; null when it may now. */
    async waitMinutes(address: string): Promise<number | null> {
      const [entry] = await db.query<{ count: number; since: number }>(
        'SELECT count, since FROM address_limits WHERE kind = $1 AND address = $2 AND since > $3',
        [kind, address, now() - windowMs],
      );
      if (!entry || entry.count < allowed) return null;
      return Math.ceil((windowMs - (now() - Number(entry.since))) / 60_000);
    },
    /** One more; a single statement, so two processes counting the same address at once both count. */
    async count(address: string): Promise<void> {
      await db.query(
        `INSERT INTO address_limits (kind, address, count, since) VALUES ($1, $2, 1, $3)
        ON CONFLICT (kind, address) DO UPDATE SET
          count = CASE WHEN address_limits.since > $3 - $4 THEN address_limits.count + 1 ELSE 1 END,
          since = CASE WHEN address_limits.since > $3 - $4 THEN address_limits.since ELSE $3 END`,
        [kind, address, now(), windowMs],
      );
    },
  };
}

/** Addresses whose window has passed are forgotten, so the table stays small. */
export async function pruneAddressLimits(db: Queryable, now: number): Promise<void> {
  for (const [kind, { windowMs }] of Object.entries(addressLimits))
    await db.query('DELETE FROM address_limits WHERE kind = $1 AND since <= $2', [kind, now - windowMs]);
}
