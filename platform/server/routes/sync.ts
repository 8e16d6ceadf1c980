import type { FastifyInstance } from 'fastify';
import { messageFor } from '../../../shared/sync/platform-messages';
import { PairRequest, PullQuery, PullStream, PushRequest, WaitQuery } from '../../../shared/sync/wire';
import { notePull } from '../../data/device-pulls';
import { pairDevice } from '../../data/stores';
import { ApiError, parseInput } from '../../errors';
import { platformMutations } from '../../sync/platform-sync';
import { pullChanges } from '../../sync/pull';
import { type PushResult, processPush } from '../../sync/push';
import { bodyLimits } from '../body-limits';
import type { PlatformContext } from '../context';
import { requestLocale, wordedParams } from '../http-errors';
import { waitForStreams } from '../long-poll';
import { createPairingGuard } from '../pairing-guard';
import { deviceSigned, signedDevice } from '../signed-requests';

function wireResult(result: PushResult, locale: ReturnType<typeof requestLocale>) {
  const { seq, id, status, code } = result;
  if (status === 'APPLIED' || status === 'DUPLICATE' || !code) return { seq, id, status };
  const message = messageFor(code, locale, wordedParams(result.params));
  const params = result.params && Object.keys(result.params).length > 0 ? result.params : undefined;
  return { seq, id, status, code, message, ...(params ? { params } : {}) };
}

/** Pairing (the one-time code authorises) and the signed sync endpoints of PROTOCOL.md. */
export function syncRoutes(app: FastifyInstance, context: PlatformContext): void {
  const { sql } = context;
  const signed = deviceSigned(context);

  const guard = createPairingGuard(sql, context.now);
  app.post('/v1/devices/pair', async (request) => {
    await guard.check(request.ip);
    try {
      return await pairDevice(sql, parseInput(PairRequest, request.body), context.now());
    } catch (error) {
      if (error instanceof ApiError && error.code === 'pairing_code_invalid') await guard.failed(request.ip);
      throw error;
    }
  });

  app.post('/v1/sync/push', deviceSigned(context, { bodyLimit: bodyLimits.push }), async (request) => {
    const device = signedDevice(request);
    const input = parseInput(PushRequest, request.body);
    if (input.deviceId !== device.deviceId) throw new ApiError(403, 'device_mismatch');
    const outcome = await processPush(sql, device, input, context.now());
    const typeOf = new Map(input.mutations.map((mutation) => [mutation.seq, mutation.type]));
    for (const result of outcome.results)
      context.metrics.pushed.inc({ type: typeOf.get(result.seq) ?? 'unknown', status: result.status });
    // A voucher good at every store moves every store's deny list.
    if (
      outcome.changed &&
      input.mutations.some((mutation) => platformMutations[mutation.type].wakes === 'everyStore')
    ) {
      context.notifier.everyStoreChanged();
    } else if (outcome.changed) context.notifier.storeChanged(device.storeId);
    const locale = requestLocale(request);
    return {
      ackSeq: outcome.ackSeq,
      results: outcome.results.map((result) => wireResult(result, locale)),
      expectedSeq: outcome.expectedSeq,
      auditHead: outcome.auditHead,
    };
  });

  app.get('/v1/sync/pull', signed, async (request) => {
    const device = signedDevice(request);
    await notePull(sql, device.deviceId, context.now());
    const query = parseInput(PullQuery, request.query);
    context.metrics.pulls.inc({ stream: query.stream });
    return pullChanges(sql, device.storeId, query);
  });

  app.get('/v1/sync/wait', signed, async (request, reply) => {
    const device = signedDevice(request);
    await notePull(sql, device.deviceId, context.now());
    const { timeout, ...named } = parseInput(WaitQuery, request.query);
    const deps = { db: sql, notifier: context.notifier, recheckMs: context.recheckMs };
    const streams = await waitForStreams(deps, device.storeId, watchedCursors(named), timeout * 1000, reply);
    context.metrics.longPollAnswers.inc({ answer: streams.length > 0 ? 'moved' : 'none' });
    return { streams };
  });
}

/** The streams a long poll names, with their cursors; none named is every stream from the start. */
function watchedCursors(named: Partial<Record<PullStream, string | undefined>>): Partial<Record<PullStream, string>> {
  const given = Object.entries(named).filter((entry): entry is [PullStream, string] => entry[1] !== undefined);
  if (given.length > 0) return Object.fromEntries(given);
  return Object.fromEntries(PullStream.options.map((stream) => [stream, '0']));
}
