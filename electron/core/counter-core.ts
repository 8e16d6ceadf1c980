import { fileURLToPath } from 'node:url';
import {
  type AppEvent,
  type CallRequest,
  contract,
  type Envelope,
  isHeadOfficeMethod,
  isMethodName,
} from '../../shared/contract';
import { uuidv7 } from '../../shared/ids';
import { decideAccess } from '../../shared/roles';
import { auditKey } from './audit/audit-chain';
import { openDatabase } from './db/open-database';
import { scheduleWalCheckpoints } from './db/wal-checkpoints';
import { loadDeviceSecret } from './device-secret';
import { createDispatcher } from './dispatcher';
import type { CoreEnvironment } from './handler-context';
import { handlers } from './handlers';
import { callHeadOffice } from './head-office/head-office-call';
import { ownerSessionFile } from './head-office/owner-session';
import { memberReport } from './members/member-report-call';
import { pointsLiabilityReport } from './members/points-liability-call';
import { releaseUnusedHold } from './members/points-online';
import { storeFactsQuietly } from './reports/day-facts';
import { callDrill } from './reports/drill-call';
import { callReconcile } from './reports/reconcile-call';
import { callReport } from './reports/report-call';
import { isWorkerMethod } from './reports/report-jobs';
import { type ReportWorkerEntry, startReportRunner } from './reports/report-runner';
import { plainSecretFile, type SecretFile } from './secret-file';
import { createGrantStore } from './staff/approval-grants';
import { createSessionStore } from './staff/sessions';
import { readMeta, readStore, writeMeta } from './store/store-records';
import { type DeviceKeyStore, fileDeviceKeyStore } from './sync/device-key-store';
import { lastOutboxSeq } from './sync/outbox';
import { gatherOnline, isPlatformFirst, needsPlatform, type OnlineAnswers } from './sync/platform-first';
import { type SyncEngineOptions, startSyncEngine } from './sync/sync-engine';
import { createSyncRuntime } from './sync/sync-runtime';

// What openCounterCore may throw that needs a person (upgrade Counter, restore a backup): the
// shells tell them apart here, without reaching into the database or the secret's file.
export { DatabaseTooNewError } from './db/migrations';
export { DeviceSecretError } from './device-secret';

export type CoreOptions = {
  dataDir: string;
  migrationsDir?: string;
  resourcesDir?: string;
  nativeBinding?: string;
  /** The PIN pepper, or how the shell gets it once the core knows whether the store is in use. */
  deviceSecret?: Buffer | ((storeInUse: boolean) => Buffer | undefined);
  clock?: () => number;
  /**
   * Runs the background sync with the platform (pairing, push, pull, long poll). The shells turn
   * it on; tests that do not sync leave it off so no request ever leaves the process.
   */
  sync?: Omit<SyncEngineOptions, 'env' | 'runtime' | 'emit' | 'keyStore'> & { keyStore?: DeviceKeyStore };
  /**
   * Runs the long reports in a worker thread on a read-only connection, so they never hold up a
   * sale. The shells give it; without it (tests, benches) `call` runs them in the core's thread.
   */
  reportWorker?: ReportWorkerEntry;
  /** Where the owner's platform session is kept: the shells seal it; by default a 0600 file. */
  ownerSession?: SecretFile;
};

export type CounterCore = {
  /** Synchronous: one transaction, no platform round trip (voucher calls then decide offline). */
  dispatch(request: CallRequest): Envelope<unknown>;
  /**
   * What the transports use: the few methods the contract marks `platformFirst` (vouchers) first ask
   * it within the answer budget, then dispatch with its answers; every other method is a plain dispatch.
   */
  call(request: CallRequest): Promise<Envelope<unknown>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
  /** Stops the sync (awaiting its last write) and closes the database. */
  close(): Promise<void>;
  environment: CoreEnvironment;
};

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** Opens (creating and migrating if needed) the store in a data folder and serves its contract. */
export function openCounterCore(options: CoreOptions): CounterCore {
  const { db } = openDatabase({
    dataDir: options.dataDir,
    migrationsDir: options.migrationsDir ?? here('./db/migrations'),
    nativeBinding: options.nativeBinding,
  });
  const inUse = storeInUse(db);
  const provided = typeof options.deviceSecret === 'function' ? options.deviceSecret(inUse) : options.deviceSecret;
  const deviceSecret = provided ?? loadDeviceSecret(options.dataDir, { storeInUse: inUse });
  const env: CoreEnvironment = {
    db,
    deviceSecret,
    auditKey: auditKey(deviceSecret),
    deviceId: ensureDeviceId(db),
    resourcesDir: options.resourcesDir ?? here('../../resources'),
    sessions: createSessionStore(),
    grants: createGrantStore(),
    clock: options.clock ?? Date.now,
    sync: createSyncRuntime(options.clock ?? Date.now),
    ownerSession: options.ownerSession ?? plainSecretFile(options.dataDir, ownerSessionFile),
  };
  const listeners = new Set<(event: AppEvent) => void>();
  const emit = (event: AppEvent) => {
    for (const listener of listeners) listener(event);
  };
  const dispatchCall = createDispatcher(env, handlers, emit);
  const checkpoints = scheduleWalCheckpoints(db);
  const reports = options.reportWorker
    ? startReportRunner(
        options.reportWorker,
        options.dataDir,
        (days) => storeFactsQuietly(db, days),
        options.nativeBinding,
      )
    : null;
  // Closed days' report facts are stored while nobody waits, so a manager's first year report is quick.
  const opened = readStore(db, env.clock());
  if (reports && opened) reports.fillFacts(opened.businessDay);
  const engine = options.sync
    ? startSyncEngine({
        ...options.sync,
        env,
        runtime: env.sync,
        emit,
        keyStore: options.sync.keyStore ?? fileDeviceKeyStore(options.dataDir),
      })
    : null;
  const dispatch = (request: CallRequest, online?: OnlineAnswers): Envelope<unknown> => {
    const mutates = isMethodName(request.method) && contract[request.method].mutates;
    // Reads (most calls: search, scans, lists) never queue anything, so they skip the two lookups.
    const queued = mutates ? lastOutboxSeq(db) : 0;
    const envelope = dispatchCall(request, online);
    if (envelope.ok && mutates) {
      checkpoints.afterWrite();
      if (lastOutboxSeq(db) !== queued) env.sync.wake();
    }
    return envelope;
  };
  return {
    dispatch: (request) => dispatch(request),
    async call(request) {
      const method = request.method;
      if (reports && typeof method === 'string' && isWorkerMethod(method)) {
        return callReport(env, reports, method, request, dispatch);
      }
      if (method === 'reports.reconcile') return callReconcile(env, request, dispatch);
      if (method === 'reports.members') return memberReport.call(env, request, dispatch);
      if (method === 'reports.pointsLiability') return pointsLiabilityReport.call(env, request, dispatch);
      if (typeof method === 'string' && isHeadOfficeMethod(method))
        return callHeadOffice(env, { ...request, method }, dispatch);
      if (reports && method === 'orders.list') return callDrill(env, reports, request, dispatch);
      if (typeof method !== 'string' || !isMethodName(method) || !isPlatformFirst(method)) return dispatch(request);
      // Unpaired, or a sale with no coupon: nothing to ask, so nothing to parse twice.
      if (!env.sync.link || !needsPlatform(method, request.input)) return dispatch(request);
      // A cheap pre-check so nobody makes the till call the platform for them; the dispatch checks
      // everything again and gives the precise refusal.
      const parsed = contract[method].input.safeParse(request.input ?? {});
      const session = env.sessions.get(request.sessionToken, env.clock());
      const access = contract[method].access;
      const allowed = session && !session.locked && access !== 'public' && access !== 'signedIn';
      if (!parsed.success || !allowed || decideAccess(session.role, access) !== 'allow') {
        return dispatch(request);
      }
      const online = await gatherOnline(env, method, parsed.data as never);
      const answer = dispatch(request, online);
      if (!answer.ok) await releaseUnusedHold(env, online.points);
      return answer;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      const finish = () => {
        void reports?.close();
        checkpoints.stop();
        listeners.clear();
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      };
      // Without a sync running the database closes before this returns, as callers have relied on.
      if (!engine) {
        finish();
        return Promise.resolve();
      }
      return engine.stop().then(finish);
    },
    environment: env,
  };
}

/** Staff or audit entries mean a device secret was made for this store before (PIN hashes, audit chain). */
function storeInUse(db: CoreEnvironment['db']): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM staff) OR EXISTS (SELECT 1 FROM audit_log)').pluck().get() === 1;
}

function ensureDeviceId(db: CoreEnvironment['db']): string {
  const existing = readMeta(db, 'device_id');
  if (existing) return existing;
  const id = uuidv7();
  writeMeta(db, 'device_id', id);
  return id;
}

/** `--demo` on an empty data folder, for both shells: the first screen is a working shop. */
export function fillDemoStoreIfEmpty(core: CounterCore, locale: 'zh-CN' | 'en'): string | null {
  const status = core.dispatch({ method: 'app.status', input: {} });
  if (status.ok && (status.value as { setUp: boolean }).setUp) return null;
  const created = core.dispatch({ method: 'store.createDemo', input: { locale, history: true }, locale });
  return created.ok ? null : created.error.message;
}
