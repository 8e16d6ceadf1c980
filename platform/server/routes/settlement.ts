import type { FastifyInstance } from 'fastify';
import { StatementQuery } from '../../../shared/sync/settlement-wire';
import {
  CommissionInput,
  correctTerms,
  setStoreCommission,
  storeCommission,
  TermsInput,
} from '../../data/settlement-terms';
import { settlementStatement } from '../../data/statement';
import { parseInput } from '../../errors';
import type { PlatformContext } from '../context';
import { deviceSigned, signedDevice } from '../signed-requests';

type ById = { Params: { id: string } };

/** The operator's side of settlement: a store's default commission, an order's terms, a store's statement. */
export function adminSettlementRoutes(app: FastifyInstance, context: PlatformContext): void {
  const { sql } = context;

  app.get<ById>('/v1/admin/stores/:id/commission', async (request) => storeCommission(sql, request.params.id));

  app.put<ById>('/v1/admin/stores/:id/commission', async (request) => {
    const input = parseInput(CommissionInput, request.body);
    return setStoreCommission(sql, request.params.id, input.commissionBp);
  });

  app.put<{ Params: { id: string; orderId: string } }>(
    '/v1/admin/stores/:id/online-orders/:orderId/terms',
    async (request) => {
      const input = parseInput(TermsInput, request.body);
      const corrected = await correctTerms(sql, request.params.id, request.params.orderId, input);
      context.notifier.storeChanged(corrected.storeId);
      return corrected;
    },
  );

  app.get<ById>('/v1/admin/stores/:id/statement', async (request) => {
    const { day } = parseInput(StatementQuery, request.query);
    return settlementStatement(sql, request.params.id, day);
  });
}

/** A till asks for its own store's statement, signed like the sync calls. */
export function deviceStatementRoutes(app: FastifyInstance, context: PlatformContext): void {
  app.get('/v1/sync/statement', deviceSigned(context), async (request) => {
    const device = signedDevice(request);
    const { day } = parseInput(StatementQuery, request.query);
    return settlementStatement(context.sql, device.storeId, day);
  });
}
