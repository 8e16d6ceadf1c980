import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MemberId, OrderId, PointsMovementId } from '../../../shared/ids';
import { memberCeilings } from '../../../shared/members/member-limits';
import type { JournalRefusal } from '../../../shared/members/points-journal';
import { requireStore } from '../../data/stores';
import { ApiError, parseInput } from '../../errors';
import { memberById } from '../../members/member-records';
import { expirePointsBefore } from '../../members/points-expiry';
import { placeHold, releaseHold } from '../../members/points-holds';
import { readPointsRules, setPointsRules, storeRedemptionRefusal } from '../../members/points-rules';
import { pointsJournal, pointsLosses } from '../../members/points-views';
import type { PlatformContext } from '../context';
import { deviceSigned, signedDevice } from '../signed-requests';

const HoldRequest = z.object({
  holdId: PointsMovementId,
  memberId: MemberId,
  orderId: OrderId,
  points: z.number().int().min(1).max(memberCeilings.points),
});
const ReleaseRequest = z.object({ memberId: MemberId, orderId: OrderId });
const ExpireRequest = z.object({ before: z.string().max(40) });

type ById = { Params: { id: string } };

const refused = (refusal: JournalRefusal) => new ApiError(409, refusal.code, refusal.params);

/**
 * A till's online points tender (docs/members.md, "Points on the platform"): hold the points
 * before the sale is written (the push's `points.spent` captures the hold), release them if it is
 * not. The hold is the store's rules' to allow: whole blocks, within the most one order may take.
 */
export function pointsRoutes(app: FastifyInstance, context: PlatformContext): void {
  const { sql, notifier } = context;
  const signedRoute = deviceSigned(context);

  app.post('/v1/points/holds', signedRoute, async (request) => {
    const device = signedDevice(request);
    const hold = parseInput(HoldRequest, request.body);
    const answer = await sql.transaction(async (tx) => {
      const broken = storeRedemptionRefusal(await readPointsRules(tx, device.storeId), hold.points);
      if (broken) throw new ApiError(409, broken.code, broken.params);
      if (!(await memberById(tx, hold.memberId, true))) throw new ApiError(404, 'member_unknown');
      return placeHold(tx, { kind: 'device', ...device }, hold, context.now());
    });
    if (!answer.ok) throw refused(answer.refusal);
    notifier.storeChanged(device.storeId);
    return { holdId: hold.holdId, points: hold.points, ...answer.figures };
  });

  app.post<ById>('/v1/points/holds/:id/release', signedRoute, async (request) => {
    const device = signedDevice(request);
    const holdId = parseInput(PointsMovementId, request.params.id);
    const release = parseInput(ReleaseRequest, request.body);
    const answer = await sql.transaction(async (tx) => {
      if (!(await memberById(tx, release.memberId, true))) throw new ApiError(404, 'member_unknown');
      return releaseHold(tx, { kind: 'device', ...device }, { holdId, ...release }, context.now());
    });
    if (!answer.ok) throw refused(answer.refusal);
    return { holdId, ...answer.figures };
  });
}

/** The operator's side: each store's rules, a member's journal, expiry and the losses. */
export function adminPointsRoutes(app: FastifyInstance, context: PlatformContext): void {
  const { sql, notifier } = context;

  app.put<ById>('/v1/admin/stores/:id/points-rules', async (request) => {
    const set = await setPointsRules(sql, request.params.id, request.body, context.now());
    notifier.storeChanged(request.params.id);
    return { ...set.rules, offlineCap: set.offlineCap };
  });

  app.get<ById>('/v1/admin/stores/:id/points-rules', async (request) => {
    await requireStore(sql, request.params.id);
    const set = await readPointsRules(sql, request.params.id);
    if (!set) throw new ApiError(404, 'points_rules_unset');
    // As the operator sends them: the rules and the offline cap side by side.
    return { ...set.rules, offlineCap: set.offlineCap };
  });

  app.get<ById>('/v1/admin/members/:id/points', async (request) => {
    if (!MemberId.safeParse(request.params.id).success) throw new ApiError(404, 'member_unknown');
    const journal = await pointsJournal(sql, request.params.id);
    if (!journal) throw new ApiError(404, 'member_unknown');
    return journal;
  });

  app.get('/v1/admin/points/losses', async () => ({ losses: await pointsLosses(sql) }));

  app.post('/v1/admin/points/expire', async (request) => {
    const { before } = parseInput(ExpireRequest, request.body);
    const day = /^\d{4}-\d{2}-\d{2}$/.test(before) ? Date.parse(`${before}T00:00:00Z`) : Number.NaN;
    if (Number.isNaN(day)) throw new ApiError(400, 'points_expire_date', { value: before });
    const expired = await expirePointsBefore(sql, day, context.now());
    if (expired.members > 0) notifier.everyStoreChanged();
    return { before, ...expired };
  });
}
