import type { CallRequest, Envelope } from '../../../shared/contract';
import type { Reconciliation } from '../../../shared/contract/settlement-report';
import { AppError, errorMessage } from '../../../shared/errors';
import { type Locale, pickLocale } from '../../../shared/locale';
import { spanProblem } from '../../../shared/reports/periods';
import { platformMessage } from '../../../shared/sync/platform-messages';
import { SettlementStatement } from '../../../shared/sync/settlement-wire';
import type { CoreEnvironment } from '../handler-context';
import { callPlatform, PlatformCallError } from '../sync/platform-client';
import type { PlatformLink } from '../sync/sync-runtime';
import { checkedCall } from './checked-call';
import { refuseBadSpan } from './report-spans';
import { reconcile } from './settlement-reconcile';

/** A statement is a day's lines: a few seconds is plenty, and a person is waiting at the screen. */
const STATEMENT_TIMEOUT_MS = 10_000;

/**
 * A day not on the calendar, or one that has not come, has no statement: refused here rather than
 * sent to the platform or compared with nothing.
 */
export function refuseDayToReconcile(day: string, today: string): void {
  refuseBadSpan({ from: day, to: day });
  if (day > today) throw new AppError('reconcile_future_day', { day });
}

/** Why there is no statement to compare with, in the reader's words. */
export function unavailable(
  day: string,
  locale: Locale,
  link: PlatformLink | null,
  problem: PlatformCallError['problem'] | null,
): Reconciliation {
  if (!link) {
    return {
      status: 'unavailable',
      day,
      reason: 'not_paired',
      message: errorMessage('reconcile_not_paired', {}, locale),
    };
  }
  if (problem?.kind === 'refused') {
    const message = platformMessage(problem.code, locale, problem.params, problem.message);
    return {
      status: 'unavailable',
      day,
      reason: 'refused',
      message: errorMessage('platform_refused', { message, code: problem.code }, locale),
    };
  }
  const detail = problem?.detail ?? (locale === 'zh-CN' ? '未联网' : 'offline');
  return {
    status: 'unavailable',
    day,
    reason: 'unreachable',
    message: errorMessage('reconcile_offline', { url: link.baseUrl, detail, day }, locale),
  };
}

/**
 * `reports.reconcile` through `call`: checked as the dispatcher would, then the platform's statement
 * for the day is fetched (signed, as the sync is) and compared with this till's own records. Reads
 * only, so no audit entry; anything the checks refuse goes to the dispatcher for its refusal.
 */
export async function callReconcile(
  env: CoreEnvironment,
  request: CallRequest,
  dispatch: (request: CallRequest) => Envelope<unknown>,
): Promise<Envelope<unknown>> {
  const checked = checkedCall(env, 'reports.reconcile', request);
  if (!checked) return dispatch(request);
  const { day } = checked.input;
  const locale = pickLocale(request.locale);
  // A day still to come is refused by the dispatcher, never answered "all match".
  if (day > checked.store.businessDay || spanProblem({ from: day, to: day }, 1)) return dispatch(request);
  const link = env.sync.link;
  if (!link) return { ok: true, value: unavailable(day, locale, null, null) };
  try {
    const statement = await callPlatform({
      baseUrl: link.baseUrl,
      method: 'GET',
      pathAndQuery: `/v1/sync/statement?day=${day}`,
      signer: { deviceId: link.deviceId, key: link.key },
      answer: SettlementStatement,
      timeoutMs: STATEMENT_TIMEOUT_MS,
    });
    return { ok: true, value: reconcile(env.db, day, statement) };
  } catch (error) {
    if (!(error instanceof PlatformCallError)) throw error;
    return { ok: true, value: unavailable(day, locale, link, error.problem) };
  }
}
