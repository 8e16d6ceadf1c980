import type { CoreEnvironment } from '../handler-context';
import { refuseBadSpan } from '../reports/report-spans';
import { asOwner, auditOwner, type Checked } from './owner-calls';

type Answers = {
  [M in 'franchise.stock' | 'franchise.stockMovements' | 'franchise.setLowStock']: (
    env: CoreEnvironment,
    call: Checked<M>,
  ) => Promise<unknown>;
};

/** Stock across the brand's stores: the platform answers from the stores' ledgers, for the owner's brand only. */
export const franchiseStockAnswers: Answers = {
  'franchise.stock': (env, call) => {
    const { storeId, query, ...rest } = call.input;
    return asOwner(env, call, (client) =>
      client.call('franchise.stock', { ...rest, store: storeId, q: query === '' ? undefined : query }),
    );
  },
  'franchise.stockMovements': (env, call) => {
    const { storeId, firstDay, lastDay, ...rest } = call.input;
    if (firstDay && lastDay) refuseBadSpan({ from: firstDay, to: lastDay });
    return asOwner(env, call, (client) =>
      client.call('franchise.stock.movements', { ...rest, store: storeId, from: firstDay, to: lastDay }),
    );
  },
  'franchise.setLowStock': (env, call) =>
    asOwner(env, call, async (client, kept) => {
      const answer = await client.call('franchise.lowStock.put', { items: [call.input] });
      auditOwner(env, call, 'franchise.setLowStock', kept, { sku: call.input.sku, lowAt: call.input.lowAt });
      return answer;
    }),
};
