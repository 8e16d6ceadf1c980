import { CloseOutlined, IdcardOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberCard } from '../../shared/contract/members';
import { useLocale } from '../i18n/use-locale';
import { useStoreTime } from '../screens/orders/order-labels';
import { MemberPoints } from './member-points';
import './members.css';

type MemberStripProps = {
  member: MemberCard | null;
  /** The cart names a member (a resumed sale) whose card this screen has not got. */
  attached: boolean;
  /** What the member's benefits take off this sale, as shown; null when nothing. */
  saving: string | null;
  keyLabel: string;
  onOpen(): void;
  onDetach(): void;
};

/**
 * The member on the sale, in one block above the lines: the number masked, name, tier, points,
 * last visit and the segment hint; or the button that finds one.
 */
export const MemberStrip = memo(function MemberStrip({
  member,
  attached,
  saving,
  keyLabel,
  onOpen,
  onDetach,
}: MemberStripProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const storeTime = useStoreTime();
  if (!member && !attached) {
    return (
      <div className="member-strip member-strip-empty">
        <Button
          icon={<IdcardOutlined />}
          onMouseDown={(event) => event.preventDefault()}
          onClick={onOpen}
          data-testid="member-open"
        >
          {t('member.button')} <kbd>{keyLabel}</kbd>
        </Button>
      </div>
    );
  }
  const date = (ms: number | null) => (ms === null ? t('member.never') : storeTime.date(ms));
  return (
    <div className="member-strip" data-testid="member-card">
      <IdcardOutlined className="member-strip-icon" />
      <div className="member-strip-body">
        <div className="member-strip-who">
          <b data-testid="member-phone">{member?.maskedPhone ?? t('member.attached')}</b>
          {member?.name ? <span>{member.name}</span> : null}
          {member?.tier ? (
            <Tag color="gold" data-testid="member-tier">
              {member.tier.name[locale]}
            </Tag>
          ) : null}
        </div>
        {member?.tier ? (
          <MemberPoints member={member} lastVisit={date(member.lastVisitAt)} />
        ) : member ? (
          <div className="member-strip-figures">{t('member.unknownDetails')}</div>
        ) : null}
        {saving ? (
          <div className="member-strip-saving" data-testid="member-saving">
            {t('member.saving', { amount: saving })}
          </div>
        ) : null}
        {member?.hint ? (
          <div className="member-strip-hint" data-testid="member-hint">
            {member.hint}
          </div>
        ) : null}
      </div>
      <Button
        size="small"
        type="text"
        icon={<CloseOutlined />}
        aria-label={t('member.detach')}
        title={t('member.detach')}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onDetach}
        data-testid="member-detach"
      />
    </div>
  );
});
