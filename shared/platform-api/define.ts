import type { z } from 'zod';

/**
 * Who may call a platform route, settled from the request's headers before its body is read
 * (docs/platform-http.md): anyone; the operator's admin token; an owner's session token (and only
 * for the stores of the owner's organisation, which the handler is given); a paired device's
 * signature.
 */
export type PlatformAccess = 'public' | 'admin' | 'owner' | 'device';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/**
 * One platform route, declared once: the server mounts it, the operator CLI and the app's client
 * call it by name. `params` are the path's `:name` parts; `input` is the JSON body of a POST or PUT
 * and the query of a GET (whose values arrive as text). The server checks its own answer against
 * `output` before sending it, and the client checks it again on arrival.
 */
export type RouteSpec<
  P extends z.ZodType = z.ZodType,
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  A extends PlatformAccess = PlatformAccess,
> = {
  method: HttpMethod;
  path: string;
  params: P;
  input: I;
  output: O;
  access: A;
  /** A mutation leaves an entry in the platform's audit log (`platform_audit`). */
  mutates: boolean;
  /** The status of a success; 200 unless it creates something. */
  status?: 200 | 201;
  /** A catalog batch (up to 5,000 products): its body may be as large as the operator's catalog call. */
  batch?: true;
};

export function route<P extends z.ZodType, I extends z.ZodType, O extends z.ZodType, A extends PlatformAccess>(
  spec: RouteSpec<P, I, O, A>,
): RouteSpec<P, I, O, A> {
  return spec;
}
