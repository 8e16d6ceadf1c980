import type { AppEvent } from '../../../shared/contract';
import { PUSH_BATCH_MAX, PullResponse, type PullStream, PushResponse, WaitResponse } from '../../../shared/sync/wire';
import type { CoreEnvironment } from '../handler-context';
import type { DeviceKeyStore } from './device-key-store';
import { freshHealth, type LinkState, noteContact, noteFailure } from './link-health';
import { readUnsent } from './outbox-payloads';
import { pairAsRequested } from './pairing';
import { callPlatform, PlatformCallError } from './platform-client';
import { applyPulledPage } from './pull-apply';
import { fitPushBatch } from './push-batch';
import { applyPushResponse } from './push-results';
import { type DeviceKey, deviceKeyFromPkcs8 } from './request-signing';
import {
  ackedSeq,
  markSynced,
  type Pairing,
  readCursor,
  readPairing,
  readPairingRequest,
  recordPulled,
  writeLastProblem,
} from './sync-records';
import type { SyncRuntime } from './sync-runtime';
import { pulledStreams, tillStreams } from './till-sync';

export type SyncEngineOptions = {
  env: CoreEnvironment;
  runtime: SyncRuntime;
  keyStore: DeviceKeyStore;
  emit(event: AppEvent): void;
  /** Tests shorten these; the defaults are PROTOCOL.md's. */
  backoff?: { firstMs: number; maxMs: number };
  requestTimeoutMs?: number;
  waitSeconds?: number;
};

/**
 * The till's side of PROTOCOL.md's sync, in the background: pair when asked, then forever push
 * everything unsent, pull every stream, and hold a long poll open so an online order rings within a
 * second. Any failure backs off (1 s doubling to 5 min, with jitter) and tries again; a local sale
 * wakes it at once, and "Sync now" starts over at once with the back-off reset, even when pressed
 * while an exchange is out. The core's one SQLite connection is used between awaits only, never
 * across one.
 */
export function startSyncEngine(options: SyncEngineOptions): { stop(): Promise<void> } {
  const { env, runtime } = options;
  const backoff = options.backoff ?? { firstMs: 1_000, maxMs: 300_000 };
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const waitSeconds = options.waitSeconds ?? 25;
  let stopped = false;
  // Failed cycles in a row, for the back-off; the status bar reads the runtime's health instead.
  let failures = 0;
  // After a start or a failure every stream is pulled; otherwise the long poll says which moved.
  let pullEverything = true;
  let idle = new AbortController();
  runtime.wake = () => idle.abort();
  const stopping = new AbortController();

  let shownState: LinkState | null = null;
  /** Tells the screens when what the status bar says changes. */
  const stateMayHaveChanged = () => {
    const state = runtime.state(env.clock());
    if (state === shownState) return;
    shownState = state;
    options.emit({ type: 'sync.changed' });
  };
  const contact = () => {
    noteContact(runtime.health, env.clock());
    stateMayHaveChanged();
  };

  async function cycle(): Promise<void> {
    if (readPairingRequest(env.db)) {
      await pair();
      return;
    }
    const pairing = readPairing(env.db);
    const key = pairing ? loadKey(options.keyStore) : null;
    if (!pairing || !key) {
      runtime.link = null;
      runtime.health = freshHealth(env.clock());
      stateMayHaveChanged();
      await sleep(24 * 3_600_000, idle.signal);
      return;
    }
    // Handlers sign their own calls (a voucher hold) with what the sync uses.
    runtime.link = { baseUrl: pairing.platformUrl, deviceId: pairing.deviceId, key };
    const link: Link = { pairing, key, timeoutMs, signal: idle.signal };
    await pushAll(link);
    if (pullEverything) {
      await pullAll(link, pulledStreams);
      if (stillPaired(link)) recordPulled(env.db, env.clock());
    }
    pullEverything = false;
    markSynced(env.db, env.clock());
    failures = 0;
    options.emit({ type: 'sync.changed' });
    const moved = await waitForChanges(link);
    if (moved === null) return;
    if (moved.length > 0) await pullAll(link, moved);
    if (stillPaired(link)) recordPulled(env.db, env.clock());
  }

  async function pair(): Promise<void> {
    await pairAsRequested(env, options.keyStore, { timeoutMs, signal: stopping.signal });
    options.emit({ type: 'sync.changed' });
    options.emit({ type: 'store.changed' });
  }

  async function pushAll(link: Link): Promise<void> {
    for (;;) {
      const from = ackedSeq(env.db);
      const unsent = readUnsent(env.db, from, PUSH_BATCH_MAX);
      if (unsent.length === 0) return;
      const head = env.db.prepare('SELECT seq, hash FROM audit_head').get() as
        | { seq: number; hash: string }
        | undefined;
      // Cut by size too: 500 large orders would be far past what the platform takes in one body.
      const body = fitPushBatch({ deviceId: link.pairing.deviceId, auditHead: head ?? null }, unsent);
      const answer = await signedCall(link, 'POST', '/v1/sync/push', PushResponse, body);
      // Unpaired while the request was out: the answer belongs to a platform this till has left.
      if (!stillPaired(link)) return;
      const { needsAttention, moved, told } = applyPushResponse(env.db, answer, env.clock(), {
        auditKey: env.auditKey,
        deviceId: link.pairing.deviceId,
      });
      options.emit({ type: 'sync.changed' });
      for (const event of told) options.emit(event);
      if (needsAttention > 0 || moved > 0) options.emit({ type: 'orders.changed' });
      // No progress and no gap to fill: stop here rather than spin; the back-off retries later.
      if (answer.ackSeq <= from && answer.expectedSeq === null) {
        throw new PlatformCallError({
          kind: 'refused',
          status: 502,
          code: 'push_stalled',
          message: `ack ${answer.ackSeq}`,
        });
      }
    }
  }

  async function pullAll(link: Link, which: PullStream[]): Promise<void> {
    const ordered = pulledStreams.filter((stream) => which.includes(stream));
    // Events several streams share (the voucher streams') are told once, when the pull is done.
    const afterPull = new Map<AppEvent['type'], AppEvent>();
    for (const stream of ordered) {
      let placed = 0;
      let changed = false;
      for (;;) {
        const cursor = readCursor(env.db, stream);
        const page = await pullPage(link, stream, cursor);
        // A platform older than this stream refuses its name: the till does without it.
        if (page === null) break;
        if (!stillPaired(link)) return;
        const outcome = applyPulledPage(env.db, env.auditKey, stream, page, env.clock());
        placed += outcome.placed;
        changed ||= page.changes.length > 0;
        if (!page.hasMore) break;
      }
      if (!changed) continue;
      const spec = tillStreams[stream];
      for (const event of spec.told(placed)) {
        if (spec.toldAfterPull) afterPull.set(event.type, event);
        else options.emit(event);
      }
    }
    for (const event of afterPull.values()) options.emit(event);
  }

  async function pullPage(link: Link, stream: PullStream, cursor: string): Promise<PullResponse | null> {
    try {
      return await signedCall(link, 'GET', `/v1/sync/pull?stream=${stream}&cursor=${cursor}&limit=500`, PullResponse);
    } catch (error) {
      const problem = error instanceof PlatformCallError ? error.problem : null;
      if (problem?.kind === 'refused' && problem.status === 400 && problem.code === 'request_invalid') return null;
      throw error;
    }
  }

  /** The streams that moved; null when a local change cut the wait short and nothing was learnt. */
  async function waitForChanges(link: Link): Promise<PullStream[] | null> {
    const cursors = pulledStreams.map((stream) => `${stream}=${readCursor(env.db, stream)}`).join('&');
    const path = `/v1/sync/wait?${cursors}&timeout=${waitSeconds}`;
    try {
      const answer = await signedCall(link, 'GET', path, WaitResponse, undefined, (waitSeconds + 10) * 1_000);
      return answer.streams;
    } catch (error) {
      // Woken by a local change: go round and push it.
      if (idle.signal.aborted && error instanceof PlatformCallError && error.problem.kind === 'unreachable')
        return null;
      throw error;
    }
  }

  /** One exchange; an answer the till can use is contact, which is what keeps the bar online. */
  async function signedCall<T>(
    link: Link,
    method: 'GET' | 'POST',
    pathAndQuery: string,
    answer: import('zod').ZodType<T>,
    body?: unknown,
    overrideTimeoutMs?: number,
  ): Promise<T> {
    const result = await callPlatform({
      baseUrl: link.pairing.platformUrl,
      method,
      pathAndQuery,
      body,
      answer,
      signer: { deviceId: link.pairing.deviceId, key: link.key },
      timeoutMs: overrideTimeoutMs ?? link.timeoutMs,
      signal: method === 'GET' && pathAndQuery.startsWith('/v1/sync/wait') ? link.signal : stopping.signal,
      now: env.clock(),
    });
    contact();
    return result;
  }

  function stillPaired(link: Link): boolean {
    return readPairing(env.db)?.deviceId === link.pairing.deviceId;
  }

  async function run(): Promise<void> {
    while (!stopped) {
      if (idle.signal.aborted) idle = new AbortController();
      if (runtime.takeRetryRequest()) {
        failures = 0;
        pullEverything = true;
      }
      try {
        await cycle();
      } catch (error) {
        if (stopped) return;
        failures += 1;
        pullEverything = true;
        noteFailure(runtime.health);
        recordFailure(error);
        stateMayHaveChanged();
        await runtime.sleepUnlessRetried(backoffDelay(failures, backoff));
      }
    }
  }

  function recordFailure(error: unknown): void {
    const pairing = readPairing(env.db);
    const problem =
      error instanceof PlatformCallError
        ? error.problem
        : { kind: 'refused' as const, status: 0, code: 'sync_failed', message: String(error) };
    if (pairing) writeLastProblem(env.db, { url: pairing.platformUrl, ...problem });
    options.emit({ type: 'sync.changed' });
  }

  const running = run();
  return {
    async stop() {
      stopped = true;
      stopping.abort();
      idle.abort();
      runtime.retryNow();
      await running;
      runtime.link = null;
    },
  };
}

type Link = { pairing: Pairing; key: DeviceKey; timeoutMs: number; signal: AbortSignal };

function loadKey(store: DeviceKeyStore): DeviceKey | null {
  const pkcs8 = store.read();
  return pkcs8 ? deviceKeyFromPkcs8(pkcs8) : null;
}

/** Exponential with full jitter, so a hundred tills coming back online do not arrive together. */
export function backoffDelay(
  failures: number,
  limits: { firstMs: number; maxMs: number },
  random = Math.random,
): number {
  const ceiling = Math.min(limits.maxMs, limits.firstMs * 2 ** Math.min(failures - 1, 20));
  return Math.max(limits.firstMs / 2, Math.round(ceiling * random()));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
