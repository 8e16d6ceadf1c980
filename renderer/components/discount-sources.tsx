import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../shared/money';
import type { SourcedDiscount } from '../../shared/pricing/discount-sources';
import { useMoney } from '../hooks/use-money';

/** A discount source in the reader's words: "Line discounts", "Coupon 满50减10", "Order discount". */
export function useDiscountLabel(): (part: SourcedDiscount) => string {
  const { t } = useTranslation();
  return useCallback(
    (part: SourcedDiscount) => {
      switch (part.kind) {
        case 'member':
        case 'manual_line':
        case 'manual_order':
          return t(`discounts.${part.kind}`);
        case 'coupon':
          return part.campaignName ? t('discounts.coupon', { name: part.campaignName }) : t('discounts.couponUnnamed');
        default: {
          const unreachable: never = part;
          return String(unreachable);
        }
      }
    },
    [t],
  );
}

type DiscountTermsProps = {
  parts: readonly SourcedDiscount[];
  /** Said after the manual order discount's label (its reason). */
  orderNote?: string | null;
  testId?: string;
  rowClassName?: string;
};

/**
 * One `<dt>`/`<dd>` pair per source, for a `<dl>` of sums: each source once, so the rows and the
 * other figures around them add up.
 */
export function DiscountTerms({ parts, orderNote, testId = 'discount-source', rowClassName }: DiscountTermsProps) {
  const label = useDiscountLabel();
  const money = useMoney();
  return (
    <>
      {parts.map((part) => (
        <div
          key={part.kind === 'coupon' ? `coupon-${part.campaignId}` : part.kind}
          className={rowClassName}
          data-testid={testId}
        >
          <dt>
            {label(part)}
            {part.kind === 'manual_order' && orderNote ? <span className="cell-secondary"> {orderNote}</span> : null}
          </dt>
          <dd>−{money(part.amount as Money)}</dd>
        </div>
      ))}
    </>
  );
}
