import type { OnlineOrder, OnlineOrderStatus } from '../../../shared/contract/online-orders';

/** The board's columns, left to right, in the order work moves through them. */
export const openStatuses = ['placed', 'accepted', 'ready'] as const satisfies readonly OnlineOrderStatus[];
export type OpenStatus = (typeof openStatuses)[number];

export type Queue = { columns: Record<OpenStatus, OnlineOrder[]>; finished: OnlineOrder[] };

function isOpen(status: OnlineOrderStatus): status is OpenStatus {
  return (openStatuses as readonly string[]).includes(status);
}

/** Open orders oldest first (whoever waited longest comes first); finished ones newest first. */
export function groupQueue(orders: readonly OnlineOrder[]): Queue {
  const columns: Record<OpenStatus, OnlineOrder[]> = { placed: [], accepted: [], ready: [] };
  const finished: OnlineOrder[] = [];
  for (const order of orders) {
    if (isOpen(order.status)) columns[order.status].push(order);
    else finished.push(order);
  }
  for (const status of openStatuses) columns[status].sort((a, b) => a.placedAt - b.placedAt);
  finished.sort((a, b) => b.placedAt - a.placedAt);
  return { columns, finished };
}

/** What Enter does to the chosen order: accept a new one, mark an accepted one ready. */
export function nextStep(order: Pick<OnlineOrder, 'status'> | undefined): 'accept' | 'ready' | null {
  if (order?.status === 'placed') return 'accept';
  if (order?.status === 'accepted') return 'ready';
  return null;
}

export type Move = 'up' | 'down' | 'left' | 'right';

/**
 * The arrow keys on the board: up and down within a column, left and right to the next column
 * that has orders, at the same height where it can. Nothing chosen yet picks the first order.
 */
export function moveSelection(
  columns: readonly (readonly string[])[],
  selected: string | null,
  move: Move,
): string | null {
  const filled = columns.map((ids, index) => ({ ids, index })).filter((column) => column.ids.length > 0);
  if (filled.length === 0) return null;
  const at = filled.findIndex((column) => selected !== null && column.ids.includes(selected));
  if (at < 0) return filled[0].ids[0];
  const { ids } = filled[at];
  const row = ids.indexOf(selected as string);
  switch (move) {
    case 'up':
      return ids[Math.max(0, row - 1)];
    case 'down':
      return ids[Math.min(ids.length - 1, row + 1)];
    case 'left':
    case 'right': {
      const target = filled[at + (move === 'left' ? -1 : 1)];
      return target ? target.ids[Math.min(row, target.ids.length - 1)] : (selected as string);
    }
    default: {
      const unreachable: never = move;
      throw new Error(`unknown move ${String(unreachable)}`);
    }
  }
}

/**
 * The order chosen now: the one picked if it is still on the board, else the oldest new order
 * (the one most at risk of the platform cancelling it), else the first open one.
 */
export function chosenOrder(queue: Queue, selected: string | null): OnlineOrder | undefined {
  const open = openStatuses.flatMap((status) => queue.columns[status]);
  return open.find((order) => order.id === selected) ?? open[0];
}

/** After accepting, the next new order is the likely next job; without one, stay where we are. */
export function afterAccept(queue: Queue, accepted: string): string {
  return queue.columns.placed.find((order) => order.id !== accepted)?.id ?? accepted;
}
