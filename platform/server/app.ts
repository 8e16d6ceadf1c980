import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { requireAdmin } from './admin-auth';
import { platformApiRoutes } from './api';
import { bodyLimits } from './body-limits';
import type { PlatformContext } from './context';
import { installErrorHandlers } from './http-errors';
import { installJsonParser } from './json-body';
import { feedbackPageRoutes } from './routes/feedback-page';
import { adminSegmentRoutes, deviceMemberReportRoutes } from './routes/member-segments';
import { adminMemberRoutes, memberRoutes } from './routes/members';
import { operationRoutes } from './routes/operations';
import { adminPointsRoutes, pointsRoutes } from './routes/points';
import { redemptionRoutes } from './routes/redemptions';
import { deviceStatementRoutes } from './routes/settlement';
import { syncRoutes } from './routes/sync';
import { decorateSignedRequests, finishSignature } from './signed-requests';

/**
 * Who sends a request is settled from its headers before its body is read (docs/platform-http.md):
 * the admin token in the admin scope's onRequest, a device's headers in each signed route's. Every
 * route's body is capped by who may send it; one that names no cap gets the public one.
 */
export async function buildApp(context: PlatformContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  // A rating page's reference (docs/platform-http.md) is a path parameter of 234 digits.
  const app = Fastify({
    bodyLimit: bodyLimits.public,
    // Fastify's logger is pino: one JSON line per request with its id, method, URL, status and time;
    // its serializers leave out headers and bodies, so no token, signature or pairing code is logged.
    logger: options.logger ?? false,
    routerOptions: { maxParamLength: 512 },
    // A caller's (or load balancer's) request id is kept when it is a plain token, else one is made.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    context.metrics.requests.observe(
      { route, method: request.method, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  decorateSignedRequests(app);
  installJsonParser(app, (request) => finishSignature(context, request));
  installErrorHandlers(app);
  operationRoutes(app, context);
  syncRoutes(app, context);
  redemptionRoutes(app, context);
  memberRoutes(app, context);
  pointsRoutes(app, context);
  deviceStatementRoutes(app, context);
  deviceMemberReportRoutes(app, context);
  feedbackPageRoutes(app, context);
  platformApiRoutes(app, context);
  await app.register(async (admin) => {
    admin.addHook('onRoute', (route) => {
      route.bodyLimit ??= bodyLimits.admin;
    });
    admin.addHook('onRequest', async (request) => requireAdmin(request, context.adminToken));
    adminMemberRoutes(admin, context);
    adminSegmentRoutes(admin, context);
    adminPointsRoutes(admin, context);
    admin.get('/metrics', async (_request, reply) =>
      reply.type(context.metrics.registry.contentType).send(await context.metrics.registry.metrics()),
    );
  });
  return app;
}
