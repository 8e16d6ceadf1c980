import { FieldTimeOutlined } from '@ant-design/icons';
import { Drawer, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../hooks/use-permission';
import { CurrentShift } from './current-shift';
import { ZReportList } from './z-report-list';
import './shift.css';

type ShiftPanelProps = { open: boolean; onClose(): void };

export function ShiftPanel({ open, onClose }: ShiftPanelProps) {
  const { t } = useTranslation();
  const canViewReports = usePermission('reports.view') === 'allow';
  const [tab, setTab] = useState('current');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      // The drawer's focus trap puts the cursor on its close × as it opens; the field that asks for
      // something (the float, with no shift open) takes it back, so typing goes where it belongs.
      afterOpenChange={(opened) => {
        if (opened)
          document.querySelector<HTMLElement>('[data-testid="shift-panel"] input[autofocus], #shift-float')?.focus();
      }}
      title={
        <span className="drawer-title">
          <FieldTimeOutlined /> {t('shift.title')}
        </span>
      }
    >
      <div data-testid="shift-panel">
        <Tabs
          activeKey={canViewReports ? tab : 'current'}
          onChange={setTab}
          destroyOnHidden
          items={[
            { key: 'current', label: t('shift.currentTab'), children: <CurrentShift /> },
            ...(canViewReports
              ? [
                  {
                    key: 'z',
                    label: <span data-testid="z-reports-tab">{t('shift.zTab')}</span>,
                    children: <ZReportList />,
                  },
                ]
              : []),
          ]}
        />
      </div>
    </Drawer>
  );
}
