import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PointsLiabilityQuery } from '../../../shared/members/points-liability';
import {
  MemberCampaignCreate,
  MemberReportQuery,
  ScoringScheduleInput,
  StoreSegmentInput,
} from '../../../shared/members/segment-wire';
import { isUuid } from '../../data/stores';
import { ApiError, parseInput } from '../../errors';
import { issueMemberCampaign, memberCampaignReport } from '../../members/member-campaigns';
import { memberReport } from '../../members/member-report';
import { pointsLiability } from '../../members/points-liability';
import { readScoringSchedule, setScoringSchedule } from '../../members/scoring-schedule';
import { scoreMembers } from '../../members/segment-scoring';
import { setStoreSegmentSettings, storeSegmentSettings } from '../../members/segment-settings';
import type { PlatformContext } from '../context';
import { deviceSigned, signedDevice } from '../signed-requests';

type ById = { Params: { id: string } };

/** A span the tills' reports could ask for: at most 1,096 days (shared/reports/periods.ts). */
const withinReach = (span: { firstDay: string; lastDay: string }) =>
  Date.parse(span.lastDay) - Date.parse(span.firstDay) <= 1_095 * 86_400_000;
const SpanQuery = MemberReportQuery.refine(withinReach, { message: 'a span of at most 1096 days' });
const LiabilityQuery = PointsLiabilityQuery.refine(withinReach, { message: 'a span of at most 1096 days' });

function storeId(text: string): string {
  if (!isUuid(text)) throw new ApiError(404, 'store_unknown');
  return text;
}

/** A till asks for its own store's member figures and points liability, signed like the sync: the store is the device's. */
export function deviceMemberReportRoutes(app: FastifyInstance, context: PlatformContext): void {
  app.get('/v1/sync/member-report', deviceSigned(context), async (request) => {
    const device = signedDevice(request);
    const span = parseInput(SpanQuery, request.query);
    return context.sql.transaction((tx) => memberReport(tx, device.storeId, span, context.now()));
  });

  app.get('/v1/sync/points-liability', deviceSigned(context), async (request) => {
    const device = signedDevice(request);
    const span = parseInput(LiabilityQuery, request.query);
    return context.sql.transaction((tx) => pointsLiability(tx, device.storeId, span, context.now()));
  });
}

/** The operator's side: a store's recency bands, a scoring run, any store's figures, member campaigns. */
export function adminSegmentRoutes(app: FastifyInstance, context: PlatformContext): void {
  const { sql, notifier } = context;

  app.get<ById>('/v1/admin/stores/:id/segments', async (request) =>
    storeSegmentSettings(sql, storeId(request.params.id)),
  );

  app.put<ById>('/v1/admin/stores/:id/segments', async (request) => {
    const input = parseInput(StoreSegmentInput, request.body);
    const settings = await setStoreSegmentSettings(sql, storeId(request.params.id), input, context.now());
    notifier.storeChanged(request.params.id);
    return settings;
  });

  app.post('/v1/admin/members/score', async () => {
    const run = await scoreMembers(sql, context.now());
    if (run.changed > 0) notifier.everyStoreChanged();
    return run;
  });

  app.get('/v1/admin/members/score-schedule', async () => readScoringSchedule(sql));

  app.put('/v1/admin/members/score-schedule', async (request) =>
    setScoringSchedule(sql, parseInput(ScoringScheduleInput, request.body), context.now()),
  );

  app.get<ById>('/v1/admin/stores/:id/member-report', async (request) => {
    const span = parseInput(SpanQuery, request.query);
    const id = storeId(request.params.id);
    return sql.transaction((tx) => memberReport(tx, id, span, context.now()));
  });

  app.get<ById>('/v1/admin/stores/:id/points-liability', async (request) => {
    const span = parseInput(LiabilityQuery, request.query);
    const id = storeId(request.params.id);
    return sql.transaction((tx) => pointsLiability(tx, id, span, context.now()));
  });

  app.post('/v1/admin/member-campaigns', async (request, reply) => {
    const input = parseInput(MemberCampaignCreate, request.body);
    const issued = await issueMemberCampaign(sql, context.kek, input, context.now());
    reply.code(201);
    return issued;
  });

  app.get<ById>('/v1/admin/member-campaigns/:id/report', async (request) => {
    const id = z.coerce
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .safeParse(request.params.id);
    if (!id.success) throw new ApiError(404, 'member_campaign_unknown', { id: request.params.id });
    return memberCampaignReport(sql, id.data, parseInput(SpanQuery, request.query));
  });
}
