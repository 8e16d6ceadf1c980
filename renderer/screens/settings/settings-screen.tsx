import { SettingOutlined } from '@ant-design/icons';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../hooks/use-permission';
import { ScreenHeader } from '../ScreenHeader';
import { AuditLog } from './AuditLog';
import { LanguageSettings } from './LanguageSettings';
import { StaffTable } from './StaffTable';
import { StoreSettings } from './StoreSettings';

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
