import { type CallRequest, contract, type Envelope } from '../../../shared/contract';
import { pickLocale } from '../../../shared/locale';
import { toErrorShape } from '../dispatcher';
import type { CoreEnvironment } from '../handler-context';
import { checkedCall } from './checked-call';
import { type ReportJob, reportJob, type WorkerMethod } from './report-jobs';
import type { ReportRunner } from './report-runner';

/**
 * A checked job run in the report worker, its answer checked against the contract as the
 * dispatcher checks its own; a refusal or failure in the worker comes back in the caller's words.
 */
export async function inWorker(
  runner: ReportRunner,
  job: ReportJob,
  locale: CallRequest['locale'],
): Promise<Envelope<unknown>> {
  try {
    const value = await runner.run(job);
    return { ok: true, value: contract[job.method].output.parse(value) };
  } catch (error) {
    return { ok: false, error: toErrorShape(error, pickLocale(locale)) };
  }
}

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
  const answer = await inWorker(runner, reportJob(method, checked.input, checked.store, checked.now), request.locale);
  // A day may have closed since the till opened: its facts are stored too, once idle.
  if (answer.ok) runner.fillFacts(checked.store.businessDay);
  return answer;
}
