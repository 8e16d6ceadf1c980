import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import { api } from '../../api/api-client';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { printReceipt } from '../../print/print-receipt';

/** The paid order's receipt, printed on the roll or shown on screen, at the store's paper width. */
export function useReceipt(order: OrderDetail | null) {
  const { settings } = useStoreInfo();
  const errorText = useErrorText();
  const width = settings.receiptWidth;
  const [preview, setPreview] = useState<{ html: string | null; error: string | null } | null>(null);

  const fetchHtml = async () => {
    if (!order) throw new Error('no order to print');
    return (await api.call('orders.receipt', { id: order.id, width })).html;
  };

  const print = useMutation({ mutationFn: async () => printReceipt(await fetchHtml(), width) });

  const show = async () => {
    if (!order) return;
    setPreview({ html: null, error: null });
    try {
      setPreview({ html: await fetchHtml(), error: null });
    } catch (error) {
      setPreview({ html: null, error: errorText(error) });
    }
  };

  return {
    width,
    print: () => {
      if (order && !print.isPending) print.mutate();
    },
    printing: print.isPending,
    printError: print.error ? errorText(print.error) : null,
    resetPrint: print.reset,
    preview,
    show: () => void show(),
    closePreview: () => setPreview(null),
  };
}
