import Fastify, { type FastifyInstance } from 'fastify';
import { ApiError } from '../errors';
import { requireAdmin } from './admin-auth';
import type { PlatformContext } from './context';
import { installErrorHandlers } from './http-errors';
import { adminCatalogRoutes } from './routes/admin-catalog';
import { adminStoreRoutes } from './routes/admin-stores';
import { onlineOrderRoutes } from './routes/online-orders';
import { redemptionRoutes } from './routes/redemptions';
import { syncRoutes } from './routes/sync';
import { adminVoucherRoutes } from './routes/vouchers-admin';

// A push of 500 orders or a catalog import of 5,000 products is several megabytes of JSON.
const BODY_LIMIT = 32 * 1024 * 1024;

/** Keeps the exact bytes for signature checks, then parses them as JSON. */
function installJsonParser(app: FastifyInstance): void {
  app.decorateRequest('rawBody', null);
  // JSON only: anything else is refused with 415 rather than half-understood.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    request.rawBody = bytes;
    if (bytes.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(bytes.toString('utf8')));
    } catch {
      done(new ApiError(400, 'body_invalid'), undefined);
    }
  });
}

export async function buildApp(context: PlatformContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: BODY_LIMIT, logger: options.logger ?? false });
  installJsonParser(app);
  installErrorHandlers(app);
  app.get('/v1/health', async () => ({ ok: true }));
  syncRoutes(app, context);
  redemptionRoutes(app, context);
  await app.register(async (admin) => {
    admin.addHook('onRequest', async (request) => requireAdmin(request, context.adminToken));
    adminStoreRoutes(admin, context);
    adminCatalogRoutes(admin, context);
    onlineOrderRoutes(admin, context);
    adminVoucherRoutes(admin, context);
  });
  return app;
}
