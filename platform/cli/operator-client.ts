import { pickLocale } from '../../shared/locale';
import { UsageError } from './args';

/** The platform refused, or could not be reached; `code` is the platform's error code. */
export class PlatformRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_PORT = 7420;

export type Operator = { call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> };

/** The running platform's admin API, reached with --url/--token or COUNTER_PLATFORM_URL/_TOKEN. */
export function operatorFrom(values: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Operator {
  const url =
    (typeof values.url === 'string' && values.url) || env.COUNTER_PLATFORM_URL || `http://127.0.0.1:${DEFAULT_PORT}`;
  const token = (typeof values.token === 'string' && values.token) || env.COUNTER_PLATFORM_TOKEN;
  if (!token) throw new UsageError('the admin token is required: --token <token> or COUNTER_PLATFORM_TOKEN');
  // The platform answers in the operator's language when the shell's locale is Chinese.
  const language = pickLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      let response: Response;
      try {
        response = await fetch(new URL(path, url), {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            'accept-language': language,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (error) {
        throw new PlatformRefusal(
          'platform_unreachable',
          `cannot reach the platform at ${url}: ${(error as Error).message}`,
        );
      }
      const text = await response.text();
      const parsed = text ? safeJson(text) : null;
      if (!response.ok) {
        const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
        throw new PlatformRefusal(error?.code ?? `http_${response.status}`, error?.message ?? text.slice(0, 200));
      }
      return parsed as T;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
