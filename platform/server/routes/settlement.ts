import type { FastifyInstance } from 'fastify';
import { StatementQuery } from '../../../shared/sync/settlement-wire';
import { settlementStatement } from '../../data/statement';
import { parseInput } from '../../errors';
import type { PlatformContext } from '../context';
import { deviceSigned, signedDevice } from '../signed-requests';

/** A till asks for its own store's statement, signed like the sync calls. */
export function deviceStatementRoutes(app: FastifyInstance, context: PlatformContext): void {
  app.get('/v1/sync/statement', deviceSigned(context), async (request) => {
    const device = signedDevice(request);
    const { day } = parseInput(StatementQuery, request.query);
    return settlementStatement(context.sql, device.storeId, day);
  });
}
