import { PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { printReceipt } from '../../print/print-receipt';

/** Prints the refund's slip for the customer: the goods, each discount given back, what was paid back. */
export function RefundSlipButton({ orderId, refundId }: { orderId: string; refundId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const width = useStoreInfo().settings.receiptWidth;
  const print = useMutation({
    mutationFn: async () => {
      const { html } = await api.call('orders.receipt', { id: orderId, refundId, width });
      await printReceipt(html, width);
    },
  });
  return (
    <>
      <Button
        size="large"
        icon={<PrinterOutlined />}
        loading={print.isPending}
        onClick={() => print.mutate()}
        data-testid="refund-slip-print"
      >
        {t('discounts.printSlip')}
      </Button>
      {print.error ? (
        <Typography.Text type="danger" data-testid="refund-slip-error">
          {errorText(print.error)}
        </Typography.Text>
      ) : null}
    </>
  );
}
