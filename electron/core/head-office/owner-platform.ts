import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/locale';
import { type PlatformClient, PlatformRefusal, platformClient } from '../../../shared/platform-api/client';

/** A person waits at the screen; the franchise answers are small. */
const PLATFORM_TIMEOUT_MS = 15_000;

/** The platform's typed client, asking in the reader's language, with the owner's session if any. */
export function ownerClient(url: string, token: string | null, locale: Locale): PlatformClient {
  return platformClient({
    url,
    credential: token ? { kind: 'owner', token } : null,
    language: locale,
    fetch: (target, init) => fetch(target, { ...init, signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS) }),
  });
}

/** The platform's refusal in its own words (it answers in the reader's language); no answer in ours. */
export async function asked<T>(url: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof PlatformRefusal)) throw error;
    if (error.code === 'answer_invalid') throw new AppError('owner_platform_answer_invalid', { url });
    if (error.status === 0 || error.status >= 500) {
      const detail = error.status === 0 ? (error.message.split(': ').pop() ?? error.code) : `HTTP ${error.status}`;
      throw new AppError('owner_platform_unreachable', { url, detail });
    }
    // A change made against a stale version keeps its own code: the screen shows the value as it is now.
    throw new AppError(
      error.code === 'catalog_version_stale' ? 'catalog_version_stale' : 'owner_platform_refused',
      { message: error.message },
      { code: error.code, status: error.status },
    );
  }
}
