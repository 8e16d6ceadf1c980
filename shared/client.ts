import type { Approval, CallRequest, Envelope, InputOf, MethodName, OutputOf } from './contract';
import type { ErrorCode } from './errors';

/** Carries one call to the core and brings back its envelope: IPC, HTTP or in-process. */
export type Transport = (request: CallRequest) => Promise<Envelope<unknown>>;

/** A refusal from the core, with its code and a message already in the user's language. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

export type CallOptions = { approval?: Approval };

export type ClientState = { sessionToken: string | null; locale: string };

export function createClient(transport: Transport, state: () => ClientState) {
  async function envelope<M extends MethodName>(
    method: M,
    input: InputOf<M>,
    options: CallOptions = {},
  ): Promise<Envelope<OutputOf<M>>> {
    const { sessionToken, locale } = state();
    const result = await transport({
      method,
      input,
      sessionToken,
      locale,
      approval: options.approval ?? null,
    });
    return result as Envelope<OutputOf<M>>;
  }

  async function call<M extends MethodName>(
    method: M,
    input: InputOf<M>,
    options: CallOptions = {},
  ): Promise<OutputOf<M>> {
    const result = await envelope(method, input, options);
    if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
    return result.value;
  }

  return { call, envelope };
}

export type Client = ReturnType<typeof createClient>;
