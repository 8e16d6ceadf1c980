import Fastify, { type FastifyInstance } from 'fastify';
import { requireAdmin } from './admin-auth';
import { bodyLimits } from './body-limits';
import type { PlatformContext } from './context';
import { installErrorHandlers } from './http-errors';
import { installJsonParser } from './json-body';
import { adminCatalogRoutes } from './routes/admin-catalog';
import { adminStoreRoutes } from './routes/admin-stores';
import { adminFeedbackRoutes } from './routes/feedback-admin';
import { feedbackPageRoutes } from './routes/feedback-page';
import { onlineOrderRoutes } from './routes/online-orders';
import { redemptionRoutes } from './routes/redemptions';
import { adminSettlementRoutes, deviceStatementRoutes } from './routes/settlement';
import { syncRoutes } from './routes/sync';
import { adminVoucherRoutes } from './routes/vouchers-admin';
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
    logger: options.logger ?? false,
    routerOptions: { maxParamLength: 512 },
  });
  decorateSignedRequests(app);
  installJsonParser(app, (request) => finishSignature(context, request));
  installErrorHandlers(app);
  app.get('/v1/health', async () => ({ ok: true }));
  syncRoutes(app, context);
  redemptionRoutes(app, context);
  deviceStatementRoutes(app, context);
  feedbackPageRoutes(app, context);
  await app.register(async (admin) => {
    admin.addHook('onRoute', (route) => {
      route.bodyLimit ??= bodyLimits.admin;
    });
    admin.addHook('onRequest', async (request) => requireAdmin(request, context.adminToken));
    adminStoreRoutes(admin, context);
    adminCatalogRoutes(admin, context);
    onlineOrderRoutes(admin, context);
    adminVoucherRoutes(admin, context);
    adminSettlementRoutes(admin, context);
    adminFeedbackRoutes(admin, context);
  });
  return app;
}
