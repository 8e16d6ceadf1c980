import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/contract/catalog';
import type { OrderDetail } from '../../../shared/contract/orders';
import { uuidv7 } from '../../../shared/ids';
import type { Cart, Quantity } from '../../../shared/pricing/cart';
import { priceCart } from '../../../shared/pricing/price-cart';
import { pricingPolicy } from '../../../shared/store-settings';
import { api } from '../../api/api-client';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { addProduct, neighbourAfterRemoval, removeLine, stepCount } from './cart-model';
import { cartStore, useCartState } from './cart-store';
import type { ScanState } from './scan-state';
import { type CodeAnswer, useBarcodeLookup } from './use-barcode-lookup';
import { useCoupons } from './use-coupons';
import { useMemberBenefits } from './use-member-benefits';
import { useParking } from './use-parking';
import { usePayment } from './use-payment';
import { useSaleMember } from './use-sale-member';

export type CheckoutDialog =
  | { kind: 'weigh'; product: Product }
  | { kind: 'quantity'; lineId: string }
  | { kind: 'lineDiscount'; lineId: string }
  | { kind: 'orderDiscount' }
  | { kind: 'park' }
  | { kind: 'parked' }
  | { kind: 'clear' }
  | { kind: 'pay' }
  | { kind: 'member' }
  | null;

export type Paid = { order: OrderDetail; replayed: boolean };

const ids = { cartId: () => uuidv7(), lineId: () => uuidv7() };

/** The sale on the till: the cart, the selected line, the last scan, the open dialog, the paid order. */
export function useSale() {
  const { t } = useTranslation();
  const { settings } = useStoreInfo();
  const errorText = useErrorText();
  const state = useCartState();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // What the last scan said, and the sale it said it about: once the sale changes it is old news.
  const [said, setSaid] = useState<{ scan: ScanState; about: Cart }>(() => ({ scan: null, about: state.cart }));
  const setScan = (next: ScanState) => setSaid({ scan: next, about: cartStore.get().cart });
  const scan = said.about === state.cart ? said.scan : null;
  const [dialog, setDialog] = useState<CheckoutDialog>(null);
  const [paid, setPaid] = useState<Paid | null>(null);
  const policy = useMemo(() => pricingPolicy(settings), [settings]);
  const coupons = useCoupons(setScan);
  const member = useSaleMember(setScan);
  const memberPricing = useMemberBenefits(state.cart);
  const priced = useMemo(
    () => priceCart(state.cart, policy, coupons.context, memberPricing),
    [state.cart, policy, coupons.context, memberPricing],
  );
  const lines = state.cart.lines;
  const selected = lines.some((line) => line.lineId === selectedId) ? selectedId : (lines.at(-1)?.lineId ?? null);
  const selectedLine = lines.find((line) => line.lineId === selected) ?? null;
  const note = (text: string) => setScan({ kind: 'note', text });

  const add = (product: Product, quantity: Quantity, code: string | null) => {
    setPaid(null);
    const result = addProduct(cartStore.get(), product, quantity, ids);
    cartStore.set(result.state);
    setSelectedId(result.lineId);
    setScan({ kind: 'added', product, code, quantity });
  };

  /** A product without a weight yet (picked by hand, or its plain barcode) is weighed in a dialog. */
  const offer = (product: Product, code: string | null) => {
    if (!product.active) setScan({ kind: 'inactive', product });
    else if (product.unit === 'kg') setDialog({ kind: 'weigh', product });
    else add(product, { kind: 'count', count: 1 }, code);
  };

  const onAnswer = (answer: CodeAnswer) => {
    if (answer.kind === 'missing') setScan({ kind: 'missing', code: answer.code });
    else if (answer.kind === 'failed') setScan({ kind: 'failed', message: answer.message });
    else if (answer.quantity && answer.product.active) add(answer.product, answer.quantity, answer.code);
    else offer(answer.product, answer.code);
  };
  const lookUp = useBarcodeLookup(settings.scaleLabel, onAnswer);

  const payment = usePayment((order, replayed) => {
    setPaid({ order, replayed });
    setDialog(null);
    setSelectedId(null);
    setScan(null);
  }, coupons.onPaymentError);

  const parking = useParking(note, {
    parked: (label) => (label ? t('sale.park.parkedAs', { label }) : t('sale.park.parked')),
    resumed: t('sale.parked.resumed'),
  });

  const moveSelection = (step: 1 | -1) => {
    if (lines.length === 0) return;
    const index = lines.findIndex((line) => line.lineId === selected);
    const next = Math.min(lines.length - 1, Math.max(0, index + step));
    setSelectedId(lines[next].lineId);
  };

  const step = (by: 1 | -1) => {
    if (selected) cartStore.update((current) => stepCount(current, selected, by));
  };

  const remove = () => {
    if (!selected) return;
    setSelectedId(neighbourAfterRemoval(lines, selected));
    cartStore.update((current) => removeLine(current, selected));
  };

  // The core records what was cleared before the till forgets it; a refusal keeps the sale on screen.
  const clear = async () => {
    const { id, cart } = cartStore.get();
    try {
      if (id && cart.lines.length > 0) await api.call('carts.discard', { id, cart });
    } catch (error) {
      setDialog(null);
      setScan({ kind: 'failed', message: errorText(error) });
      return;
    }
    cartStore.reset();
    setSelectedId(null);
    setDialog(null);
    note(t('sale.cart.cleared'));
  };

  const openPay = () => {
    if (lines.length === 0 || payment.pending) return;
    const refused = Object.keys(state.refusals).length > 0 || priced.coupons.some((coupon) => coupon.refusal !== null);
    if (refused) {
      setScan({ kind: 'failed', message: t('voucher.coupons.removeRefused') });
      return;
    }
    payment.clear();
    setScan(null);
    setDialog({ kind: 'pay' });
  };

  const newSale = () => {
    setPaid(null);
    setScan(null);
  };

  return {
    state,
    priced,
    selected,
    selectedLine,
    scan,
    dialog,
    setDialog,
    paid,
    payment,
    parking,
    add,
    offer,
    lookUp,
    scanVoucher: (code: string) => {
      setPaid(null);
      coupons.scanVoucher(code);
    },
    removeCoupon: coupons.remove,
    member,
    noteFailure: (message: string) => setScan({ kind: 'failed', message }),
    moveSelection,
    select: setSelectedId,
    step,
    remove,
    clear,
    openPay,
    newSale,
    hidePaid: () => setPaid(null),
  };
}

export type Sale = ReturnType<typeof useSale>;
