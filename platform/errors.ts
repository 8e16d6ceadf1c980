import type { ZodError } from 'zod';
import type { ErrorCode, MessageParams } from '../shared/sync/platform-messages';

/** A refusal the caller can act on: HTTP status, stable code, message parameters. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly params: MessageParams = {},
  ) {
    super(code);
  }
}

/** Zod's issues as one line a developer can read: `items.0.price: Invalid input: expected int`. */
export function zodDetail(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Parses with `schema` or refuses with 400 `request_invalid`. */
export function parseInput<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, 'request_invalid', { detail: zodDetail(result.error) });
  return result.data;
}
