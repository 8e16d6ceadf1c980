import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { api } from '../../api/api-client';
import { useErrorText } from '../../app/use-error-text';
import type { ScanState } from './scan-state';

/**
 * Looks a scanned code up. Scanners fire codes faster than answers may come back, so only the
 * answer to the latest scan is shown.
 */
export function useBarcodeLookup(show: (scan: ScanState) => void) {
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const latest = useRef(0);
  return useCallback(
    async (code: string) => {
      const ticket = ++latest.current;
      try {
        const { product } = await queryClient.fetchQuery({
          queryKey: ['catalog.findByBarcode', { barcode: code }],
          queryFn: () => api.call('catalog.findByBarcode', { barcode: code }),
          staleTime: 5_000,
        });
        if (ticket === latest.current) show(product ? { kind: 'found', product, code } : { kind: 'missing', code });
      } catch (error) {
        if (ticket === latest.current) show({ kind: 'failed', message: errorText(error) });
      }
    },
    [queryClient, errorText, show],
  );
}
