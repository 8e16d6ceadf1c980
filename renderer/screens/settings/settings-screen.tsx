import { SettingOutlined } from '@ant-design/icons';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../hooks/use-permission';
import { ScreenHeader } from '../screen-header';
import { AuditLog } from './audit-log';
import { CameraSettings } from './camera-settings';
import { LanguageSettings } from './language-settings';
import { LockoutList } from './lockout-list';
import { PlatformSettings } from './platform-settings';
import { StaffTable } from './staff-table';
import { StoreSettings } from './store-settings';
import '../screens.css';

/** `section` opens a tab directly, as the status bar's link to the records needing attention does. */
export function SettingsScreen({ section }: { section?: string }) {
  const { t } = useTranslation();
  const canManageStaff = usePermission('staff.manage') === 'allow';
  // Managers see the Staff tab for lifting lock-outs; only the owner edits people there.
  const canUnlock = usePermission('staff.unlock') === 'allow';
  const canViewAudit = usePermission('audit.view') === 'allow';
  // The owner pairs; managers see the link and the records the platform refused.
  const canPair = usePermission('platform.pair') === 'allow';
  const canSeePlatform = usePermission('reports.view') === 'allow' || canPair;
  const tabs = [
    { key: 'store', label: t('settings.store'), children: <StoreSettings /> },
    ...(canSeePlatform ? [{ key: 'platform', label: t('settings.platform'), children: <PlatformSettings /> }] : []),
    ...(canUnlock
      ? [
          {
            key: 'staff',
            label: t('settings.staff'),
            children: (
              <>
                <LockoutList />
                {canManageStaff ? <StaffTable /> : null}
              </>
            ),
          },
        ]
      : []),
    ...(canViewAudit ? [{ key: 'audit', label: t('settings.audit'), children: <AuditLog /> }] : []),
    { key: 'camera', label: t('voucher.settings.tab'), children: <CameraSettings /> },
    { key: 'language', label: t('settings.language'), children: <LanguageSettings /> },
  ];
  const opening = tabs.some((tab) => tab.key === section) ? section : undefined;
  return (
    <div className="screen">
      <ScreenHeader title={t('nav.settings')} icon={<SettingOutlined />} />
      <Tabs className="screen-tabs" items={tabs} defaultActiveKey={opening} destroyOnHidden />
    </div>
  );
}
