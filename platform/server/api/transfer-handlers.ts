import { brandStoresOf, brandTransfers, requestTransfer } from '../../data/transfers';
import type { PlatformContext } from '../context';
import type { RouteHandlers } from './mount';

type TransferRoute = 'franchise.transfers' | 'franchise.transfers.request' | 'device.transferStores';

/**
 * Transfers between a brand's stores. The owner sees and requests only their organisation's (a store
 * of another brand is answered as one that does not exist); a till learns its brand's other stores.
 */
export function transferHandlers(context: PlatformContext): RouteHandlers<TransferRoute> {
  const { sql } = context;
  return {
    'franchise.transfers': async ({ owner, input }) => brandTransfers(sql, owner.organisationId, input),
    'franchise.transfers.request': async ({ owner, input }) => {
      const transfer = await requestTransfer(sql, owner, input, context.now());
      context.notifier.storeChanged(transfer.fromStoreId);
      context.notifier.storeChanged(transfer.toStoreId);
      return transfer;
    },
    'device.transferStores': async ({ device }) => ({ stores: await brandStoresOf(sql, device.storeId) }),
  };
}
