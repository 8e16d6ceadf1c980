import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OrderId } from '../../../shared/ids';
import { api } from '../../api/api-client';
import { invalidateMethods } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { type CartState, lineProduct, resumedCart, setUnitPrices } from './cart-model';
import { cartStore } from './cart-store';

type ProductId = CartState['cart']['lines'][number]['productId'];

/**
 * Reads the products of a cart the screen has no names for (a resumed sale) or whose prices moved.
 * One product gone from the catalog must not hide the others; the core names it at payment.
 */
async function readProducts(productIds: ProductId[]) {
  const answers = await Promise.allSettled(
    [...new Set(productIds)].map((id) => api.call('catalog.getProduct', { id })),
  );
  return answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
}

/**
 * Parking and resuming go through the core, so a parked sale outlives a restart and a shift change.
 * The sale on screen is cleared only once the core holds it.
 */
export function useParking(onNote: (text: string) => void, texts: { parked(label: string): string; resumed: string }) {
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (failure) {
      setError(errorText(failure));
      return false;
    } finally {
      setBusy(false);
      void invalidateMethods(queryClient, ['carts.']);
    }
  };

  const parkCurrent = async (label: string) => {
    const { id, cart } = cartStore.get();
    if (!id || cart.lines.length === 0) return;
    await api.call('carts.park', { id, label, cart });
    cartStore.reset();
  };

  const park = (label: string) =>
    run(async () => {
      await parkCurrent(label);
      onNote(texts.parked(label));
    });

  /** A sale already on screen is parked first, so swapping customers never loses one. */
  const resume = (id: OrderId) =>
    run(async () => {
      await parkCurrent('');
      const resumed = await api.call('carts.resume', { id });
      cartStore.set(resumedCart(resumed.id, resumed.cart));
      onNote(texts.resumed);
      const products = await readProducts(resumed.cart.lines.map((line) => line.productId));
      cartStore.update((state) =>
        state.id === resumed.id
          ? {
              ...state,
              products: { ...state.products, ...Object.fromEntries(products.map((p) => [p.id, lineProduct(p)])) },
              categories: { ...state.categories, ...Object.fromEntries(products.map((p) => [p.id, p.categoryId])) },
            }
          : state,
      );
    });

  /** After the core said a price changed: take today's prices, which the cashier then sees before paying. */
  const refreshPrices = () =>
    run(async () => {
      const { cart } = cartStore.get();
      const products = await readProducts(cart.lines.map((line) => line.productId));
      cartStore.update((state) => setUnitPrices(state, new Map(products.map((p) => [p.id as string, p.price]))));
    });

  return { busy, error, clearError: () => setError(null), park, resume, refreshPrices };
}
