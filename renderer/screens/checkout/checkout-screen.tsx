import { ShoppingCartOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert } from 'antd';
import { type KeyboardEvent, memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BarcodeText, type Category, type Product } from '../../../shared/contract/catalog';
import { looksLikeMemberCode } from '../../../shared/members/member-code';
import { useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { useHotkeys } from '../../hooks/use-hotkeys';
import { useStableActions, useStableCallback } from '../../hooks/use-stable-callback';
import { searchText, voucherFromScanField } from '../../vouchers/voucher-entry-text';
import { VoucherSources } from '../../vouchers/voucher-sources';
import { ScreenHeader } from '../screen-header';
import { CartPanel } from './cart-panel';
import { CategoryGrid } from './category-grid';
import { CheckoutDialogs } from './checkout-dialogs';
import { checkoutKeys } from './checkout-keys';
import { NoSaleCard } from './no-sale-card';
import { PaidPanel } from './paid-panel';
import { ProductResults } from './product-results';
import { ReceiptPreview } from './receipt-preview';
import { ScanField, type ScanFieldHandle } from './scan-field';
import { ScannedPanel } from './scanned-panel';
import { ShiftStatus } from './shift-status';
import { useCouponReason } from './use-coupon-reason';
import { useReceipt } from './use-receipt';
import { type CheckoutDialog, useSale } from './use-sale';
import '../screens.css';
import './checkout.css';

/** Typed by hand, digits are still a barcode someone reads off a damaged label; "milk" is a search. */
function looksLikeCode(text: string): boolean {
  return BarcodeText.safeParse(text).success && /\d/.test(text);
}

// Kept stable so the memoized lists see no change while the data is loading.
const noProducts: Product[] = [];
const noCategories: Category[] = [];

// A scan redraws the cart and the strip under the field; these parts show nothing a scan changes.
const CheckoutHeader = memo(function CheckoutHeader() {
  const { t } = useTranslation();
  return <ScreenHeader title={t('nav.checkout')} icon={<ShoppingCartOutlined />} extra={<ShiftStatus />} />;
});
const QuietNoSaleCard = memo(NoSaleCard);
const QuietVoucherSources = memo(VoucherSources);

export function CheckoutScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const sale = useSale();
  const receipt = useReceipt(sale.paid?.order ?? null);
  const couponReason = useCouponReason(sale.state, sale.priced);
  // The coupon just scanned, if it takes nothing: the line under the scan field says why.
  const scan = sale.scan;
  const scannedCoupon =
    scan?.kind === 'coupon'
      ? Object.entries(sale.state.vouchers).find(([, voucher]) => voucher.voucherId === scan.voucher.voucherId)
      : undefined;
  const scannedCouponReason = scannedCoupon ? couponReason(scannedCoupon[0]) : null;
  const scanField = useRef<ScanFieldHandle>(null);
  const [query, setQuery] = useState('');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState(-1);
  const categories = useApiQuery('catalog.listCategories', {});
  const parked = useApiQuery('carts.list', {}, { staleTime: 30_000 });
  const results = useApiQuery(
    'catalog.searchProducts',
    { query, categoryId: categoryId ?? undefined, limit: 50 },
    { placeholderData: keepPreviousData, staleTime: 5_000 },
  );
  const items = results.data?.items ?? noProducts;
  const categoryList = categories.data?.categories ?? noCategories;
  const selectCategory = useStableCallback((id: string | null) => {
    setCategoryId(id);
    setHighlighted(-1);
  });
  const hasLines = sale.state.cart.lines.length > 0;
  const { resetPrint } = receipt;
  const paidId = sale.paid?.order.id;

  useEffect(() => {
    if (paidId) resetPrint();
  }, [paidId, resetPrint]);

  const search = (text: string) => {
    setQuery(searchText(text));
    setHighlighted(-1);
  };

  const pick = (product: Product) => {
    scanField.current?.clear();
    setHighlighted(-1);
    sale.offer(product, null);
  };
  const stablePick = useStableCallback(pick);

  /** Answers whether the field is done with its text. */
  const onEnter = (raw: string, scanned: string | null): boolean => {
    const code = scanned ?? raw.trim();
    if (looksLikeMemberCode(code)) {
      void sale.member.identify(code);
      return true;
    }
    const voucher = voucherFromScanField(raw, scanned);
    if (voucher) {
      sale.scanVoucher(voucher);
      return true;
    }
    if (!scanned && highlighted >= 0 && items[highlighted]) {
      pick(items[highlighted]);
      return true;
    }
    if (!code) return false;
    if (scanned || looksLikeCode(code)) {
      sale.lookUp(code);
      return true;
    }
    if (query === code && items[0]) pick(items[0]);
    return query === code && items.length > 0;
  };

  const open = (dialog: CheckoutDialog) => {
    sale.parking.clearError();
    sale.setDialog(dialog);
  };

  /** The sale's keys. Keys that type something act only while the scan field is empty. */
  const onKey = (event: KeyboardEvent<HTMLInputElement>, text: string): boolean => {
    const { key } = event;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      const step = key === 'ArrowDown' ? 1 : -1;
      if (text) setHighlighted((current) => Math.min(items.length - 1, Math.max(0, current + step)));
      else sale.moveSelection(step);
      return true;
    }
    if (key === checkoutKeys.clear.key && event.ctrlKey) {
      if (hasLines) open({ kind: 'clear' });
      return true;
    }
    if (key === checkoutKeys.orderDiscount.key) {
      if (hasLines) open({ kind: 'orderDiscount' });
      return true;
    }
    if (key === checkoutKeys.park.key) {
      if (hasLines) open({ kind: 'park' });
      return true;
    }
    if (key === checkoutKeys.resume.key) {
      open({ kind: 'parked' });
      return true;
    }
    if (key === checkoutKeys.member.key && !text) {
      open({ kind: 'member' });
      return true;
    }
    if (text) return false;
    if (sale.paid && key === checkoutKeys.showReceipt.key) receipt.show();
    else if (sale.paid && key === checkoutKeys.newSale.key) sale.newSale();
    else return lineKey(key);
    return true;
  };

  const lineKey = (key: string): boolean => {
    const line = sale.selectedLine;
    if (!line) return false;
    if (key === checkoutKeys.stepUp.key) sale.step(1);
    else if (key === checkoutKeys.stepDown.key) sale.step(-1);
    else if (key === checkoutKeys.quantity.key) {
      if (line.quantity.kind !== 'priced') open({ kind: 'quantity', lineId: line.lineId });
    } else if (key === checkoutKeys.lineDiscount.key) open({ kind: 'lineDiscount', lineId: line.lineId });
    else if (key === checkoutKeys.removeLine.key) sale.remove();
    else return false;
    return true;
  };

  // Stable, so the cart's memoized toolbars redraw only when what they show changes, not every scan.
  const cartActions = useStableActions({
    select: sale.select,
    step: sale.step,
    quantity: () => sale.selectedLine && open({ kind: 'quantity', lineId: sale.selectedLine.lineId }),
    lineDiscount: () => sale.selectedLine && open({ kind: 'lineDiscount', lineId: sale.selectedLine.lineId }),
    removeLine: sale.remove,
    orderDiscount: () => open({ kind: 'orderDiscount' }),
    park: () => open({ kind: 'park' }),
    resume: () => open({ kind: 'parked' }),
    clear: () => open({ kind: 'clear' }),
    pay: sale.openPay,
    member: () => open({ kind: 'member' }),
    detachMember: sale.member.detach,
  });

  const voucherFromSource = useStableCallback((text: string) => sale.scanVoucher(text));
  const noCodeInImage = useStableCallback(() => sale.noteFailure(t('voucher.sources.noCodeInImage')));

  useHotkeys({ [checkoutKeys.pay.key]: () => (sale.paid && !hasLines ? receipt.print() : sale.openPay()) });

  return (
    <div className="screen checkout-screen">
      <CheckoutHeader />
      <div className="checkout-body">
        <section className="checkout-main">
          <div className="scan-row">
            <div className="scan-row-field">
              <ScanField ref={scanField} onQuery={search} onEnter={onEnter} onKey={onKey} />
            </div>
            <QuietVoucherSources compact onCode={voucherFromSource} onNoCode={noCodeInImage} />
          </div>
          <ScannedPanel scan={sale.scan} couponReason={scannedCouponReason} />
          {categories.error ? <Alert type="error" showIcon title={errorText(categories.error)} /> : null}
          <div className="checkout-browse">
            <CategoryGrid categories={categoryList} selected={categoryId} onSelect={selectCategory} />
            {results.error ? (
              <Alert type="error" showIcon title={errorText(results.error)} />
            ) : (
              <ProductResults
                items={items}
                hasMore={results.data?.hasMore ?? false}
                moreText={query ? t('checkout.moreResults') : t('checkout.moreInCategory')}
                loading={results.isFetching}
                highlighted={highlighted}
                onPick={stablePick}
                emptyText={query ? t('checkout.noResults', { query }) : t('checkout.noProducts')}
              />
            )}
          </div>
          <QuietNoSaleCard />
        </section>
        <aside className="checkout-side">
          {sale.paid && !hasLines ? (
            <PaidPanel
              order={sale.paid.order}
              replayed={sale.paid.replayed}
              printing={receipt.printing}
              printError={receipt.printError}
              onPrint={receipt.print}
              onShow={receipt.show}
              onNewSale={sale.newSale}
            />
          ) : (
            <CartPanel
              state={sale.state}
              priced={sale.priced}
              selected={sale.selected}
              parkedCount={parked.data?.carts.length ?? 0}
              onRemoveCoupon={sale.removeCoupon}
              actions={cartActions}
            />
          )}
        </aside>
      </div>
      <CheckoutDialogs sale={sale} />
      {receipt.preview ? (
        <ReceiptPreview
          html={receipt.preview.html}
          width={receipt.width}
          error={receipt.preview.error}
          onClose={receipt.closePreview}
        />
      ) : null}
    </div>
  );
}
