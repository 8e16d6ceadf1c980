import { Button, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { localNames } from '../../app/names';
import { useLocale } from '../../i18n/use-locale';
import { MemberDialog } from '../../members/member-dialog';
import { setLineDiscount, setOrderDiscount, setQuantity } from './cart-model';
import { cartStore } from './cart-store';
import { DiscountDialog } from './discount-dialog';
import { ParkDialog } from './park-dialog';
import { ParkedDialog } from './parked-dialog';
import { PaymentDialog } from './payment-dialog';
import { QuantityDialog } from './quantity-dialog';
import type { Sale } from './use-sale';

/** Whichever dialog the sale has open; each hands its answer to the cart and closes. */
export function CheckoutDialogs({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { dialog, setDialog, state, parking } = sale;
  const close = () => setDialog(null);
  if (!dialog) return null;

  const lineOf = (lineId: string) => state.cart.lines.find((line) => line.lineId === lineId) ?? null;
  const nameOf = (productId: string) => {
    const product = state.products[productId];
    return product ? localNames(product, locale).primary : '';
  };

  switch (dialog.kind) {
    case 'weigh':
      return (
        <QuantityDialog
          subject={localNames(dialog.product, locale).primary}
          byWeight
          unitPrice={dialog.product.price}
          current={null}
          onClose={close}
          onApply={(quantity) => {
            close();
            sale.add(dialog.product, quantity, null);
          }}
        />
      );
    case 'quantity': {
      const line = lineOf(dialog.lineId);
      if (!line) return null;
      return (
        <QuantityDialog
          subject={nameOf(line.productId)}
          byWeight={line.quantity.kind === 'weight'}
          unitPrice={line.unitPrice}
          current={line.quantity}
          onClose={close}
          onApply={(quantity) => {
            cartStore.update((current) => setQuantity(current, line.lineId, quantity));
            close();
          }}
        />
      );
    }
    case 'lineDiscount': {
      const line = lineOf(dialog.lineId);
      if (!line) return null;
      return (
        <DiscountDialog
          subject={nameOf(line.productId)}
          current={line.discount}
          onClose={close}
          onApply={(discount) => {
            cartStore.update((current) => setLineDiscount(current, line.lineId, discount));
            close();
          }}
        />
      );
    }
    case 'orderDiscount':
      return (
        <DiscountDialog
          subject={t('sale.discount.wholeOrder')}
          current={state.cart.orderDiscount}
          onClose={close}
          onApply={(discount) => {
            cartStore.update((current) => setOrderDiscount(current, discount));
            close();
          }}
        />
      );
    case 'park':
      return (
        <ParkDialog
          busy={parking.busy}
          error={parking.error}
          onClose={close}
          onPark={async (label) => {
            if (await parking.park(label)) close();
          }}
        />
      );
    case 'parked':
      return (
        <ParkedDialog
          swapping={state.cart.lines.length > 0}
          busy={parking.busy}
          error={parking.error}
          onClose={close}
          onResume={async (id) => {
            if (await parking.resume(id)) {
              sale.hidePaid();
              close();
            }
          }}
        />
      );
    case 'clear':
      return (
        <Modal
          open
          title={t('sale.cart.clearTitle')}
          onCancel={close}
          width={420}
          footer={
            <Space>
              <Button size="large" onClick={close}>
                {t('common.cancel')} <kbd>Esc</kbd>
              </Button>
              <Button
                size="large"
                danger
                type="primary"
                autoFocus
                onClick={() => void sale.clear()}
                data-testid="clear-confirm"
              >
                {t('sale.cart.clearConfirm')} <kbd>Enter</kbd>
              </Button>
            </Space>
          }
        >
          {t('sale.cart.clearExplain', { count: state.cart.lines.length })}
        </Modal>
      );
    case 'member':
      return (
        <MemberDialog
          onClose={close}
          onFound={(member) => {
            sale.member.attach(member);
            close();
          }}
        />
      );
    case 'pay':
      return (
        <PaymentDialog
          total={sale.priced.total}
          memberId={sale.state.cart.memberId ?? null}
          needsApproval={sale.priced.needsApproval}
          payment={sale.payment}
          onClose={close}
          onRefreshPrices={async () => {
            if (await parking.refreshPrices()) sale.payment.clear();
          }}
        />
      );
    default:
      return null;
  }
}
