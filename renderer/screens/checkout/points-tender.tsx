import { GiftOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TenderInput } from '../../../shared/contract/orders';
import { MemberId } from '../../../shared/ids';
import { memberCeilings } from '../../../shared/members/member-limits';
import { Money } from '../../../shared/money';
import { useApiQuery } from '../../api/use-api';
import { useSyncStatus } from '../../hooks/use-sync-status';
import { useAmount } from './checkout-format';

/** Stands in the query's input while the sale has no member: the query is off then. */
const noMember = MemberId.parse('00000000-0000-7000-8000-000000000000');

/** The most digits a typed count can have: any count of them stays under `memberCeilings.points`. */
const pointsDigits = String(memberCeilings.points).length - 1;

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
 * take (`members.pointsOffer`; online on the balance, offline on the offline allowance), or fewer if
 * the customer asks, in one press. The core judges it again at Pay and the platform holds the
 * points; a refusal (past the balance, past what the rules allow) comes back in the cashier's words.
 */
export function PointsTender({ memberId, due, taken, disabled, onTake }: PointsTenderProps) {
  const { t } = useTranslation();
  const amount = useAmount();
  const link = useSyncStatus().data?.link;
  // What the cashier typed; null: the offer as it stands.
  const [typed, setTyped] = useState<string | null>(null);
  const offer = useApiQuery(
    'members.pointsOffer',
    { memberId: memberId ?? noMember, due: Math.max(0, due) },
    { enabled: memberId !== null },
  ).data;
  if (!memberId || !offer || offer.kind === 'off') return null;
  const most = link === 'online' ? offer.online : offer.offline;
  const inHand = taken.find((tender) => tender.method === 'points');
  const used = inHand?.points ?? 0;
  const already = inHand !== undefined;
  // Once taken, the tender as taken; else what was typed, or the offer.
  const points = inHand ? inHand.points : typed === null ? most.points : /^\d+$/.test(typed) ? Number(typed) : 0;
  // Whole blocks only, as the core takes them: a part block is refused there in the cashier's words.
  const fen = inHand ? inHand.amount : Math.floor(points / offer.blockPoints) * offer.blockFen;
  const take = () => {
    if (disabled || already || points === 0) return;
    onTake({ method: 'points', points, amount: Money.parse(fen) });
    setTyped(null);
  };
  return (
    <div className="points-tender" data-testid="points-tender">
      <div className="points-tender-row">
        <Input
          size="large"
          className="points-tender-input"
          inputMode="numeric"
          maxLength={pointsDigits}
          value={inHand ? String(inHand.points) : (typed ?? String(most.points))}
          disabled={disabled || already}
          aria-label={t('sale.pay.points.count')}
          suffix={t('sale.pay.points.unit')}
          onChange={(event) => setTyped(event.target.value.trim())}
          onPressEnter={take}
          data-testid="points-count"
        />
        <Button
          size="large"
          icon={<GiftOutlined />}
          disabled={disabled || already || points === 0}
          onClick={take}
          data-testid="points-take"
        >
          {t('sale.pay.points.take', { points, amount: amount(fen) })}
        </Button>
      </div>
      <span className="points-balance" data-testid="points-balance">
        {offer.balance === null
          ? t('sale.pay.points.unknown')
          : t('sale.pay.points.balance', { before: offer.balance, after: offer.balance - used })}
        {link === 'online' ? '' : ` · ${t('sale.pay.points.offline', { points: offer.allowance })}`}
      </span>
    </div>
  );
}
