import { z } from 'zod';
import { BusinessDay } from '../business-day';
import { NpsFigures } from '../contract/feedback';
import { FeedbackAnswer } from '../sync/feedback-sync';
import { OnlineOrderWire } from '../sync/online-order-sync';
import { OnlineTerms, SettlementStatement, StatementQuery } from '../sync/settlement-wire';
import { ById } from './admin-stores';
import { route } from './define';
import { CommissionInput, OnlineOrderCancel, OnlineOrderInput, TermsInput } from './operator-input';

const NoParams = z.object({});
const NoInput = z.object({});
const StoreCommission = z.object({ storeId: z.string(), commissionBp: z.number().int() });
/** The placed order and its member: named, found by the customer's number, or made by it (`joined`). */
const PlacedOnlineOrder = OnlineOrderWire.extend({
  member: z.object({ id: z.uuid(), joined: z.boolean() }).nullable(),
});

/**
 * Online orders as a consumer app or delivery channel places them (for now with the admin token;
 * channel credentials come with the channel integrations), their settlement terms and statements,
 * and a store's customer feedback: the operator's side.
 */
export const operatorOrderRoutes = {
  'admin.onlineOrders.place': route({
    method: 'POST',
    path: '/v1/online-orders',
    params: NoParams,
    input: OnlineOrderInput,
    output: PlacedOnlineOrder,
    access: 'admin',
    mutates: true,
    status: 201,
  }),
  'admin.onlineOrders.cancel': route({
    method: 'POST',
    path: '/v1/online-orders/:id/cancel',
    params: ById,
    input: OnlineOrderCancel,
    output: OnlineOrderWire,
    access: 'admin',
    mutates: true,
  }),
  'admin.onlineOrders.terms': route({
    method: 'PUT',
    path: '/v1/admin/stores/:id/online-orders/:orderId/terms',
    params: z.object({ id: z.string(), orderId: z.string() }),
    input: TermsInput,
    output: z.object({ storeId: z.string(), onlineOrderId: z.string(), terms: OnlineTerms }),
    access: 'admin',
    mutates: true,
  }),
  'admin.stores.commission': route({
    method: 'GET',
    path: '/v1/admin/stores/:id/commission',
    params: ById,
    input: NoInput,
    output: StoreCommission,
    access: 'admin',
    mutates: false,
  }),
  'admin.stores.setCommission': route({
    method: 'PUT',
    path: '/v1/admin/stores/:id/commission',
    params: ById,
    input: CommissionInput,
    output: StoreCommission,
    access: 'admin',
    mutates: true,
  }),
  'admin.stores.statement': route({
    method: 'GET',
    path: '/v1/admin/stores/:id/statement',
    params: ById,
    input: StatementQuery,
    output: SettlementStatement,
    access: 'admin',
    mutates: false,
  }),
  'admin.stores.feedback': route({
    method: 'GET',
    path: '/v1/admin/stores/:id/feedback',
    params: ById,
    input: z.object({ from: BusinessDay, to: BusinessDay }),
    output: z.object({
      storeId: z.string(),
      from: z.string(),
      to: z.string(),
      figures: NpsFigures,
      reliableAnswers: z.number().int(),
      distribution: z.array(z.number().int()),
      detractorAnswers: z.array(FeedbackAnswer),
    }),
    access: 'admin',
    mutates: false,
  }),
};
