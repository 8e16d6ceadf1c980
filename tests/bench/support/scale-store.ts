import type { seededRandom } from '../../../shared/seeded-random';
import type { OrderPaidPayload } from '../../../shared/sync/sale-sync';
import { PullStream } from '../../../shared/sync/wire';
import { type Mutation, Till } from '../../platform/support/clients';
import { orderPaid } from '../../platform/support/payloads';

type Random = ReturnType<typeof seededRandom>;

/** What every simulated store measured, shared by the phase that runs them. */
export type ScaleTally = {
  pushMs: number[];
  batchSizes: number[];
  ordersAcked: number;
  /** Online order placed → its store's pull shows it, by the tag in the order's note. */
  placedAt: Map<string, number>;
  wakeMs: number[];
  failures: string[];
};

export function emptyTally(): ScaleTally {
  return { pushMs: [], batchSizes: [], ordersAcked: 0, placedAt: new Map(), wakeMs: [], failures: [] };
}

const streams = PullStream.options;
/** A store's sales wait at most this long for a batch to fill before they are pushed anyway. */
const FLUSH_AFTER_MS = 2_000;

/**
 * One simulated store: a real paired device (its own Ed25519 key, signed requests) that queues its
 * sales and pushes them in batches of 1–20 as a till does when sales come faster than one push, one
 * push at a time in seq order, and keeps a long poll open on every stream, pulling what moved.
 */
export type ScaleStore = {
  readonly storeId: string;
  sell(payload: OrderPaidPayload): void;
  /** Pushes whatever has waited too long; called by the phase's clock. */
  flushOld(now: number): void;
  /** Pulls every stream to its end, as a till does after a start. */
  catchUp(): Promise<void>;
  /** Holds a long poll and pulls what moved, until stopped. */
  listen(tally: ScaleTally, signal: AbortSignal): Promise<void>;
  /** Every sale queued so far, pushed and acknowledged. */
  drain(): Promise<void>;
  bind(tally: ScaleTally): void;
};

export async function pairScaleStore(url: string, storeId: string, code: string, random: Random): Promise<ScaleStore> {
  const till = await Till.pair(url, code, `Scale ${storeId.slice(-6)}`);
  const pending: Mutation[] = [];
  const cursors = new Map<string, string>(streams.map((stream) => [stream, '0']));
  let target = 1 + random.int(20);
  let inFlight: Promise<void> | null = null;
  let tally = emptyTally();

  async function pushBatch(): Promise<void> {
    const batch = pending.splice(0, target);
    target = 1 + random.int(20);
    const started = performance.now();
    try {
      const answer = await till.push(batch);
      tally.pushMs.push(performance.now() - started);
      tally.batchSizes.push(batch.length);
      const applied = answer.results.filter((result) => result.status === 'APPLIED').length;
      tally.ordersAcked += applied;
      if (applied !== batch.length || answer.ackSeq !== batch[batch.length - 1].seq)
        tally.failures.push(`store ${storeId}: ${applied} of ${batch.length} applied, ack ${answer.ackSeq}`);
    } catch (error) {
      pending.unshift(...batch);
      tally.failures.push(`store ${storeId}: ${(error as Error).message.slice(0, 200)}`);
    }
  }

  function pushSoon(force: boolean): void {
    if (inFlight || pending.length === 0 || (!force && pending.length < target)) return;
    inFlight = pushBatch().finally(() => {
      inFlight = null;
      pushSoon(false);
    });
  }

  async function pullMoved(moved: string[], signal: AbortSignal): Promise<void> {
    for (const stream of moved) {
      const { changes, cursor } = await till.pullAll(stream, cursors.get(stream));
      cursors.set(stream, cursor);
      if (stream !== 'online_orders' || signal.aborted) continue;
      const now = performance.now();
      for (const change of changes) {
        const tag = (change.data as { note?: string }).note ?? '';
        const placed = tally.placedAt.get(tag);
        if (placed === undefined) continue;
        tally.placedAt.delete(tag);
        tally.wakeMs.push(now - placed);
      }
    }
  }

  return {
    storeId,
    bind(next) {
      tally = next;
    },
    sell(payload) {
      pending.push(till.next('order.paid', payload, payload.order.id));
      pushSoon(false);
    },
    flushOld(now) {
      if (pending.length > 0 && now - pending[0].createdAt >= FLUSH_AFTER_MS) pushSoon(true);
    },
    catchUp: () => pullMoved([...streams], new AbortController().signal),
    async listen(listening, signal) {
      tally = listening;
      while (!signal.aborted) {
        const query = [...cursors].map(([stream, cursor]) => `${stream}=${cursor}`).join('&');
        try {
          const answer = await till.signed('GET', `/v1/sync/wait?${query}&timeout=25`, undefined, { signal });
          if (answer.status !== 200) throw new Error(`wait answered ${answer.status}`);
          await pullMoved((answer.body as { streams: string[] }).streams, signal);
        } catch (error) {
          if (!signal.aborted) tally.failures.push(`store ${storeId} wait: ${(error as Error).message.slice(0, 200)}`);
        }
      }
    },
    async drain() {
      while (pending.length > 0 || inFlight) {
        pushSoon(true);
        await inFlight;
      }
    },
  };
}

/** A sale of one to three units of one of the catalog's products, as a store rings them up. */
export function scaleSale(random: Random, skus: readonly string[], day: string): OrderPaidPayload {
  const sale = orderPaid({ sku: random.pick(skus), quantity: 1 + random.int(3), unitPrice: 500 + random.int(3_000) });
  return { ...sale, order: { ...sale.order, businessDay: day } };
}
