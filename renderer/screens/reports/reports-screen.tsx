import { BarChartOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Card, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { formatBusinessDay } from '../../frame/business-day';
import { usePermission } from '../../hooks/use-permission';
import { useLocale } from '../../i18n/use-locale';
import { BusinessDayPicker } from '../orders/business-day-picker';
import { ScreenHeader } from '../screen-header';
import { shiftShortcut, useShiftPanel } from '../shift/shift-panel-provider';
import { ChannelTable, MethodTable } from './breakdown-tables';
import { DayFigures } from './day-figures';
import { DiscountSourceTable } from './discount-source-table';
import { HourlyBars } from './hourly-bars';
import { VoucherReport } from './voucher-report';
import '../screens.css';
import './reports.css';

export function ReportsScreen() {
  const { t } = useTranslation();
  const panel = useShiftPanel();
  const canView = usePermission('reports.view') === 'allow';
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
            { key: 'day', label: t('voucher.report.dayTab'), children: <DaySummaryView /> },
            { key: 'vouchers', label: t('voucher.report.tab'), children: <VoucherReport /> },
          ]}
        />
      ) : (
        <Alert type="info" showIcon title={t('reports.managerOnly')} className="screen-note" />
      )}
    </div>
  );
}

function DaySummaryView() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const store = useStoreInfo();
  const [businessDay, setBusinessDay] = useState(store.businessDay);
  const summary = useApiQuery('reports.day', { businessDay }, { placeholderData: keepPreviousData });
  const day = summary.data;
  return (
    <>
      <div className="toolbar">
        <BusinessDayPicker value={businessDay} onChange={setBusinessDay} testId="report-day" />
        <span className="report-day-name">
          {businessDay === store.businessDay ? t('reports.today') : t('reports.dayOf')}{' '}
          {formatBusinessDay(businessDay, locale)}
        </span>
        {summary.isFetching ? <Spin size="small" /> : null}
      </div>
      {summary.error ? <Alert type="error" showIcon title={errorText(summary.error)} className="screen-note" /> : null}
      {day ? (
        <div className="report-body" data-testid="day-summary">
          <DayFigures day={day} />
          <Card size="small" title={t('reports.byHour')} className="report-card">
            <HourlyBars byHour={day.byHour} />
          </Card>
          <div className="report-columns">
            <Card size="small" title={t('reports.byMethod')} className="report-card">
              <MethodTable rows={day.byMethod} />
            </Card>
            <Card size="small" title={t('reports.byChannel')} className="report-card">
              <ChannelTable rows={day.byChannel} />
            </Card>
            <Card size="small" title={t('discounts.title')} className="report-card">
              <DiscountSourceTable rows={day.discountsBySource} />
            </Card>
          </div>
        </div>
      ) : summary.isPending ? (
        <Spin className="drawer-spin" />
      ) : null}
    </>
  );
}
