import type { z } from 'zod';
import type { MessageParams } from '../../../shared/sync/platform-messages';
import { PlatformError } from '../../../shared/sync/wire';
import { type DeviceKey, signRequest } from './request-signing';

/** Why a call to the platform did not give an answer we can use. */
export type PlatformProblem =
  | { kind: 'unreachable'; detail: string }
  | { kind: 'refused'; status: number; code: string; message: string; params?: MessageParams };

export class PlatformCallError extends Error {
  constructor(readonly problem: PlatformProblem) {
    super(
      problem.kind === 'unreachable' ? `platform unreachable: ${problem.detail}` : `${problem.status} ${problem.code}`,
    );
    this.name = 'PlatformCallError';
  }

  /** 5xx and network trouble pass; a 4xx will say the same thing next time. */
  get transient(): boolean {
    return this.problem.kind === 'unreachable' || this.problem.status >= 500 || this.problem.status === 429;
  }
}

export type PlatformCall<T> = {
  baseUrl: string;
  method: 'GET' | 'POST';
  pathAndQuery: string;
  body?: unknown;
  /** Absent only for pairing, which the one-time code authorises. */
  signer?: { deviceId: string; key: DeviceKey };
  answer: z.ZodType<T>;
  timeoutMs: number;
  signal?: AbortSignal;
  now?: number;
  /** Extra headers, e.g. a redemption's `Idempotency-Key`; they are not part of the signature. */
  headers?: Record<string, string>;
};

export async function callPlatform<T>(call: PlatformCall<T>): Promise<T> {
  const body = call.body === undefined ? '' : JSON.stringify(call.body);
  const headers: Record<string, string> = { ...call.headers, accept: 'application/json' };
  if (body) headers['content-type'] = 'application/json';
  if (call.signer) {
    Object.assign(
      headers,
      signRequest({ ...call.signer, method: call.method, pathAndQuery: call.pathAndQuery, body }, call.now),
    );
  }
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(new URL(call.pathAndQuery, call.baseUrl), {
      method: call.method,
      headers,
      body: body || undefined,
      signal,
    });
    text = await response.text();
  } catch (error) {
    throw new PlatformCallError({ kind: 'unreachable', detail: describeFailure(error) });
  }
  const json = parseJson(text);
  if (!response.ok) {
    const refusal = PlatformError.safeParse(json);
    throw new PlatformCallError({
      kind: 'refused',
      status: response.status,
      code: refusal.success ? refusal.data.error.code : `http_${response.status}`,
      message: refusal.success ? refusal.data.error.message : text.slice(0, 200),
      params: refusal.success ? refusal.data.error.params : undefined,
    });
  }
  const parsed = call.answer.safeParse(json);
  if (!parsed.success) {
    throw new PlatformCallError({
      kind: 'refused',
      status: 502,
      code: 'answer_invalid',
      message: parsed.error.message,
    });
  }
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    if (error.name === 'AbortError') return 'stopped';
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? error.message;
  }
  return String(error);
}
