import type { CallRequest, Envelope } from '../../../shared/contract';
import { decideAccess } from '../../../shared/roles';
import type { CoreEnvironment } from '../handler-context';
import { isDrillDown } from '../orders/order-drill';
import { checkedCall } from './checked-call';
import { inWorker } from './report-call';
import type { ReportRunner } from './report-runner';

/**
 * A report's drill-down (`orders.list` with a span or a row's filter) in the report worker: a
 * product's orders over a year read every line of the year, a second the cashier should not wait
 * for. A plain list of a day's orders stays in the core, as quick as it was. Whatever the checks
 * here do not pass (input, session, the report permission a drill-down needs) goes to the
 * dispatcher for its precise refusal.
 */
export async function callDrill(
  env: CoreEnvironment,
  runner: ReportRunner,
  request: CallRequest,
  dispatch: (request: CallRequest) => Envelope<unknown>,
): Promise<Envelope<unknown>> {
  const checked = checkedCall(env, 'orders.list', request);
  if (!checked || !isDrillDown(checked.input)) return dispatch(request);
  const session = env.sessions.get(request.sessionToken, checked.now);
  if (!session || decideAccess(session.role, 'reports.view') !== 'allow') return dispatch(request);
  const { input, store, now } = checked;
  return inWorker(runner, { method: 'orders.list', input, store, now }, request.locale);
}
