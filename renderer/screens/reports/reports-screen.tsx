import { BarChartOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Alert, Button, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../hooks/use-permission';
import { HeadOfficeView } from '../head-office/head-office-view';
import { ScreenHeader } from '../screen-header';
import { shiftShortcut, useShiftPanel } from '../shift/shift-panel-provider';
import { FeedbackView } from './feedback-view';
import { MembersView } from './members-view';
import { SalesView } from './sales-view';
import { SettlementView } from './settlement-view';
import { VoucherReport } from './voucher-report';
import '../screens.css';
import './reports.css';

export function ReportsScreen() {
  const { t } = useTranslation();
  const panel = useShiftPanel();
  const canView = usePermission('reports.view') === 'allow';
  const isOwner = usePermission('franchise.view') === 'allow';
  const shiftButton = (
    <Button size="large" icon={<FieldTimeOutlined />} onClick={panel.open} data-testid="reports-shift-button">
      {t('shift.title')} <kbd>{shiftShortcut}</kbd>
    </Button>
  );
  return (
    <div className="screen reports-screen">
      <ScreenHeader title={t('nav.reports')} icon={<BarChartOutlined />} extra={shiftButton} />
      {canView ? (
        <Tabs
          className="screen-tabs"
          destroyOnHidden
          items={[
            { key: 'sales', label: t('salesReport.tab'), children: <SalesView /> },
            { key: 'settlement', label: t('settlementReport.tab'), children: <SettlementView /> },
            { key: 'vouchers', label: t('voucher.report.tab'), children: <VoucherReport /> },
            { key: 'feedback', label: t('feedbackReport.tab'), children: <FeedbackView /> },
            { key: 'members', label: t('memberReport.tab'), children: <MembersView /> },
            ...(isOwner ? [{ key: 'headOffice', label: t('headOffice.tab'), children: <HeadOfficeView /> }] : []),
          ]}
        />
      ) : (
        <Alert type="info" showIcon title={t('reports.managerOnly')} className="screen-note" />
      )}
    </div>
  );
}
