import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/client';
import type { OrderDetail } from '../../../shared/contract/orders';
import { api } from '../../api/api-client';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { printReceipt } from '../../print/print-receipt';

/**
 * The paid order's receipt, printed on the roll or shown on screen, at the store's paper width.
 * Only the first print is the original; any further one goes out as a marked, audited copy.
 */
export function useReceipt(order: OrderDetail | null) {
  const { t } = useTranslation();
  const { settings } = useStoreInfo();
  const errorText = useErrorText();
  const width = settings.receiptWidth;
  const printed = useRef<string | null>(null);
  const [preview, setPreview] = useState<{ html: string | null; error: string | null } | null>(null);

  const print = useMutation({
    mutationFn: async (paid: OrderDetail) => {
      const method = printed.current === paid.id ? 'orders.reprint' : 'orders.receipt';
      const { html } = await api.call(method, { id: paid.id, width });
      printed.current = paid.id;
      await printReceipt(html, width);
    },
  });

  const show = async () => {
    if (!order) return;
    setPreview({ html: null, error: null });
    try {
      const { html } = await api.call('orders.receipt', { id: order.id, width });
      setPreview({ html, error: null });
    } catch (error) {
      setPreview({ html: null, error: errorText(error) });
    }
  };

  const printError = print.error
    ? print.error instanceof ApiError
      ? print.error.message
      : t('sale.paid.printFailed', { reason: print.error.message })
    : null;

  return {
    width,
    print: () => {
      if (order && !print.isPending) print.mutate(order);
    },
    printing: print.isPending,
    printError,
    resetPrint: print.reset,
    preview,
    show: () => void show(),
    closePreview: () => setPreview(null),
  };
}
