import { type CallRequest, contract, type Envelope } from '../../../shared/contract';
import { pickLocale } from '../../../shared/locale';
import { toErrorShape } from '../dispatcher';
import type { CoreEnvironment } from '../handler-context';
import { checkedCall } from './checked-call';
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
  const checked = checkedCall(env, method, request);
  if (!checked) return dispatch(request);
  const { input, store, now } = checked;
  try {
    const value = await runner.run(reportJob(method, input, store, now));
    // A day may have closed since the till opened: its facts are stored too, once idle.
    runner.fillFacts(store.businessDay);
    return { ok: true, value: contract[method].output.parse(value) };
  } catch (error) {
    return { ok: false, error: toErrorShape(error, pickLocale(request.locale)) };
  }
}
