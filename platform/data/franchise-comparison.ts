import type { FranchiseComparison } from '../../shared/platform-api/franchise';
import { addSums, emptySums, type SalesSums } from '../../shared/reports/figures';
import { compareLoss, emptyLossSums } from '../../shared/reports/loss-signals';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';
import { type ChannelSums, channelSums, lossSums } from './franchise-compare';
import { checkSpan, franchiseFigures, organisationStores } from './franchise-sales';

type CompareInput = { from: string; to: string; compareFrom?: string; compareTo?: string };

const CHANNELS = ['in_store', 'online_delivery', 'online_pickup', 'group_buy'] as const;

function sumOf(rows: readonly ChannelSums[], storeId: string, channel?: string): SalesSums {
  return rows
    .filter((row) => row.storeId === storeId && (channel === undefined || row.channel === channel))
    .reduce((total, row) => addSums(total, row.sums), emptySums);
}

/** Both ends of the compared span, or neither. */
function comparedSpan(input: CompareInput) {
  if (input.compareFrom === undefined && input.compareTo === undefined) return null;
  if (input.compareFrom === undefined || input.compareTo === undefined) throw new ApiError(400, 'range_invalid');
  return checkSpan({ from: input.compareFrom, to: input.compareTo });
}

/**
 * The owner's comparison of their stores: sales by store and channel over the span and the span it
 * is compared with, and the loss-prevention signals of the span against the franchise median.
 */
export async function compareStores(
  db: Queryable,
  organisationId: string,
  input: CompareInput,
): Promise<FranchiseComparison> {
  const span = checkSpan({ from: input.from, to: input.to });
  const earlier = comparedSpan(input);
  const [stores, current, compared, loss] = await Promise.all([
    organisationStores(db, organisationId),
    channelSums(db, organisationId, span),
    earlier ? channelSums(db, organisationId, earlier) : Promise.resolve(null),
    lossSums(db, organisationId, span),
  ]);
  const figuresOf = (rows: ChannelSums[] | null, storeId: string, channel?: string) =>
    rows === null ? null : franchiseFigures(sumOf(rows, storeId, channel));
  const compareds = compareLoss(stores.map((store) => ({ store, sums: loss.get(store.storeId) ?? emptyLossSums })));
  return {
    from: span.from,
    to: span.to,
    compared: earlier,
    stores: compareds.map(({ store, signals }) => ({
      storeId: store.storeId,
      name: store.name,
      currency: store.currency,
      current: franchiseFigures(sumOf(current, store.storeId)),
      compared: figuresOf(compared, store.storeId),
      // Every channel either span sold in, in the channels' own order.
      channels: CHANNELS.filter((channel) =>
        [...current, ...(compared ?? [])].some((row) => row.storeId === store.storeId && row.channel === channel),
      ).map((channel) => ({
        channel,
        current: franchiseFigures(sumOf(current, store.storeId, channel)),
        compared: figuresOf(compared, store.storeId, channel),
      })),
      signals,
    })),
  };
}
