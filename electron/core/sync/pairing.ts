import type { Database } from 'better-sqlite3';
import type { InternalAuditAction } from '../../../shared/audit/audit-words';
import { PairResponse } from '../../../shared/sync/wire';
import { appendAudit } from '../audit/audit-chain';
import { readStore } from '../store/store-records';
import type { DeviceKeyStore } from './device-key-store';
import { callPlatform, PlatformCallError } from './platform-client';
import { generateDeviceKey } from './request-signing';
import { readPairingRequest, recordPairing, writePairingProblem, writePairingRequest } from './sync-records';

type PairingEnvironment = { db: Database; auditKey: Buffer; clock: () => number };

/** An audit entry for what the sync did by itself, with no one signed in behind it. */
export function auditSystem(
  env: PairingEnvironment,
  action: InternalAuditAction,
  subject: string | null,
  detail: unknown,
): void {
  appendAudit(env.db, env.auditKey, {
    at: env.clock(),
    action,
    staffId: null,
    staffName: null,
    approverId: null,
    approverName: null,
    subject,
    detail,
  });
}

/**
 * Carries out the owner's pairing request: a new Ed25519 key, its public half and the one-time
 * code to the platform, and the answer kept with the store. The private half is stored only once
 * the platform accepted it. A refusal or an unreachable platform ends the request with its reason;
 * the code may be spent, so it is not tried again by itself.
 */
export async function pairAsRequested(
  env: PairingEnvironment,
  keyStore: DeviceKeyStore,
  call: { timeoutMs: number; signal: AbortSignal },
): Promise<void> {
  const request = readPairingRequest(env.db);
  if (!request) return;
  const { key, pkcs8 } = generateDeviceKey();
  try {
    const store = readStore(env.db, env.clock());
    const answer = await callPlatform({
      baseUrl: request.platformUrl,
      method: 'POST',
      pathAndQuery: '/v1/devices/pair',
      body: { code: request.code, publicKey: key.publicKeyBase64url, deviceName: store?.name ?? 'Counter' },
      answer: PairResponse,
      ...call,
    });
    keyStore.write(pkcs8);
    env.db.transaction(() => {
      recordPairing(env.db, request.platformUrl, answer);
      auditSystem(env, 'sync.paired', `device:${answer.deviceId}`, { platformUrl: request.platformUrl, ...answer });
    })();
  } catch (error) {
    if (!(error instanceof PlatformCallError)) throw error;
    env.db.transaction(() => {
      writePairingRequest(env.db, null);
      writePairingProblem(env.db, { url: request.platformUrl, ...error.problem });
      auditSystem(env, 'sync.pairingFailed', null, { platformUrl: request.platformUrl, problem: error.problem });
    })();
  }
}
