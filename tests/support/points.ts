import type { Database } from 'better-sqlite3';
import {
  holdPoints,
  offlineSpendable,
  queuePointsSpend,
  releasePoints,
} from '../../electron/core/members/points-tender';
import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail } from '../../shared/contract/orders';
import { uuidv7 } from '../../shared/ids';
import type { MemberAdminView } from '../../shared/members/member-wire';
import { earningSpend, type PointsRules, pointsEarned, reversalShare } from '../../shared/members/points';
import type { PointsMovement } from '../../shared/members/points-journal';
import { expectOk } from './callers';
import type { PlatformAdmin } from './platform-admin';
import { lineFor, type PairedTill } from './till';

/** 1 point a yuan earned; 10 points pay 10 fen, 10 to 100,000 an order, up to the whole due; 300 offline. */
export const testPointsRules = {
  earnPerYuan: 1,
  redemption: { kind: 'on', blockPoints: 10, blockFen: 10, minPoints: 10, maxPoints: 100_000, maxShareBp: 10_000 },
  offlineCap: 300,
} as const;

export const setPointsRules = (admin: PlatformAdmin, storeId: string, rules: unknown = testPointsRules) =>
  admin.request('PUT', `/v1/admin/stores/${storeId}/points-rules`, rules);

/** The operator adds a member and every till finds them by phone (so each store has seen them). */
export async function memberAtTills(admin: PlatformAdmin, phone: string, tills: { call: PairedTill['call'] }[]) {
  const { member } = await admin.request<{ member: MemberAdminView }>('POST', '/v1/admin/members', {
    phone,
    name: null,
    consent: false,
  });
  for (const till of tills) expectOk(await till.call('members.lookup', { phone }));
  return member.id;
}

export type PlatformJournal = {
  balance: number;
  held: number;
  available: number;
  movements: (PointsMovement & { balanceAfter: number })[];
};

export const platformJournal = (admin: PlatformAdmin, memberId: string) =>
  admin.request<PlatformJournal>('GET', `/v1/admin/members/${memberId}/points`);

export type PointsLossView = { memberId: string; kind: 'overspent' | 'unrecovered'; orderId: string; points: number };

export const pointsLosses = (admin: PlatformAdmin) =>
  admin.request<{ losses: PointsLossView[] }>('GET', '/v1/admin/points/losses').then((answer) => answer.losses);

/** A sale to the member, paid by card: `send` is the till's online call or its plain dispatch. */
export async function sellToMember(
  send: PairedTill['call'] | PairedTill['dispatch'],
  product: Product,
  count: number,
  memberId: string,
): Promise<OrderDetail> {
  const answer = await send('orders.commit', {
    id: uuidv7(),
    cart: { lines: [lineFor(product, { kind: 'count', count })], memberId },
    tenders: [{ method: 'card', amount: product.price * count, reference: 'P1' }],
  });
  return expectOk<{ order: OrderDetail }>(answer).order;
}

/**
 * Points paying part of a member's sale, as the points tender does it: online, a hold first (its
 * answer may be lost, and then the till decides offline); offline, provisional, within the lower
 * of the cached balance and the offline cap. The spend is
 * queued in the till's outbox, in a transaction of its own, behind the sale.
 */
export async function spendPoints(
  till: Pick<PairedTill, 'core'>,
  spend: { memberId: string; orderId: string; points: number },
  mode: 'online' | 'offline',
): Promise<{ kind: 'held' | 'provisional' } | { kind: 'refused'; code: string }> {
  const env = till.core.environment;
  let holdId: string | null = null;
  let unanswered: string | null = null;
  const link = env.sync.link;
  const asking = () => (link ? { env, link, deadline: Date.now() + 3_000, clockDoubted: false } : null);
  const ask = asking();
  if (mode === 'online' && ask) {
    holdId = uuidv7();
    const answer = await holdPoints(ask, { holdId, ...spend });
    if (answer && answer.kind === 'refused') return { kind: 'refused', code: answer.code };
    if (!answer) [unanswered, holdId] = [holdId, null];
  }
  // Without the platform's hold, only what this till may decide alone.
  if (holdId === null && spend.points > offlineSpendable(env.db, spend.memberId)) {
    const again = asking();
    if (unanswered && again) await releasePoints(again, { holdId: unanswered, ...spend });
    return { kind: 'refused', code: 'points_over_balance' };
  }
  env.db.transaction(() => queuePointsSpend(env.db, { ...spend, holdId, now: Date.now() }))();
  env.sync.wake();
  return { kind: holdId ? 'held' : 'provisional' };
}

export type OrderPointsFigures = { earned: number; spent: number; takeBack: number; giveBack: number };

const blank = (): OrderPointsFigures => ({ earned: 0, spent: 0, takeBack: 0, giveBack: 0 });

/**
 * What the till's own records say each sale to the member did to points: earned on its card payments by
 * the rules, spent as queued, and reversed in proportion to what its refunds gave back.
 */
export function tillPointsLedger(db: Database, rules: PointsRules, memberId: string): Map<string, OrderPointsFigures> {
  const ledger = new Map<string, OrderPointsFigures>();
  const orders = db
    .prepare(
      `SELECT o.id, o.total, COALESCE((SELECT sum(amount) FROM refunds r WHERE r.order_id = o.id), 0) AS refunded
       FROM orders o JOIN order_members m ON m.order_id = o.id WHERE m.member_id = ?`,
    )
    .all(memberId) as { id: string; total: number; refunded: number }[];
  const payments = db.prepare('SELECT method, amount FROM payments WHERE order_id = ?');
  const spends = db.prepare(`SELECT payload FROM outbox WHERE type = 'points.spent'`).pluck().all() as string[];
  const spent = new Map<string, number>();
  for (const payload of spends) {
    const spend = JSON.parse(payload) as { memberId: string; orderId: string; points: number };
    if (spend.memberId !== memberId) continue;
    const { orderId, points } = spend;
    spent.set(orderId, (spent.get(orderId) ?? 0) + points);
  }
  for (const order of orders) {
    const paid = payments.all(order.id) as { method: 'card'; amount: number }[];
    const earned = pointsEarned(rules, earningSpend(paid));
    const used = spent.get(order.id) ?? 0;
    ledger.set(order.id, {
      earned,
      spent: used,
      takeBack: reversalShare(earned, order.total, 0, order.refunded),
      giveBack: reversalShare(used, order.total, 0, order.refunded),
    });
  }
  return ledger;
}

/** The platform's journal by order; a take-back it could not recover (a loss) counts as taken back. */
export function platformPointsLedger(
  journal: PlatformJournal,
  losses: PointsLossView[],
): Map<string, OrderPointsFigures> {
  const ledger = new Map<string, OrderPointsFigures>();
  const of = (orderId: string) => {
    const figures = ledger.get(orderId) ?? blank();
    ledger.set(orderId, figures);
    return figures;
  };
  for (const m of journal.movements) {
    if (m.kind === 'earn') of(m.orderId).earned += m.points;
    else if (m.kind === 'spend') of(m.orderId).spent += m.points;
    else if (m.kind === 'reverse') {
      of(m.orderId).takeBack += m.takeBack;
      of(m.orderId).giveBack += m.giveBack;
    }
  }
  for (const loss of losses)
    if (loss.kind === 'unrecovered' && ledger.has(loss.orderId)) of(loss.orderId).takeBack += loss.points;
  return ledger;
}

/** Both ledgers with the orders that moved no points left out, sorted, to compare whole. */
export function comparable(ledger: Map<string, OrderPointsFigures>) {
  return [...ledger.entries()]
    .filter(([, f]) => f.earned + f.spent + f.takeBack + f.giveBack > 0)
    .sort(([a], [b]) => a.localeCompare(b));
}

/** The member's points order by order, as the platform's journal says and as the tills' records say. */
export async function pointsLedgers(admin: PlatformAdmin, rules: PointsRules, memberId: string, dbs: Database[]) {
  const journal = await platformJournal(admin, memberId);
  const losses = (await pointsLosses(admin)).filter((loss) => loss.memberId === memberId);
  const tillSide = new Map(dbs.flatMap((db) => [...tillPointsLedger(db, rules, memberId)]));
  return {
    journal,
    losses,
    platform: comparable(platformPointsLedger(journal, losses)),
    till: comparable(tillSide),
  };
}

/**
 * Holds still live on the platform: reserved, never released or captured. Only a hold whose answer
 * was lost and whose release was lost too stays (until the platform's two minutes are up); never
 * one for an order whose points were spent.
 */
export function liveHolds(journal: PlatformJournal): { holdId: string; orderId: string }[] {
  const ended = new Set<string>();
  for (const m of journal.movements) {
    if (m.kind === 'release') ended.add(m.holdId);
    if (m.kind === 'spend' && m.holdId) ended.add(m.holdId);
  }
  return journal.movements.flatMap((m) =>
    m.kind === 'hold' && !ended.has(m.movementId) ? [{ holdId: m.movementId, orderId: m.orderId }] : [],
  );
}
