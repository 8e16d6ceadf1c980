import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';
import {
  type PlatformApi,
  platformApi,
  type RouteName,
  type RouteOutput,
  routeNames,
} from '../../../shared/platform-api';
import type { PlatformAccess, RouteSpec } from '../../../shared/platform-api/define';
import { parseInput, zodDetail } from '../../errors';
import type { SessionOwner } from '../../owners/owner-sessions';
import { requireAdmin } from '../admin-auth';
import { bodyLimits } from '../body-limits';
import type { PlatformContext } from '../context';
import type { SignedDevice } from '../device-auth';
import { requireOwner } from '../owner-auth';
import { deviceSigned, signedDevice } from '../signed-requests';

type CallerOf<A extends PlatformAccess> = A extends 'owner'
  ? { owner: SessionOwner }
  : A extends 'device'
    ? { device: SignedDevice }
    : Record<never, never>;

/** What a handler is given: the path's parameters and the input, parsed, and who is calling. */
export type HandlerArgs<N extends RouteName> = {
  params: z.infer<PlatformApi[N]['params']>;
  input: z.infer<PlatformApi[N]['input']>;
} & CallerOf<PlatformApi[N]['access']>;

export type RouteHandlers<N extends RouteName> = { [K in N]: (args: HandlerArgs<K>) => Promise<RouteOutput<K>> };

/** Who may call, checked in `onRequest` from the headers alone; the body is capped by who it is. */
function accessOptions(spec: RouteSpec, context: PlatformContext): RouteShorthandOptions {
  switch (spec.access) {
    case 'public':
      return { bodyLimit: bodyLimits.public };
    case 'admin':
      return { bodyLimit: bodyLimits.admin, onRequest: async (request) => requireAdmin(request, context.adminToken) };
    case 'owner':
      return {
        // The owner is known before the body is read, like the operator.
        bodyLimit: spec.batch ? bodyLimits.admin : bodyLimits.public,
        onRequest: async (request) => {
          await requireOwner(request, context);
        },
      };
    case 'device':
      return deviceSigned(context);
  }
}

type AnyHandler = (args: Record<string, unknown>) => Promise<unknown>;

/**
 * Every route of the platform's contract (shared/platform-api), with its handler. Input is parsed
 * with the route's schema (400 `request_invalid`); the answer is checked against its output schema
 * and only what the schema names is sent, so a handler cannot leak a column it happened to read.
 */
export function mountPlatformApi(
  app: FastifyInstance,
  context: PlatformContext,
  handlers: RouteHandlers<RouteName>,
): void {
  app.decorateRequest('owner', null);
  for (const name of routeNames) {
    // Widened: one loop mounts routes of every shape; the handler table is what is typed per route.
    const spec: RouteSpec = platformApi[name];
    const handler = handlers[name] as AnyHandler;
    app.route({
      method: spec.method,
      url: spec.path,
      ...accessOptions(spec, context),
      handler: async (request, reply) => {
        const params = parseInput(spec.params, request.params);
        const input = parseInput(spec.input, spec.method === 'GET' ? request.query : (request.body ?? {}));
        const caller =
          spec.access === 'owner'
            ? { owner: request.owner }
            : spec.access === 'device'
              ? { device: signedDevice(request) }
              : {};
        const answer = spec.output.safeParse(await handler({ params, input, ...caller }));
        if (!answer.success) throw new Error(`${name} answered outside its contract: ${zodDetail(answer.error)}`);
        reply.code(spec.status ?? 200);
        return answer.data;
      },
    });
  }
}
