import { type CallRequest, contract, type Envelope } from '../../../shared/contract';
import { pickLocale } from '../../../shared/locale';
import { decideAccess } from '../../../shared/roles';
import { toErrorShape } from '../dispatcher';
import type { CoreEnvironment } from '../handler-context';
import { readStore } from '../store/store-records';
import { reportJob, type WorkerMethod } from './report-jobs';
import type { ReportRunner } from './report-runner';

/**
 * A long report, off the cashier's path: checked here as the dispatcher would (input, session,
 * permission), then run in the report worker while the core goes on selling. Anything the checks
 * refuse goes to the dispatcher, which gives the precise refusal; reads write no audit entry.
 */
export async function callReport(
  env: CoreEnvironment,
  runner: ReportRunner,
  method: WorkerMethod,
  request: CallRequest,
  dispatch: (request: CallRequest) => Envelope<unknown>,
): Promise<Envelope<unknown>> {
  const spec = contract[method];
  const parsed = spec.input.safeParse(request.input ?? {});
  const now = env.clock();
  const session = env.sessions.get(request.sessionToken, now);
  const store = readStore(env.db, now);
  const access = spec.access;
  const allowed =
    session &&
    !session.locked &&
    access !== 'public' &&
    access !== 'signedIn' &&
    decideAccess(session.role, access) === 'allow';
  if (!parsed.success || !allowed || !store) {
    return dispatch(request);
  }
  try {
    const value = await runner.run(reportJob(method, parsed.data, store, now));
    // A day may have closed since the till opened: its facts are stored too, once idle.
    runner.fillFacts(store.businessDay);
    return { ok: true, value: spec.output.parse(value) };
  } catch (error) {
    return { ok: false, error: toErrorShape(error, pickLocale(request.locale)) };
  }
}
