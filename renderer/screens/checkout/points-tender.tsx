import { GiftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TenderInput } from '../../../shared/contract/orders';
import { MemberId } from '../../../shared/ids';
import { Money } from '../../../shared/money';
import { useApiQuery } from '../../api/use-api';
import { useSyncStatus } from '../../hooks/use-sync-status';
import { useAmount } from './checkout-format';

/** Stands in the query's input while the sale has no member: the query is off then. */
const noMember = MemberId.parse('00000000-0000-7000-8000-000000000000');

type PointsTenderProps = {
  memberId: string | null;
  /** What is still due after the tenders taken: the most points may pay is worked out on it. */
  due: number;
  taken: readonly TenderInput[];
  disabled: boolean;
  onTake(tender: Extract<TenderInput, { method: 'points' }>): void;
};

/**
 * "Points / 积分抵现": with a member on the sale and the store taking points, the most the order can
 * take (`members.pointsOffer`; online on the balance, offline on the offline allowance), in one
 * press. The core judges it again at Pay and the platform holds the points; a refusal comes back
 * in the cashier's words like any other.
 */
export function PointsTender({ memberId, due, taken, disabled, onTake }: PointsTenderProps) {
  const { t } = useTranslation();
  const amount = useAmount();
  const link = useSyncStatus().data?.link;
  const offer = useApiQuery(
    'members.pointsOffer',
    { memberId: memberId ?? noMember, due: Math.max(0, due) },
    { enabled: memberId !== null },
  ).data;
  if (!memberId || !offer || offer.kind === 'off') return null;
  const { points, fen } = link === 'online' ? offer.online : offer.offline;
  const used = taken.reduce((sum, tender) => sum + (tender.method === 'points' ? tender.points : 0), 0);
  const already = used > 0;
  return (
    <div className="points-tender" data-testid="points-tender">
      <Button
        size="large"
        icon={<GiftOutlined />}
        disabled={disabled || already || points === 0}
        onClick={() => onTake({ method: 'points', points, amount: Money.parse(fen) })}
        data-testid="points-take"
      >
        {t('sale.pay.points.take', { points, amount: amount(fen) })}
      </Button>
      <span className="points-balance" data-testid="points-balance">
        {offer.balance === null
          ? t('sale.pay.points.unknown')
          : t('sale.pay.points.balance', { before: offer.balance, after: offer.balance - used })}
      </span>
    </div>
  );
}
