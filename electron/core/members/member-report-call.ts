import type { Database } from 'better-sqlite3';
import type { CallRequest, Envelope } from '../../../shared/contract';
import type { MemberReportView } from '../../../shared/contract/member-report';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import type { StoreInfo } from '../../../shared/contract/store';
import { errorMessage } from '../../../shared/errors';
import { type Locale, pickLocale } from '../../../shared/locale';
import { MemberReport } from '../../../shared/members/segment-wire';
import { platformMessage } from '../../../shared/sync/platform-messages';
import { namedStatements } from '../db/open-database';
import type { CoreEnvironment, Handlers } from '../handler-context';
import { checkedCall } from '../reports/checked-call';
import { reportSpans } from '../reports/report-spans';
import { requireStore } from '../store/store-records';
import { callPlatform, PlatformCallError } from '../sync/platform-client';
import type { PlatformLink } from '../sync/sync-runtime';

/** A person is waiting at the screen; the platform reads a store's member sales in well under this. */
const MEMBER_REPORT_TIMEOUT_MS = 15_000;
/** Spans kept for offline reading, the most recently fetched. */
const KEPT_SPANS = 40;

const statements = namedStatements({
  keep: `INSERT INTO member_reports (span, fetched_at, body) VALUES (?, ?, ?)
    ON CONFLICT (span) DO UPDATE SET fetched_at = excluded.fetched_at, body = excluded.body`,
  prune: `DELETE FROM member_reports WHERE span NOT IN
    (SELECT span FROM member_reports ORDER BY fetched_at DESC LIMIT ${KEPT_SPANS})`,
  last: 'SELECT fetched_at, body FROM member_reports WHERE span = ?',
});

type Days = { firstDay: string; lastDay: string };

/** The business days the platform is asked for: the period's elapsed part (all of it once past). */
export function memberReportDays(request: ReportRequest, store: StoreInfo, now: number): Days {
  const { period, span } = reportSpans(request, store, now);
  const days = span ?? period;
  return { firstDay: days.from, lastDay: days.to };
}

const spanKey = (days: Days) => `${days.firstDay}..${days.lastDay}`;

function lastFetched(db: Database, days: Days): { report: MemberReport; fetchedAt: number } | null {
  const row = statements(db).last.get(spanKey(days)) as { fetched_at: number; body: string } | undefined;
  if (!row) return null;
  const report = MemberReport.safeParse(JSON.parse(row.body));
  return report.success ? { report: report.data, fetchedAt: row.fetched_at } : null;
}

/** Why there are no fresh figures, in the reader's words, with the span's figures as last fetched. */
export function memberReportUnavailable(
  db: Database,
  days: Days,
  locale: Locale,
  link: PlatformLink | null,
  problem: PlatformCallError['problem'] | null,
): MemberReportView {
  const last = lastFetched(db, days);
  if (!link) {
    return {
      status: 'unavailable',
      reason: 'not_paired',
      message: errorMessage('member_report_not_paired', {}, locale),
      last,
    };
  }
  if (problem?.kind === 'refused') {
    const message = platformMessage(problem.code, locale, problem.params, problem.message);
    return {
      status: 'unavailable',
      reason: 'refused',
      message: errorMessage('platform_refused', { message, code: problem.code }, locale),
      last,
    };
  }
  const detail = problem?.detail ?? (locale === 'zh-CN' ? '未联网' : 'offline');
  return {
    status: 'unavailable',
    reason: 'unreachable',
    message: errorMessage('member_report_offline', { detail }, locale),
    last,
  };
}

/**
 * `reports.members` through `call`: checked as the dispatcher would, then the platform's figures
 * for the period's days are fetched (signed, as the sync is) and kept, so the screen can show them
 * offline with the time they were fetched. Anything the checks refuse goes to the dispatcher.
 */
export async function callMemberReport(
  env: CoreEnvironment,
  request: CallRequest,
  dispatch: (request: CallRequest) => Envelope<unknown>,
): Promise<Envelope<unknown>> {
  const checked = checkedCall(env, 'reports.members', request);
  if (!checked) return dispatch(request);
  const locale = pickLocale(request.locale);
  let days: Days;
  try {
    days = memberReportDays(checked.input, checked.store, checked.now);
  } catch {
    return dispatch(request);
  }
  const link = env.sync.link;
  if (!link) return { ok: true, value: memberReportUnavailable(env.db, days, locale, null, null) };
  try {
    const report = await callPlatform({
      baseUrl: link.baseUrl,
      method: 'GET',
      pathAndQuery: `/v1/sync/member-report?firstDay=${days.firstDay}&lastDay=${days.lastDay}`,
      signer: { deviceId: link.deviceId, key: link.key },
      answer: MemberReport,
      timeoutMs: MEMBER_REPORT_TIMEOUT_MS,
    });
    const fetchedAt = env.clock();
    const q = statements(env.db);
    env.db.transaction(() => {
      q.keep.run(spanKey(days), fetchedAt, JSON.stringify(report));
      q.prune.run();
    })();
    return { ok: true, value: { status: 'fetched', report, fetchedAt } satisfies MemberReportView };
  } catch (error) {
    if (!(error instanceof PlatformCallError)) throw error;
    return { ok: true, value: memberReportUnavailable(env.db, days, locale, link, error.problem) };
  }
}

/** The dispatch makes no platform round trip (counter-core.ts): `call` fetches the figures first. */
export const memberReportHandlers = {
  'reports.members': (ctx, input) => {
    const days = memberReportDays(input, requireStore(ctx.db, ctx.now), ctx.now);
    return memberReportUnavailable(ctx.db, days, ctx.locale, ctx.sync.link, null);
  },
} satisfies Partial<Handlers>;
