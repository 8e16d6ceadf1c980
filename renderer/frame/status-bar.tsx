import { CalendarOutlined, LockOutlined, LogoutOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Session } from '../api/session-store';
import { useStoreInfo } from '../app/store-provider';
import { LanguageSwitch } from '../components/language-switch';
import { RoleTag } from '../components/role-tag';
import { useLocale } from '../i18n/use-locale';
import { ShiftStatus } from '../screens/shift/shift-status';
import { formatBusinessDay } from './business-day';
import { lockShortcut } from './screens';
import { SyncIndicator } from './sync-indicator';
import './frame.css';

type StatusBarProps = { session: Session; onLock(): void; onSignOut(): void };

export function StatusBar({ session, onLock, onSignOut }: StatusBarProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const store = useStoreInfo();
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-item status-store" title={store.name}>
        <ShopOutlined /> <span className="status-store-name">{store.name}</span>
      </span>
      <span className="status-item" title={t('status.businessDayHelp', { hour: store.dayCutoffHour })}>
        <CalendarOutlined /> <span className="status-label">{t('status.businessDay')}</span>{' '}
        {formatBusinessDay(store.businessDay, locale)}
      </span>
      <span className="status-item" data-testid="status-staff">
        <UserOutlined /> {session.staff.name} <RoleTag role={session.staff.role} />
      </span>
      <ShiftStatus />
      <span className="status-spacer" />
      <SyncIndicator />
      <LanguageSwitch size="small" />
      <Button
        size="small"
        icon={<LockOutlined />}
        onClick={onLock}
        aria-label={t('status.lock')}
        title={t('status.lock')}
        data-testid="lock-button"
      >
        <span className="status-wide-only">{t('status.lock')}</span> <kbd>{lockShortcut}</kbd>
      </Button>
      <Button
        size="small"
        icon={<LogoutOutlined />}
        onClick={onSignOut}
        aria-label={t('status.signOut')}
        title={t('status.signOut')}
        data-testid="sign-out-button"
      >
        <span className="status-wide-only">{t('status.signOut')}</span>
      </Button>
    </footer>
  );
}
