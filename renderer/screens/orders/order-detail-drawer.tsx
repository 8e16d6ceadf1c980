import { EyeOutlined, PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Space, Spin, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { useApiQuery } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { useKeyActions } from '../../hooks/use-key-actions';
import { usePermission } from '../../hooks/use-permission';
import { printReceipt } from '../../print/print-receipt';
import { OrderDetailBody } from './order-detail-body';
import { StatusTag } from './order-labels';
import { ReceiptPreview } from './receipt-preview';
import { RefundDialog } from './refund-dialog';
import './orders.css';

export const orderKeys = { refund: 'Alt+R', reprint: 'Alt+P', receipt: 'Alt+V' } as const;

type OrderDetailDrawerProps = { orderId: string | null; onClose(): void };

export function OrderDetailDrawer({ orderId, onClose }: OrderDetailDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const width = useStoreInfo().settings.receiptWidth;
  const refundAccess = usePermission('refund');
  const [refunding, setRefunding] = useState(false);
  const [receipt, setReceipt] = useState<string | null>(null);
  const order = useApiQuery('orders.get', { id: orderId ?? '' }, { enabled: orderId !== null });
  const detail = orderId !== null && order.data?.id === orderId ? order.data : null;
  const canRefund = detail !== null && detail.status !== 'refunded' && refundAccess !== 'deny';

  // A reprint is a copy: the core marks it so on paper and audits it before it reaches the printer.
  const reprint = useMutation({
    mutationFn: async (id: string) => {
      const { html } = await api.call('orders.reprint', { id, width });
      await printReceipt(html, width);
    },
    onSuccess: () => message.success(t('orders.reprinted')),
    onError: (error) => message.error(errorText(error)),
  });
  const view = useMutation({
    mutationFn: (id: string) => api.call('orders.receipt', { id, width }),
    onSuccess: ({ html }) => setReceipt(html),
    onError: (error) => message.error(errorText(error)),
  });

  const actions = {
    refund: () => canRefund && setRefunding(true),
    reprint: () => detail && !reprint.isPending && reprint.mutate(detail.id),
    receipt: () => detail && !view.isPending && view.mutate(detail.id),
  };
  useKeyActions(
    {
      [orderKeys.refund]: actions.refund,
      [orderKeys.reprint]: actions.reprint,
      [orderKeys.receipt]: actions.receipt,
    },
    1,
    orderId !== null,
  );

  return (
    <Drawer
      open={orderId !== null}
      onClose={onClose}
      size={820}
      destroyOnHidden
      title={
        detail ? (
          <span className="drawer-title">
            {t('orders.orderTitle', { number: detail.number })} <StatusTag status={detail.status} />
          </span>
        ) : (
          t('orders.loading')
        )
      }
      footer={
        <Space className="drawer-actions">
          <Button
            size="large"
            icon={<EyeOutlined />}
            disabled={!detail}
            loading={view.isPending}
            onClick={actions.receipt}
            data-testid="view-receipt"
          >
            {t('orders.viewReceipt')} <kbd>{orderKeys.receipt}</kbd>
          </Button>
          <Button
            size="large"
            icon={<PrinterOutlined />}
            disabled={!detail}
            loading={reprint.isPending}
            onClick={actions.reprint}
            data-testid="reprint-button"
          >
            {t('orders.reprint')} <kbd>{orderKeys.reprint}</kbd>
          </Button>
          <Tooltip title={refundAccess === 'needs_approval' ? t('orders.refund.needsManager') : undefined}>
            <Button
              size="large"
              danger
              type="primary"
              icon={<RollbackOutlined />}
              disabled={!canRefund}
              onClick={actions.refund}
              data-testid="refund-button"
            >
              {t('orders.refund.button')} <kbd>{orderKeys.refund}</kbd>
            </Button>
          </Tooltip>
        </Space>
      }
    >
      {order.error ? <Alert type="error" showIcon title={errorText(order.error)} /> : null}
      {detail ? <OrderDetailBody order={detail} /> : order.isPending ? <Spin className="drawer-spin" /> : null}
      {refunding && detail ? (
        <RefundDialog
          order={detail}
          onClose={() => setRefunding(false)}
          onRefunded={(result) => queryClient.setQueryData(['orders.get', { id: result.order.id }], result.order)}
        />
      ) : null}
      {receipt !== null && detail ? (
        <ReceiptPreview
          title={t('orders.receiptOf', { number: detail.number })}
          html={receipt}
          width={width}
          depth={1}
          testId="receipt-preview"
          printing={reprint.isPending}
          onPrint={actions.reprint}
          onClose={() => setReceipt(null)}
        />
      ) : null}
    </Drawer>
  );
}
