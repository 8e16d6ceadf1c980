import { useSyncExternalStore } from 'react';
import { type CartState, emptyCartState, readSavedCart } from './cart-model';

/**
 * The sale in progress lives outside the screen, saved on every change: switching screens, a reload
 * or a crash of the page never loses what was scanned.
 */
const storageKey = 'counter.checkout.cart';

let current: CartState | null = null;
const listeners = new Set<() => void>();

function get(): CartState {
  if (current === null) current = readSavedCart(safeRead());
  return current;
}

function set(next: CartState): void {
  current = next;
  try {
    if (next.id === null && next.cart.lines.length === 0) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, JSON.stringify(next));
  } catch {
    // A full or blocked storage must not stop the sale; it is only lost on a reload then.
  }
  for (const listener of listeners) listener();
}

function safeRead(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export const cartStore = {
  get,
  set,
  update(change: (state: CartState) => CartState): void {
    set(change(get()));
  },
  reset(): void {
    set(emptyCartState);
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useCartState(): CartState {
  return useSyncExternalStore(cartStore.subscribe, cartStore.get);
}
