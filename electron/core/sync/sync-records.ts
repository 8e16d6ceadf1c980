import type { Database } from 'better-sqlite3';
import type { SyncRecord, SyncStatus } from '../../../shared/contract/sync';
import { errorMessage } from '../../../shared/errors';
import type { Locale } from '../../../shared/locale';
import { type MessageParams, platformMessage } from '../../../shared/sync/platform-messages';
import type { PairResponse } from '../../../shared/sync/wire';
import { namedStatements } from '../db/open-database';
import { readMeta, writeMeta } from '../store/store-records';
import type { LinkState } from './link-health';
import type { PlatformProblem } from './platform-client';

/** The pairing this till holds, kept in `meta` beside the store it belongs to. */
export type Pairing = { platformUrl: string; deviceId: string; storeId: string; storeName: string };
export type PairingRequest = { platformUrl: string; code: string; at: number };
/** Kept as facts and put into words when read, in the language of whoever reads them. */
export type Problem = { url: string } & PlatformProblem;

const keys = {
  pairing: 'sync.pairing',
  request: 'sync.pairing_request',
  pairingProblem: 'sync.pairing_problem',
  lastProblem: 'sync.last_problem',
  lastSyncAt: 'sync.last_sync_at',
  lastPullAt: 'sync.last_pull_at',
  ackedSeq: 'sync.acked_seq',
} as const;

const statements = namedStatements({
  deleteMeta: 'DELETE FROM meta WHERE key = ?',
  unsent: `SELECT COUNT(*) AS count, MIN(created_at) AS oldest FROM outbox WHERE seq > ?`,
  needingAttention: `SELECT COUNT(*) FROM outbox WHERE result IN ('REJECTED', 'CONFLICT')`,
  attention: `SELECT seq, id, type, created_at, result, result_code, result_message, result_params FROM outbox
    WHERE result IN ('REJECTED', 'CONFLICT') ORDER BY seq DESC LIMIT 500`,
  cursor: 'SELECT cursor FROM sync_cursors WHERE stream = ?',
  setCursor: `INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
});

function readJson<T>(db: Database, key: string): T | null {
  const text = readMeta(db, key);
  return text ? (JSON.parse(text) as T) : null;
}

function writeJson(db: Database, key: string, value: unknown): void {
  if (value === null) statements(db).deleteMeta.run(key);
  else writeMeta(db, key, JSON.stringify(value));
}

export const readPairing = (db: Database) => readJson<Pairing>(db, keys.pairing);
export const readPairingRequest = (db: Database) => readJson<PairingRequest>(db, keys.request);
export const writePairingRequest = (db: Database, request: PairingRequest | null) =>
  writeJson(db, keys.request, request);
export const writePairingProblem = (db: Database, problem: Problem | null) =>
  writeJson(db, keys.pairingProblem, problem);
export const writeLastProblem = (db: Database, problem: Problem | null) => writeJson(db, keys.lastProblem, problem);
export const readLastProblem = (db: Database) => readJson<Problem>(db, keys.lastProblem);

/** The platform accepted this till: remember who we are there, and take the till code it gave. */
export function recordPairing(db: Database, platformUrl: string, answer: PairResponse): void {
  writeJson(db, keys.pairing, {
    platformUrl,
    deviceId: answer.deviceId,
    storeId: answer.storeId,
    storeName: answer.storeName,
  } satisfies Pairing);
  writeMeta(db, 'device_code', answer.deviceCode);
  writeJson(db, keys.request, null);
  writeJson(db, keys.pairingProblem, null);
}

export function ackedSeq(db: Database): number {
  return Number(readMeta(db, keys.ackedSeq) ?? 0);
}

export function writeAckedSeq(db: Database, seq: number): void {
  writeMeta(db, keys.ackedSeq, String(seq));
}

export function markSynced(db: Database, now: number): void {
  writeMeta(db, keys.lastSyncAt, String(now));
  writeJson(db, keys.lastProblem, null);
}

/**
 * The platform last told this till it had every stream's newest state (a pull to the end, or a
 * long poll answered): offline redemption stops once this is older than the risk limits allow.
 */
export function lastPullAt(db: Database): number | null {
  const text = readMeta(db, keys.lastPullAt);
  return text ? Number(text) : null;
}

export function recordPulled(db: Database, now: number): void {
  writeMeta(db, keys.lastPullAt, String(now));
}

export function readCursor(db: Database, stream: string): string {
  const row = statements(db).cursor.get(stream) as { cursor: string } | undefined;
  return row?.cursor ?? '0';
}

export function writeCursor(db: Database, stream: string, cursor: string, now: number): void {
  statements(db).setCursor.run(stream, cursor, now);
}

/** `state` is the link's health now (link-health.ts); it applies only while paired. */
export function readSyncStatus(db: Database, state: LinkState, locale: Locale): SyncStatus {
  const pairing = readPairing(db);
  const request = readPairingRequest(db);
  const unsent = statements(db).unsent.get(ackedSeq(db)) as { count: number; oldest: number | null };
  const lastSyncAt = readMeta(db, keys.lastSyncAt);
  return {
    link: pairing ? state : request ? 'pairing' : 'unpaired',
    platformUrl: pairing?.platformUrl ?? request?.platformUrl ?? null,
    platformStoreName: pairing?.storeName ?? null,
    pairingProblem: describeProblem(readJson<Problem>(db, keys.pairingProblem), locale),
    lastProblem: pairing ? describeProblem(readJson<Problem>(db, keys.lastProblem), locale) : null,
    lastSyncAt: lastSyncAt ? Number(lastSyncAt) : null,
    unsent: unsent.count,
    oldestUnsentAt: unsent.oldest,
    needsAttention: statements(db).needingAttention.pluck().get() as number,
  };
}

type AttentionRow = {
  seq: number;
  id: string;
  type: string;
  created_at: number;
  result: 'REJECTED' | 'CONFLICT';
  result_code: string | null;
  result_message: string | null;
  result_params: string | null;
};

export function readRecordsNeedingAttention(db: Database, locale: Locale): SyncRecord[] {
  return (statements(db).attention.all() as AttentionRow[]).map((row) => {
    const code = row.result_code ?? '';
    const params = row.result_params ? (JSON.parse(row.result_params) as MessageParams) : undefined;
    return {
      seq: row.seq,
      id: row.id,
      type: row.type,
      createdAt: row.created_at,
      result: row.result,
      code,
      message: platformMessage(code, locale, params, row.result_message ?? ''),
    };
  });
}

function describeProblem(problem: Problem | null, locale: Locale): { code: string; message: string } | null {
  if (!problem) return null;
  if (problem.kind === 'unreachable') {
    return {
      code: 'platform_unreachable',
      message: errorMessage('platform_unreachable', { url: problem.url, detail: problem.detail }, locale),
    };
  }
  const message = platformMessage(problem.code, locale, problem.params, problem.message);
  return { code: problem.code, message: errorMessage('platform_refused', { code: problem.code, message }, locale) };
}

/**
 * The demo's own platform may come back on another port; the pairing (device, key, store) stays
 * and only the address moves. Never used for a real platform, whose address the owner typed.
 */
export function movePairing(db: Database, platformUrl: string): void {
  const pairing = readPairing(db);
  if (pairing && pairing.platformUrl !== platformUrl) writeJson(db, keys.pairing, { ...pairing, platformUrl });
}

/**
 * Drops the pairing and where each stream stood; the queue will be sent again from its start. What
 * the streams brought that no unpaired till may keep goes with it (`forgetPlatformData`).
 */
export function forgetPairing(db: Database): Pairing | null {
  const pairing = readPairing(db);
  writeJson(db, keys.pairing, null);
  writeJson(db, keys.lastProblem, null);
  writeJson(db, keys.lastPullAt, null);
  writeAckedSeq(db, 0);
  db.prepare('DELETE FROM sync_cursors').run();
  return pairing;
}
