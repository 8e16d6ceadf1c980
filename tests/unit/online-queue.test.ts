import { describe, expect, it } from 'vitest';
import {
  afterAccept,
  chosenOrder,
  groupQueue,
  moveSelection,
  nextStep,
} from '../../renderer/screens/online/online-queue';
import type { OnlineOrder } from '../../shared/contract/online-orders';

function order(id: string, status: OnlineOrder['status'], placedAt: number): OnlineOrder {
  return { id, status, placedAt } as OnlineOrder;
}

const orders = [
  order('n2', 'placed', 20),
  order('n1', 'placed', 10),
  order('a1', 'accepted', 5),
  order('done', 'handed_over', 1),
  order('r1', 'ready', 3),
  order('gone', 'rejected', 8),
];

describe('the online-order board', () => {
  it('puts open orders in their columns oldest first, and finished ones newest first', () => {
    const queue = groupQueue(orders);
    expect(queue.columns.placed.map((o) => o.id)).toEqual(['n1', 'n2']);
    expect(queue.columns.accepted.map((o) => o.id)).toEqual(['a1']);
    expect(queue.columns.ready.map((o) => o.id)).toEqual(['r1']);
    expect(queue.finished.map((o) => o.id)).toEqual(['gone', 'done']);
  });

  it('chooses the oldest new order until someone picks another, and forgets one that left the board', () => {
    const queue = groupQueue(orders);
    expect(chosenOrder(queue, null)?.id).toBe('n1');
    expect(chosenOrder(queue, 'a1')?.id).toBe('a1');
    expect(chosenOrder(queue, 'done')?.id).toBe('n1');
    expect(chosenOrder(groupQueue([]), null)).toBeUndefined();
  });

  it('lets Enter accept a new order and mark an accepted one ready, and nothing else', () => {
    expect(nextStep({ status: 'placed' })).toBe('accept');
    expect(nextStep({ status: 'accepted' })).toBe('ready');
    expect(nextStep({ status: 'ready' })).toBeNull();
    expect(nextStep(undefined)).toBeNull();
  });

  it('moves with the arrow keys within a column and across to the next column with orders', () => {
    const columns = [['n1', 'n2'], [], ['r1']];
    expect(moveSelection(columns, null, 'down')).toBe('n1');
    expect(moveSelection(columns, 'n1', 'down')).toBe('n2');
    expect(moveSelection(columns, 'n2', 'down')).toBe('n2');
    expect(moveSelection(columns, 'n2', 'up')).toBe('n1');
    expect(moveSelection(columns, 'n2', 'right')).toBe('r1');
    expect(moveSelection(columns, 'r1', 'right')).toBe('r1');
    expect(moveSelection(columns, 'r1', 'left')).toBe('n1');
    expect(moveSelection([[], []], null, 'up')).toBeNull();
  });

  it('goes on to the next new order after an accept, so a queue of new orders takes one key each', () => {
    const queue = groupQueue(orders);
    expect(afterAccept(queue, 'n1')).toBe('n2');
    expect(afterAccept(groupQueue([order('a', 'accepted', 1)]), 'a')).toBe('a');
  });
});
