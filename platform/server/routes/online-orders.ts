import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { cancelOnlineOrder, OnlineOrderInput, placeOnlineOrder } from '../../data/online-orders';
import { parseInput } from '../../errors';
import type { PlatformContext } from '../context';

const CancelInput = z.object({
  storeId: z.string().max(64),
  reason: z.string().trim().max(500).nullable().default(null),
});

/**
 * What a consumer app or delivery channel calls. For now it authenticates with the admin token;
 * channel credentials come with the channel integrations.
 */
export function onlineOrderRoutes(app: FastifyInstance, context: PlatformContext): void {
  app.post('/v1/online-orders', async (request, reply) => {
    const input = parseInput(OnlineOrderInput, request.body);
    const order = await placeOnlineOrder(context.sql, input, context.now());
    context.notifier.storeChanged(input.storeId);
    reply.code(201);
    return order;
  });

  app.post<{ Params: { id: string } }>('/v1/online-orders/:id/cancel', async (request) => {
    const input = parseInput(CancelInput, request.body ?? {});
    const order = await cancelOnlineOrder(context.sql, { ...input, id: request.params.id });
    context.notifier.storeChanged(input.storeId);
    return order;
  });
}
