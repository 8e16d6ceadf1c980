import { feedbackReport } from '../../data/feedback-report';
import { cancelOnlineOrder, placeOnlineOrder } from '../../data/online-orders';
import { correctTerms, setStoreCommission, storeCommission } from '../../data/settlement-terms';
import { settlementStatement } from '../../data/statement';
import { type AuditEntry, recordAudit } from '../../owners/platform-audit';
import type { PlatformContext } from '../context';
import type { RouteHandlers } from './mount';

type OperatorOrderRoute =
  | 'admin.onlineOrders.place'
  | 'admin.onlineOrders.cancel'
  | 'admin.onlineOrders.terms'
  | 'admin.stores.commission'
  | 'admin.stores.setCommission'
  | 'admin.stores.statement'
  | 'admin.stores.feedback';

/** As before issue 16; the audit entry follows each change (its data functions predate the log). */
export function operatorOrderHandlers(context: PlatformContext): RouteHandlers<OperatorOrderRoute> {
  const { sql, notifier } = context;
  const audit = (entry: Omit<AuditEntry, 'actor' | 'at'>) =>
    recordAudit(sql, { ...entry, actor: { kind: 'operator' }, at: context.now() });

  return {
    'admin.onlineOrders.place': async ({ input }) => {
      const order = await placeOnlineOrder(sql, input, context.now());
      notifier.storeChanged(input.storeId);
      await audit({
        action: 'online_order.placed',
        storeId: input.storeId,
        detail: {
          onlineOrderId: order.id,
          memberId: order.member?.id ?? null,
          memberJoined: order.member?.joined ?? false,
        },
      });
      return order;
    },
    'admin.onlineOrders.cancel': async ({ params, input }) => {
      const order = await cancelOnlineOrder(sql, { ...input, id: params.id });
      notifier.storeChanged(input.storeId);
      await audit({ action: 'online_order.cancelled', storeId: input.storeId, detail: { onlineOrderId: order.id } });
      return order;
    },
    'admin.onlineOrders.terms': async ({ params, input }) => {
      const corrected = await correctTerms(sql, params.id, params.orderId, input);
      notifier.storeChanged(corrected.storeId);
      await audit({ action: 'online_order.terms_corrected', storeId: corrected.storeId, detail: corrected });
      return corrected;
    },
    'admin.stores.commission': async ({ params }) => storeCommission(sql, params.id),
    'admin.stores.setCommission': async ({ params, input }) => {
      const set = await setStoreCommission(sql, params.id, input.commissionBp);
      await audit({ action: 'store.commission_set', storeId: set.storeId, detail: set });
      return set;
    },
    'admin.stores.statement': async ({ params, input }) => settlementStatement(sql, params.id, input.day),
    'admin.stores.feedback': async ({ params, input }) => feedbackReport(sql, params.id, input),
  };
}
