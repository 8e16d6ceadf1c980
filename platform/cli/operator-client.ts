import { pickLocale } from '../../shared/locale';
import type { RouteInput, RouteName, RouteOutput } from '../../shared/platform-api';
import { platformClient } from '../../shared/platform-api/client';
import { UsageError } from './args';

export { PlatformRefusal } from '../../shared/platform-api/client';

export const DEFAULT_PORT = 7420;

export type Operator = {
  /** A route of the platform's contract, by name; its answer is checked against the contract. */
  route<N extends RouteName>(name: N, input: RouteInput<N>): Promise<RouteOutput<N>>;
  /** A route the contract does not hold yet. */
  call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T>;
};

function platformUrl(values: Record<string, unknown>, env: NodeJS.ProcessEnv): string {
  return (
    (typeof values.url === 'string' && values.url) || env.COUNTER_PLATFORM_URL || `http://127.0.0.1:${DEFAULT_PORT}`
  );
}

/** The platform answers in the operator's language when the shell's locale is Chinese. */
const shellLanguage = (env: NodeJS.ProcessEnv) => pickLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);

/** The running platform's admin API, reached with --url/--token or COUNTER_PLATFORM_URL/_TOKEN. */
export function operatorFrom(values: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Operator {
  const token = (typeof values.token === 'string' && values.token) || env.COUNTER_PLATFORM_TOKEN;
  if (!token) throw new UsageError('the admin token is required: --token <token> or COUNTER_PLATFORM_TOKEN');
  const client = platformClient({
    url: platformUrl(values, env),
    credential: { kind: 'admin', token },
    language: shellLanguage(env),
    fetch,
  });
  return {
    route: client.call,
    call: async <T>(method: string, path: string, body?: unknown) => (await client.request(method, path, body)) as T,
  };
}

/** The platform's public routes (an owner redeeming an invitation), with no token. */
export function publicPlatform(values: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env) {
  return platformClient({ url: platformUrl(values, env), credential: null, language: shellLanguage(env), fetch });
}
