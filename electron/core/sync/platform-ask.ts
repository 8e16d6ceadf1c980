import type { ParsedInputOf, PlatformFirstMethod } from '../../../shared/contract';
import type { ErrorParams, Text } from '../../../shared/errors';
import type { MessageParams } from '../../../shared/sync/platform-messages';
import type { CoreEnvironment } from '../handler-context';
import { callPlatform, PlatformCallError } from './platform-client';
import type { PlatformLink } from './sync-runtime';

/** The platform refused: its code (a message code of ours when it is one) and params. */
export type PlatformRefusal = { kind: 'refused'; code: string; params: ErrorParams; message: string };

/** One call's online step as it runs: the budget's deadline is shared by every domain asking. */
export type Asking = { env: CoreEnvironment; link: PlatformLink; deadline: number; clockDoubted: boolean };

/**
 * A domain's part of the online step of the methods the contract marks `platformFirst`: what it
 * gathers before the synchronous dispatch (`gather`), and `none`, what the handler sees when there
 * is no answer. `needed` is a cheap look at the raw input, before any parsing: most sales carry
 * nothing to ask about and go straight to the dispatch.
 */
export type OnlineDomain<A> = {
  none: A;
  steps: { [M in PlatformFirstMethod]?: OnlineStep<M, A> };
};

export type OnlineStep<M extends PlatformFirstMethod, A> = {
  needed?(rawInput: unknown): boolean;
  gather(asking: Asking, input: ParsedInputOf<M>): Promise<A>;
};

/**
 * One signed call within what is left of the budget; null when there is no usable answer. Only a
 * refusal `isAnswer` accepts (one about the thing asked for, which the platform would repeat) is an
 * answer: the platform failing, a signature it would not take, or an answer we cannot read leaves
 * the decision to this till.
 */
export async function askPlatform<T>(
  s: Asking,
  call: {
    method: 'GET' | 'POST';
    pathAndQuery: string;
    body?: unknown;
    headers?: Record<string, string>;
    answer: import('zod').ZodType<T>;
  },
  isAnswer: (code: string) => boolean,
): Promise<{ value: T } | { refused: PlatformRefusal } | null> {
  const timeoutMs = s.deadline - Date.now();
  if (timeoutMs <= 0) return null;
  try {
    const value = await callPlatform({
      ...call,
      baseUrl: s.link.baseUrl,
      signer: { deviceId: s.link.deviceId, key: s.link.key },
      timeoutMs,
      now: s.env.clock(),
    });
    return { value };
  } catch (error) {
    if (!(error instanceof PlatformCallError)) throw error;
    const problem = error.problem;
    if (problem.kind === 'refused' && problem.code === 'timestamp_stale') s.clockDoubted = true;
    if (problem.kind !== 'refused' || !isAnswer(problem.code)) return null;
    return {
      refused: {
        kind: 'refused',
        code: problem.code,
        params: fromPlatformParams(problem.params),
        message: problem.message,
      },
    };
  }
}

/** The platform's bilingual params ({en, zh}) in the till's shape ({en, 'zh-CN'}). */
function fromPlatformParams(params: MessageParams | undefined): ErrorParams {
  const out: ErrorParams = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    out[key] = typeof value === 'object' ? ({ en: value.en, 'zh-CN': value.zh } satisfies Text) : value;
  }
  return out;
}
