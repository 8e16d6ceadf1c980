import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { parseScaleLabel, type ScaleLabelValue } from '../../../shared/barcodes';
import type { Product } from '../../../shared/contract/catalog';
import type { Quantity } from '../../../shared/pricing/cart';
import { api } from '../../api/api-client';
import { useErrorText } from '../../app/use-error-text';
import { scaleQuantity } from './cart-model';

/** What a code turned out to be: a product (with the quantity a scale label carries), or nothing. */
export type CodeAnswer =
  | { kind: 'found'; product: Product; code: string; quantity: Quantity | null }
  | { kind: 'missing'; code: string }
  | { kind: 'failed'; code: string; message: string };

const maxCodeLength = 64;

/**
 * Looks scanned codes up. A scale label (2x EAN-13) is read for its PLU and weight or price first;
 * when no product has that PLU the code is tried as an ordinary barcode. Answers are handed on in
 * the order the codes were scanned, so ten quick scans make ten lines in scan order.
 */
export function useBarcodeLookup(scaleLabel: ScaleLabelValue, onAnswer: (answer: CodeAnswer) => void) {
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef(onAnswer);
  latest.current = onAnswer;

  /** The product a code names: its barcode, else its SKU or PLU (typed off a shelf label, or read from a scale label). */
  const find = useCallback(
    (code: string) =>
      queryClient.fetchQuery({
        // Its own key: the answer is the product itself, not the method's { product } shape.
        queryKey: ['catalog.findByBarcode', { barcode: code }, 'checkout'],
        queryFn: async () => (await api.call('catalog.findByBarcode', { barcode: code })).product,
        staleTime: 5_000,
      }),
    [queryClient],
  );

  const answer = useCallback(
    async (code: string): Promise<CodeAnswer> => {
      if (code.length > maxCodeLength) return { kind: 'missing', code };
      try {
        const label = parseScaleLabel(code, scaleLabel);
        if (label) {
          const product = await find(label.plu);
          if (product && (product.unit === 'kg' || label.kind === 'price')) {
            return { kind: 'found', product, code, quantity: scaleQuantity(label) };
          }
        }
        const product = await find(code);
        return product ? { kind: 'found', product, code, quantity: null } : { kind: 'missing', code };
      } catch (error) {
        return { kind: 'failed', code, message: errorText(error) };
      }
    },
    [find, scaleLabel, errorText],
  );

  return useCallback(
    (code: string) => {
      const pending = answer(code);
      queue.current = queue.current.then(async () => latest.current(await pending));
    },
    [answer],
  );
}
