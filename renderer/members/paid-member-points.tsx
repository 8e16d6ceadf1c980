import { IdcardOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrderMember } from '../../shared/contract/orders';
import './members.css';

/**
 * The member's card once the sale is paid: the balance before and after it, the points used taken
 * off, and the points earned said as such — credited when the sale reaches the platform. A balance
 * that was only as last known here says so, and that the points used are provisional.
 */
export function PaidMemberPoints({ member }: { member: OrderMember | null }) {
  const { t } = useTranslation();
  const points = member?.points;
  if (!member || !points || points.before === null || points.after === null) return null;
  const earned = points.earned ?? 0;
  return (
    <div className="paid-member" data-testid="paid-member">
      <IdcardOutlined className="member-strip-icon" />
      <div className="paid-member-body">
        <div className="paid-member-balance">
          <span>{member.maskedPhone ?? t('member.attached')}</span>
          <b data-testid="paid-member-balance">
            {t('member.paid.balance', { before: points.before, after: points.after })}
          </b>
        </div>
        <div className="paid-member-moves" data-testid="paid-member-moves">
          {[
            points.used > 0 ? t('member.paid.used', { points: points.used }) : null,
            earned > 0 ? t('member.paid.earned', { points: earned }) : null,
          ]
            .filter((part) => part !== null)
            .join(' · ')}
        </div>
        {points.known === 'offline' ? (
          <div className="member-strip-offline" data-testid="paid-member-offline">
            {points.used > 0 ? t('member.paid.offlineSpend') : t('member.paid.offline')}
          </div>
        ) : null}
      </div>
    </div>
  );
}
