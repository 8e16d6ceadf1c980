import type { Sql } from '../../platform/db/sql';
import { businessDayOf } from '../../shared/business-day';
import { uuidv7 } from '../../shared/ids';
import { seededRandom } from './random';

/** One generated movement as the liability counts it: its kind, store, balance change and day. */
export type GeneratedMove = { member: string; kind: string; store: string | null; delta: number; day: string };

const DAY_MS = 86_400_000;
const ZONE = 'Asia/Shanghai';
const CUTOFF = 4;
const DEVICE = '00000000-0000-7000-8000-000000000000';

/**
 * A brand's points journal written straight into the tables, with what each movement should count
 * as, worked out here without SQL: earns and spends on sales (a tenth pushed one to three days
 * late, so their sale's day is earlier than when they were recorded), reversals on refunds, holds
 * and releases (no balance change), offline spends past the balance (negative balances, filled
 * again by later earns), expiry and adjustments at any hour (so the cut-off decides their day).
 */
export async function writePointsJournal(
  sql: Sql,
  o: { stores: readonly string[]; members: number; movements: number; firstDay: string; days: number; seed: number },
): Promise<GeneratedMove[]> {
  const random = seededRandom(o.seed);
  const members = Array.from({ length: o.members }, (_, i) => uuidv7(Date.parse(o.firstDay) + i));
  const balances = new Map(members.map((m) => [m, 0]));
  const moves: GeneratedMove[] = [];
  const start = Date.parse(`${o.firstDay}T00:00:00+08:00`);
  await sql.transaction(async (tx) => {
    for (const [i, id] of members.entries()) {
      await tx.query(
        `INSERT INTO members (id, phone, tier, consent, created_via, created_at) VALUES ($1, $2, 1, false, 'platform', 0)`,
        [id, `139${String(i).padStart(8, '0')}`],
      );
    }
    for (let n = 0; n < o.movements; n++) {
      // Spread over the days, in order of when the platform recorded them.
      const recordedAt = start + Math.floor((n / o.movements) * o.days * DAY_MS) + random.int(3_600_000);
      const member = members[random.int(members.length)];
      const store = o.stores[random.int(o.stores.length)];
      const balance = balances.get(member) ?? 0;
      const roll = random.next();
      const lateBy = random.next() < 0.1 ? (1 + random.int(3)) * DAY_MS : 0;
      const saleDay = businessDayOf(recordedAt - lateBy, ZONE, CUTOFF);
      let kind: string;
      let delta = 0;
      let orderId: string | null = null;
      let movement: Record<string, unknown> = {};
      let day = businessDayOf(recordedAt, ZONE, CUTOFF);
      if (roll < 0.45) {
        kind = 'earn';
        delta = 1 + random.int(400);
      } else if (roll < 0.65) {
        kind = 'spend';
        // One in five spends is an offline spend past the balance.
        delta = -(random.next() < 0.2 ? 50 + random.int(300) : Math.min(Math.max(balance, 0), 1 + random.int(300)));
      } else if (roll < 0.75) {
        kind = 'reverse';
        delta = random.int(120) - 80;
      } else if (roll < 0.85) {
        kind = random.next() < 0.5 ? 'hold' : 'release';
      } else if (roll < 0.93) {
        kind = 'expire';
        delta = -Math.min(Math.max(balance, 0), 1 + random.int(200));
      } else {
        kind = 'adjust';
        delta = random.int(200) - 60;
      }
      const onStore =
        kind === 'earn' || kind === 'spend' || kind === 'reverse' || kind === 'hold' || kind === 'release';
      if (kind === 'earn' || kind === 'spend' || kind === 'reverse') {
        orderId = uuidv7(recordedAt - lateBy);
        await tx.query(
          `INSERT INTO orders (store_id, id, device_id, number, business_day, channel, paid_at, total, body)
           VALUES ($1, $2, $3, 'P', $4::date, 'in_store', $5, 1000, '{}')`,
          [store, orderId, DEVICE, saleDay, recordedAt - lateBy],
        );
        day = saleDay;
      }
      if (kind === 'reverse') {
        const refundId = uuidv7(recordedAt);
        const refundDay = businessDayOf(recordedAt, ZONE, CUTOFF);
        await tx.query(
          `INSERT INTO refunds (store_id, id, device_id, order_id, business_day, amount, refunded_at, body)
           VALUES ($1, $2, $3, $4, $5::date, 100, $6, '{}')`,
          [store, refundId, DEVICE, orderId, refundDay, recordedAt],
        );
        movement = { refundId };
        day = refundDay;
      }
      if (delta === 0 && (kind === 'spend' || kind === 'expire' || kind === 'reverse' || kind === 'adjust')) continue;
      const after = balance + delta;
      balances.set(member, after);
      await tx.query(
        `INSERT INTO points_movements (id, member_id, business_key, kind, order_id, movement, balance_after, held_after,
           store_id, actor, recorded_at)
         VALUES ($1, $2, NULL, $3, $4, $5::jsonb, $6, 0, $7, 'test', $8)`,
        [
          uuidv7(recordedAt),
          member,
          kind,
          orderId,
          JSON.stringify({ kind, ...movement }),
          after,
          onStore ? store : null,
          recordedAt,
        ],
      );
      if (delta !== 0) moves.push({ member, kind, store: onStore ? store : null, delta, day });
    }
  });
  return moves;
}

/** The brand's outstanding points at the end of a day, by the definition: the positive balances. */
export function outstandingAt(moves: readonly GeneratedMove[], day: string): number {
  const balances = new Map<string, number>();
  for (const m of moves) if (m.day <= day) balances.set(m.member, (balances.get(m.member) ?? 0) + m.delta);
  return [...balances.values()].reduce((sum, b) => sum + Math.max(b, 0), 0);
}
