import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { TransferDestination as Destination, type TransferDestination } from '../../../shared/contract/transfers';
import { AppError } from '../../../shared/errors';
import { platformApi } from '../../../shared/platform-api';
import { platformMessage } from '../../../shared/sync/platform-messages';
import type { CoreEnvironment } from '../handler-context';
import type { Checked } from '../head-office/owner-calls';
import { readMeta, writeMeta } from '../store/store-records';
import { callPlatform, PlatformCallError } from '../sync/platform-client';

const KEY = 'transfers.stores';
/** A person waits at the dialog; the list is small. */
const TIMEOUT_MS = 15_000;

/** The brand's other stores as the platform last named them: where this till may send goods. */
export function knownDestinations(db: Database): TransferDestination[] {
  const text = readMeta(db, KEY);
  if (!text) return [];
  const parsed = z.array(Destination).safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : [];
}

/**
 * Asks the platform for the brand's other stores and keeps them, so a transfer can be sent to one
 * of them (and only them) later, offline too. Unreachable: the list kept from the last time.
 */
export async function transferStores(env: CoreEnvironment, call: Checked<'transfers.stores'>) {
  const link = env.sync.link;
  if (!link) throw new AppError('transfer_unpaired');
  try {
    const { stores } = await callPlatform({
      baseUrl: link.baseUrl,
      method: 'GET',
      pathAndQuery: platformApi['device.transferStores'].path,
      signer: { deviceId: link.deviceId, key: link.key },
      answer: platformApi['device.transferStores'].output,
      timeoutMs: TIMEOUT_MS,
      now: env.clock(),
    });
    env.db.transaction(() => writeMeta(env.db, KEY, JSON.stringify(stores)))();
    return { stores };
  } catch (error) {
    if (!(error instanceof PlatformCallError)) throw error;
    const problem = error.problem;
    if (problem.kind === 'unreachable' || problem.status >= 500) {
      const kept = knownDestinations(env.db);
      if (kept.length > 0) return { stores: kept };
      const detail = problem.kind === 'unreachable' ? problem.detail : `HTTP ${problem.status}`;
      throw new AppError('owner_platform_unreachable', { url: link.baseUrl, detail });
    }
    const message = platformMessage(problem.code, call.locale, problem.params, problem.message);
    throw new AppError('transfer_platform_refused', { message }, { code: problem.code, status: problem.status });
  }
}
