import {
  ClearOutlined,
  DeleteOutlined,
  MinusOutlined,
  NumberOutlined,
  PauseCircleOutlined,
  PercentageOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  TagOutlined,
} from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../shared/pricing/cart';
import type { PricedCart } from '../../../shared/pricing/price-cart';
import { MemberStrip } from '../../members/member-strip';
import { CartLines } from './cart-lines';
import { type CartState, itemCount } from './cart-model';
import { CartTotals } from './cart-totals';
import { useAmount } from './checkout-format';
import { checkoutKeys } from './checkout-keys';
import { CouponList } from './coupon-list';
import './cart.css';
import './cart-fit.css';

export type CartActions = {
  select(lineId: string): void;
  step(step: 1 | -1): void;
  quantity(): void;
  lineDiscount(): void;
  removeLine(): void;
  orderDiscount(): void;
  park(): void;
  resume(): void;
  clear(): void;
  pay(): void;
  member(): void;
  detachMember(): void;
};

type CartPanelProps = {
  state: CartState;
  priced: PricedCart;
  selected: string | null;
  parkedCount: number;
  actions: CartActions;
  onRemoveCoupon(redemptionId: string): void;
};

export function CartPanel({ state, priced, selected, parkedCount, actions, onRemoveCoupon }: CartPanelProps) {
  const { t } = useTranslation();
  const amount = useAmount();
  const line = state.cart.lines.find((each) => each.lineId === selected) ?? null;
  const empty = state.cart.lines.length === 0;
  return (
    <section className="cart-panel" aria-label={t('sale.cart.title')} data-testid="cart-panel">
      <header className="cart-header">
        <span className="cart-title">{t('sale.cart.title')}</span>
        <span className="cart-count">{empty ? '' : t('sale.cart.lineCount', { count: state.cart.lines.length })}</span>
      </header>
      <MemberStrip
        member={state.member}
        attached={Boolean(state.cart.memberId)}
        saving={priced.memberDiscount > 0 ? amount(priced.memberDiscount) : null}
        keyLabel={checkoutKeys.member.label}
        onOpen={actions.member}
        onDetach={actions.detachMember}
      />
      <CartLines state={state} priced={priced.lines} selected={selected} onSelect={actions.select} />
      <LineTools line={line} actions={actions} />
      <CouponList state={state} priced={priced} onRemove={onRemoveCoupon} />
      <CartTotals priced={priced} items={itemCount(state.cart)} orderDiscount={state.cart.orderDiscount} />
      <SaleTools empty={empty} parkedCount={parkedCount} actions={actions} />
      <div className="cart-pay">
        <Button
          type="primary"
          size="large"
          block
          className="pay-button"
          disabled={empty}
          onMouseDown={(event) => event.preventDefault()}
          onClick={actions.pay}
          data-testid="pay-button"
        >
          <span className="pay-button-label">
            {t('sale.pay.button')} <kbd>{checkoutKeys.pay.label}</kbd>
          </span>
          <span className="pay-button-amount">{amount(priced.total)}</span>
        </Button>
      </div>
    </section>
  );
}

/** What the selected line allows, as three flags: the buttons redraw only when one of them flips. */
function LineTools({ line, actions }: { line: CartLine | null; actions: CartActions }) {
  return (
    <LineToolbar
      hasLine={line !== null}
      isCount={line?.quantity.kind === 'count'}
      canSetQuantity={line !== null && line.quantity.kind !== 'priced'}
      actions={actions}
    />
  );
}

type LineToolbarProps = { hasLine: boolean; isCount: boolean; canSetQuantity: boolean; actions: CartActions };

const LineToolbar = memo(function LineToolbar({ hasLine, isCount, canSetQuantity, actions }: LineToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="cart-line-tools" role="toolbar" aria-label={t('sale.line.tools')}>
      <KeyButton
        icon={<MinusOutlined />}
        keyLabel={checkoutKeys.stepDown.label}
        disabled={!isCount}
        onClick={() => actions.step(-1)}
        label={t('sale.line.less')}
        testId="line-less"
      />
      <KeyButton
        icon={<PlusOutlined />}
        keyLabel={checkoutKeys.stepUp.label}
        disabled={!isCount}
        onClick={() => actions.step(1)}
        label={t('sale.line.more')}
        testId="line-more"
      />
      <KeyButton
        icon={<NumberOutlined />}
        keyLabel={checkoutKeys.quantity.label}
        disabled={!canSetQuantity}
        onClick={actions.quantity}
        label={t('sale.line.quantity')}
        testId="line-quantity"
      />
      <KeyButton
        icon={<TagOutlined />}
        keyLabel={checkoutKeys.lineDiscount.label}
        disabled={!hasLine}
        onClick={actions.lineDiscount}
        label={t('sale.line.discount')}
        testId="line-discount"
      />
      <KeyButton
        icon={<DeleteOutlined />}
        keyLabel={checkoutKeys.removeLine.label}
        disabled={!hasLine}
        onClick={actions.removeLine}
        label={t('sale.line.remove')}
        testId="line-remove"
        danger
      />
    </div>
  );
});

type SaleToolsProps = { empty: boolean; parkedCount: number; actions: CartActions };

/** The sale's own buttons: they change when the cart empties or fills, not with every scan. */
const SaleTools = memo(function SaleTools({ empty, parkedCount, actions }: SaleToolsProps) {
  const { t } = useTranslation();
  return (
    <div className="cart-actions">
      <KeyButton
        icon={<PercentageOutlined />}
        keyLabel={checkoutKeys.orderDiscount.label}
        disabled={empty}
        onClick={actions.orderDiscount}
        label={t('sale.cart.orderDiscount')}
        testId="order-discount"
      />
      <KeyButton
        icon={<PauseCircleOutlined />}
        keyLabel={checkoutKeys.park.label}
        disabled={empty}
        onClick={actions.park}
        label={t('sale.cart.park')}
        testId="park-button"
      />
      <Badge count={parkedCount} size="small" offset={[-6, 4]}>
        <KeyButton
          icon={<PlayCircleOutlined />}
          keyLabel={checkoutKeys.resume.label}
          onClick={actions.resume}
          label={t('sale.cart.resume')}
          testId="resume-button"
        />
      </Badge>
      <KeyButton
        icon={<ClearOutlined />}
        keyLabel={checkoutKeys.clear.label}
        disabled={empty}
        onClick={actions.clear}
        label={t('sale.cart.clear')}
        testId="clear-cart"
      />
    </div>
  );
});

type KeyButtonProps = {
  icon: ReactNode;
  label: string;
  keyLabel: string;
  onClick(): void;
  disabled?: boolean;
  danger?: boolean;
  testId: string;
};

/** A touch-sized button that also says which key does the same. */
export function KeyButton({ icon, label, keyLabel, onClick, disabled, danger, testId }: KeyButtonProps) {
  return (
    <Tooltip title={label} mouseEnterDelay={0.6}>
      <Button
        size="large"
        icon={icon}
        disabled={disabled}
        danger={danger}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
        className="key-button"
        data-testid={testId}
      >
        <span className="key-button-text">
          <span className="key-button-label">{label}</span>
          <kbd>{keyLabel}</kbd>
        </span>
      </Button>
    </Tooltip>
  );
}
