import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors';
import type { PlatformContext } from '../context';

const READY_WITHIN_MS = 2_000;

/**
 * For whoever runs the platform: `/v1/health` answers while the process serves (liveness);
 * `/v1/ready` only while it can do work — the database answers and it is not stopping — so a load
 * balancer sends nothing more to a process that is finishing its requests before it ends.
 */
export function operationRoutes(app: FastifyInstance, context: PlatformContext): void {
  app.get('/v1/health', async () => ({ ok: true }));
  app.get('/v1/ready', async () => {
    if (context.stopping()) throw new ApiError(503, 'not_ready', { detail: 'stopping' });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the database did not answer in time')), READY_WITHIN_MS);
    });
    try {
      await Promise.race([context.sql.query('SELECT 1'), late]);
    } catch (error) {
      throw new ApiError(503, 'not_ready', { detail: error instanceof Error ? error.message : 'database' });
    } finally {
      clearTimeout(timer);
    }
    return { ready: true };
  });
}
