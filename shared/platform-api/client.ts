import type { Locale } from '../locale';
import { platformApi, type RouteInput, type RouteName, type RouteOutput } from './index';

/** The part of `fetch` the client needs; shared code names no DOM or Node types. */
export type Fetcher = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; text(): Promise<string> }>;

/** The operator's admin token or an owner's session token; none for the public routes. */
export type PlatformCredential = { kind: 'admin' | 'owner'; token: string } | null;

/** The platform refused (its code and words), could not be reached, or answered what the contract does not allow. */
export class PlatformRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type ClientOptions = { url: string; credential: PlatformCredential; language: Locale; fetch: Fetcher };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The request a call makes: the path's `:name` parts filled from the input, the rest of the input
 * as the query of a GET or the JSON body of anything else.
 */
export function routeRequest<N extends RouteName>(
  name: N,
  input: RouteInput<N>,
): { method: 'GET' | 'POST' | 'PUT'; pathAndQuery: string; body: Record<string, unknown> | undefined } {
  const spec = platformApi[name];
  const rest: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const path = spec.path.replace(/:([A-Za-z]+)/g, (_match, key: string) => {
    const value = rest[key];
    delete rest[key];
    return encodeURIComponent(String(value ?? ''));
  });
  if (spec.method !== 'GET') return { method: spec.method, pathAndQuery: path, body: rest };
  const query = Object.entries(rest)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return { method: spec.method, pathAndQuery: query.length > 0 ? `${path}?${query.join('&')}` : path, body: undefined };
}

/**
 * The platform's API for the operator's CLI and the app: `call` reaches a route of the contract by
 * name and checks the answer against the route's output; `request` reaches a route the contract
 * does not hold yet.
 */
export function platformClient(options: ClientOptions) {
  async function request(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { 'accept-language': options.language };
    if (options.credential) headers.authorization = `Bearer ${options.credential.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: { status: number; text(): Promise<string> };
    try {
      response = await options.fetch(options.url.replace(/\/+$/, '') + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new PlatformRefusal(0, 'platform_unreachable', `cannot reach the platform at ${options.url}: ${reason}`);
    }
    const text = await response.text();
    const parsed = text ? parseJson(text) : null;
    if (response.status >= 400) {
      const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
      throw new PlatformRefusal(
        response.status,
        error?.code ?? `http_${response.status}`,
        error?.message ?? text.slice(0, 200),
      );
    }
    return parsed;
  }

  async function call<N extends RouteName>(name: N, input: RouteInput<N>): Promise<RouteOutput<N>> {
    const { method, pathAndQuery, body } = routeRequest(name, input);
    const answer = platformApi[name].output.safeParse(await request(method, pathAndQuery, body));
    if (!answer.success) {
      throw new PlatformRefusal(0, 'answer_invalid', `the platform's answer to ${name} is not what the contract says`);
    }
    return answer.data as RouteOutput<N>;
  }

  return { call, request };
}

export type PlatformClient = ReturnType<typeof platformClient>;
