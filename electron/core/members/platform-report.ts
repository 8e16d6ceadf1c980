import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { CallRequest, Envelope } from '../../../shared/contract';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import type { StoreInfo } from '../../../shared/contract/store';
import { errorMessage } from '../../../shared/errors';
import { type Locale, pickLocale } from '../../../shared/locale';
import { platformMessage } from '../../../shared/sync/platform-messages';
import { namedStatements } from '../db/open-database';
import type { CoreEnvironment } from '../handler-context';
import { checkedCall } from '../reports/checked-call';
import { reportSpans } from '../reports/report-spans';
import { callPlatform, PlatformCallError } from '../sync/platform-client';
import type { PlatformLink } from '../sync/sync-runtime';

/** A person is waiting at the screen; the platform reads a store's figures in well under this. */
const REPORT_TIMEOUT_MS = 15_000;
/** Spans kept for offline reading, the most recently fetched. */
const KEPT_SPANS = 40;

export type Days = { firstDay: string; lastDay: string };

type Fetched<T> = { report: T; fetchedAt: number };
export type PlatformReportView<T> =
  | ({ status: 'fetched' } & Fetched<T>)
  | {
      status: 'unavailable';
      reason: 'not_paired' | 'unreachable' | 'refused';
      message: string;
      last: Fetched<T> | null;
    };

export type PlatformReportSpec<T> = {
  method: 'reports.members' | 'reports.pointsLiability';
  /** Where the answers are kept (a cache table: span, fetched_at, body). */
  table: 'member_reports' | 'points_liability_reports';
  answer: z.ZodType<T>;
  path(days: Days, store: StoreInfo): string;
};

/** The business days the platform is asked for: the period's elapsed part (all of it once past). */
export function reportDays(request: ReportRequest, store: StoreInfo, now: number): Days {
  const { period, span } = reportSpans(request, store, now);
  const days = span ?? period;
  return { firstDay: days.from, lastDay: days.to };
}

const spanKey = (days: Days) => `${days.firstDay}..${days.lastDay}`;

/**
 * A report the platform computes for this store (the Members figures, the points liability): fetched
 * signed as the sync is, kept with the time it was fetched so the screen can show it offline, and
 * when the platform cannot be asked, why, with the span's figures as last fetched.
 */
export function platformReport<T>(spec: PlatformReportSpec<T>) {
  const statements = namedStatements({
    keep: `INSERT INTO ${spec.table} (span, fetched_at, body) VALUES (?, ?, ?)
      ON CONFLICT (span) DO UPDATE SET fetched_at = excluded.fetched_at, body = excluded.body`,
    prune: `DELETE FROM ${spec.table} WHERE span NOT IN
      (SELECT span FROM ${spec.table} ORDER BY fetched_at DESC LIMIT ${KEPT_SPANS})`,
    last: `SELECT fetched_at, body FROM ${spec.table} WHERE span = ?`,
  });

  function lastFetched(db: Database, days: Days): Fetched<T> | null {
    const row = statements(db).last.get(spanKey(days)) as { fetched_at: number; body: string } | undefined;
    if (!row) return null;
    const report = spec.answer.safeParse(JSON.parse(row.body));
    return report.success ? { report: report.data, fetchedAt: row.fetched_at } : null;
  }

  /** Why there are no fresh figures, in the reader's words, with the span's figures as last fetched. */
  function unavailable(
    db: Database,
    days: Days,
    locale: Locale,
    link: PlatformLink | null,
    problem: PlatformCallError['problem'] | null,
  ): PlatformReportView<T> {
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
   * The method through `call`: checked as the dispatcher would, then the platform's figures for the
   * period's days are fetched and kept. Anything the checks refuse goes to the dispatcher.
   */
  async function call(
    env: CoreEnvironment,
    request: CallRequest,
    dispatch: (request: CallRequest) => Envelope<unknown>,
  ): Promise<Envelope<unknown>> {
    const checked = checkedCall(env, spec.method, request);
    if (!checked) return dispatch(request);
    const locale = pickLocale(request.locale);
    let days: Days;
    try {
      days = reportDays(checked.input, checked.store, checked.now);
    } catch {
      return dispatch(request);
    }
    const link = env.sync.link;
    if (!link) return { ok: true, value: unavailable(env.db, days, locale, null, null) };
    try {
      const report = await callPlatform({
        baseUrl: link.baseUrl,
        method: 'GET',
        pathAndQuery: spec.path(days, checked.store),
        signer: { deviceId: link.deviceId, key: link.key },
        answer: spec.answer,
        timeoutMs: REPORT_TIMEOUT_MS,
      });
      const fetchedAt = env.clock();
      const q = statements(env.db);
      env.db.transaction(() => {
        q.keep.run(spanKey(days), fetchedAt, JSON.stringify(report));
        q.prune.run();
      })();
      const view: PlatformReportView<T> = { status: 'fetched', report, fetchedAt };
      return { ok: true, value: view };
    } catch (error) {
      if (!(error instanceof PlatformCallError)) throw error;
      return { ok: true, value: unavailable(env.db, days, locale, link, error.problem) };
    }
  }

  return { call, unavailable };
}
