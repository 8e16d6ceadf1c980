import { z } from 'zod';
import { ceilings } from '../limits';
import { TRANSFER_LINES_MAX, TransferItem, TransferStatus } from '../sync/transfer-sync';
import { route } from './define';

const NoParams = z.object({});
const NoInput = z.object({});
const Count = z.number().int();

/** Where what arrived differs from what was sent: negative, a shortfall; positive, a surplus. */
export const TransferDiscrepancy = z.object({ sku: z.string(), sent: Count, received: Count, difference: Count });

export const FranchiseTransfer = TransferItem.extend({ discrepancies: z.array(TransferDiscrepancy) });
export type FranchiseTransfer = z.infer<typeof FranchiseTransfer>;

/** The other stores of a till's brand: where its goods may go. */
export const TransferStores = z.object({ stores: z.array(z.object({ id: z.string(), name: z.string() })) });

/** Stock transfers between a brand's stores: listed and requested by the owner; destinations for a till. */
export const transferRoutes = {
  'franchise.transfers': route({
    method: 'GET',
    path: '/v1/franchise/transfers',
    params: NoParams,
    input: z.object({
      status: TransferStatus.optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ transfers: z.array(FranchiseTransfer) }),
    access: 'owner',
    mutates: false,
  }),
  /** Head office asks one store to send goods to another; the sending store sees it and sends it. */
  'franchise.transfers.request': route({
    method: 'POST',
    path: '/v1/franchise/transfers',
    params: NoParams,
    input: z.object({
      id: z.uuid(),
      fromStoreId: z.uuid(),
      toStoreId: z.uuid(),
      lines: z
        .array(
          z.object({
            sku: z.string().trim().min(1).max(64),
            quantity: Count.min(1).max(ceilings.stockMove * 1_000),
          }),
        )
        .min(1)
        .max(TRANSFER_LINES_MAX),
      note: z.string().trim().max(200).nullable().default(null),
    }),
    output: FranchiseTransfer,
    access: 'owner',
    mutates: true,
  }),
  'device.transferStores': route({
    method: 'GET',
    path: '/v1/device/transfer-stores',
    params: NoParams,
    input: NoInput,
    output: TransferStores,
    access: 'device',
    mutates: false,
  }),
};
