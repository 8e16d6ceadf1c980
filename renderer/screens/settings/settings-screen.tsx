import { SettingOutlined } from '@ant-design/icons';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../hooks/use-permission';
import { ScreenHeader } from '../screen-header';
import { AuditLog } from './audit-log';
import { LanguageSettings } from './language-settings';
import { StaffTable } from './staff-table';
import { StoreSettings } from './store-settings';
import '../screens.css';

export function SettingsScreen() {
  const { t } = useTranslation();
  const canManageStaff = usePermission('staff.manage') === 'allow';
  const canViewAudit = usePermission('audit.view') === 'allow';
  const tabs = [
    { key: 'store', label: t('settings.store'), children: <StoreSettings /> },
    ...(canManageStaff ? [{ key: 'staff', label: t('settings.staff'), children: <StaffTable /> }] : []),
    ...(canViewAudit ? [{ key: 'audit', label: t('settings.audit'), children: <AuditLog /> }] : []),
    { key: 'language', label: t('settings.language'), children: <LanguageSettings /> },
  ];
  return (
    <div className="screen">
      <ScreenHeader title={t('nav.settings')} icon={<SettingOutlined />} />
      <Tabs className="screen-tabs" items={tabs} destroyOnHidden />
    </div>
  );
}
