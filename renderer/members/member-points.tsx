import { useTranslation } from 'react-i18next';
import type { MemberCard } from '../../shared/contract/members';
import { useApiQuery } from '../api/use-api';
import { useSyncStatus } from '../hooks/use-sync-status';

/**
 * The member's points and last visit on the card before the sale. Online, the balance as the platform sent it.
 * Offline (the card came from this till's cache, or the link is down) the balance is as last known
 * here, and what the till may let the member spend without the platform — the lower of that
 * balance and the store's offline cap — is said, with the spend provisional until the platform
 * confirms it.
 */
export function MemberPoints({ member, lastVisit }: { member: MemberCard; lastVisit: string }) {
  const { t } = useTranslation();
  const link = useSyncStatus().data?.link;
  const offline = !member.checkedOnline || link !== 'online';
  const offer = useApiQuery('members.pointsOffer', { memberId: member.id, due: 0 }, { enabled: offline }).data;
  const points = member.points ?? 0;
  return (
    <>
      <div className="member-strip-figures">
        <span data-testid="member-points">
          {offline ? t('member.pointsLastKnown', { points }) : t('member.pointsNow', { points })}
        </span>{' '}
        · {t('member.lastVisit')} <span className="member-strip-date">{lastVisit}</span>
      </div>
      {offline && offer?.kind === 'on' ? (
        <div className="member-strip-offline" data-testid="member-points-offline">
          {t('member.pointsOfflineSpend', { points: offer.allowance })}
        </div>
      ) : null}
    </>
  );
}
