import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MemberId } from '../../../shared/ids';
import {
  EnrolmentConfirm,
  EnrolmentRequest,
  MemberCreate,
  MemberIdentifyRequest,
  MemberLookupRequest,
} from '../../../shared/members/member-wire';
import { ApiError, parseInput } from '../../errors';
import { confirmEnrolment, pendingMessages, startEnrolment } from '../../members/enrolment';
import { listMemberKeys, memberKeyOverlap, rotateMemberKey, signMemberCode } from '../../members/member-keys';
import {
  createMember,
  eraseMember,
  identifyMember,
  listMembers,
  lookupMember,
  showMember,
} from '../../members/member-service';
import { readMemberSettings } from '../../members/member-settings';
import { ladderFromBody, setTierLadder } from '../../members/tier-ladder';
import { recordAudit } from '../../owners/platform-audit';
import type { PlatformContext } from '../context';
import { deviceSigned, signedDevice } from '../signed-requests';

type ById = { Params: { id: string } };

/**
 * A till's side of members, signed like `/v1/sync/*` (docs/members.md): each call that finds a
 * member marks them seen at the till's store, so its `members` stream carries them from then on.
 */
export function memberRoutes(app: FastifyInstance, context: PlatformContext): void {
  const { sql, notifier } = context;
  const signedRoute = deviceSigned(context);

  // Public keys are public: anyone may check a member code's signature.
  app.get('/v1/member-keys', async () => ({ keys: await listMemberKeys(sql) }));

  app.post('/v1/members/lookup', signedRoute, async (request) => {
    const device = signedDevice(request);
    const { phone } = parseInput(MemberLookupRequest, request.body);
    const member = await lookupMember(sql, device, phone, context.now());
    notifier.storeChanged(device.storeId);
    return { member };
  });

  app.post('/v1/members/identify', signedRoute, async (request) => {
    const device = signedDevice(request);
    const { code } = parseInput(MemberIdentifyRequest, request.body);
    const member = await identifyMember(sql, device, code, context.now());
    notifier.storeChanged(device.storeId);
    return { member };
  });

  app.post('/v1/members/enrolments', signedRoute, async (request) => {
    const device = signedDevice(request);
    return startEnrolment(sql, device, parseInput(EnrolmentRequest, request.body), context.now());
  });

  app.post<ById>('/v1/members/enrolments/:id/confirm', signedRoute, async (request) => {
    const device = signedDevice(request);
    const { code } = parseInput(EnrolmentConfirm, request.body);
    const member = await confirmEnrolment(sql, device, request.params.id, code, context.now());
    notifier.storeChanged(device.storeId);
    return { member };
  });
}

const ListQuery = z.object({
  phone: z.string().max(32).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const RotateRequest = z.object({ overlapSeconds: z.number().int().optional() });

const CodeRequest = z.object({ ageSeconds: z.number().int().min(0).max(86_400).default(0) });

function memberId(text: string): string {
  if (!MemberId.safeParse(text).success) throw new ApiError(404, 'member_unknown');
  return text;
}

/** The operator's side (admin token): members made, listed, shown, erased; codes and messages for demos. */
export function adminMemberRoutes(app: FastifyInstance, context: PlatformContext): void {
  const { sql, notifier, kek } = context;

  app.post('/v1/admin/members', async (request, reply) => {
    const member = await createMember(sql, parseInput(MemberCreate, request.body), context.now());
    reply.code(201);
    return { member };
  });

  app.get('/v1/admin/members', async (request) => ({
    members: await listMembers(sql, parseInput(ListQuery, request.query)),
  }));

  app.get<ById>('/v1/admin/members/:id', async (request) => ({
    member: await showMember(sql, memberId(request.params.id)),
  }));

  app.post<ById>('/v1/admin/members/:id/erase', async (request) => {
    const member = await eraseMember(sql, memberId(request.params.id), context.now());
    notifier.everyStoreChanged();
    return { member };
  });

  // Stands in for the customer's app, which would ask with the member's own session. `ageSeconds`
  // signs it as if shown that long ago: a screenshot kept for later, to show it refused.
  app.post<ById>('/v1/admin/members/:id/code', async (request) => {
    const { ageSeconds } = parseInput(CodeRequest, request.body ?? {});
    const member = await showMember(sql, memberId(request.params.id));
    if (member.erased) throw new ApiError(409, 'member_erased');
    return signMemberCode(sql, kek, member.id, context.now() - ageSeconds * 1000);
  });

  // A new member-code key; the previous one good for the overlap (docs/members.md, "Rotating the member-code key").
  app.post('/v1/admin/member-keys/rotate', async (request) => {
    const { overlapSeconds } = parseInput(RotateRequest, request.body ?? {});
    const rotated = await rotateMemberKey(sql, kek, context.now(), overlapSeconds ?? memberKeyOverlap.defaultSeconds);
    await recordAudit(sql, {
      action: 'member_key.rotated',
      detail: rotated,
      actor: { kind: 'operator' },
      at: context.now(),
    });
    notifier.everyStoreChanged();
    return { ...rotated, keys: await listMemberKeys(sql) };
  });

  app.get('/v1/admin/member-tiers', async () => ({ tiers: (await readMemberSettings(sql)).ladder }));

  // The whole ladder at once, benefits included: every till takes it as one change.
  app.put('/v1/admin/member-tiers', async (request) => {
    const saved = await setTierLadder(sql, ladderFromBody(request.body), context.now());
    notifier.everyStoreChanged();
    return { tiers: saved };
  });

  app.get('/v1/admin/member-messages', async () => ({ messages: await pendingMessages(sql, context.now()) }));
}
