import { FileSearchOutlined, LoginOutlined, LogoutOutlined, PoweroffOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { GuardedButton } from '../../components/guarded-button';
import { formatBusinessDay } from '../../frame/business-day';
import { useKeyActions } from '../../hooks/use-key-actions';
import { useMoney } from '../../hooks/use-money';
import { usePermission } from '../../hooks/use-permission';
import { useLocale } from '../../i18n/use-locale';
import { printReceipt } from '../../print/print-receipt';
import { useStoreTime } from '../orders/order-labels';
import { ReceiptPreview } from '../orders/receipt-preview';
import { CashMovementDialog } from './cash-movement-dialog';
import { CloseShiftDialog, type ShiftClosed } from './close-shift-dialog';
import { OpenShiftForm } from './open-shift-form';
import { useCurrentShift } from './shift-panel-provider';
import { ZReportResult } from './z-report-result';
import './shift.css';

export const shiftKeys = { cashIn: 'Alt+I', cashOut: 'Alt+U', xReport: 'Alt+X', close: 'Alt+Z' } as const;

type Dialog = 'in' | 'out' | 'close' | null;

export function CurrentShift() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const money = useMoney();
  const errorText = useErrorText();
  const { dateTime } = useStoreTime();
  const width = useStoreInfo().settings.receiptWidth;
  const current = useCurrentShift();
  const canViewReports = usePermission('reports.view') === 'allow';
  const cashOutNeedsManager = usePermission('cash.out') === 'needs_approval';
  const [dialog, setDialog] = useState<Dialog>(null);
  const [xReport, setXReport] = useState<string | null>(null);
  // Kept here, not in the close dialog: once the shift is closed this panel shows the open form.
  const [closed, setClosed] = useState<ShiftClosed | null>(null);
  const shift = current.data?.shift ?? null;
  const x = useMutation({
    mutationFn: () => api.call('shift.xReport', { width }),
    onSuccess: ({ html }) => setXReport(html),
    onError: (error) => message.error(errorText(error)),
  });
  const print = useMutation({
    mutationFn: (html: string) => printReceipt(html, width),
    onError: (error) => message.error(errorText(error)),
  });

  useKeyActions(
    {
      [shiftKeys.cashIn]: () => setDialog('in'),
      [shiftKeys.cashOut]: () => setDialog('out'),
      [shiftKeys.xReport]: () => canViewReports && !x.isPending && x.mutate(),
      [shiftKeys.close]: () => setDialog('close'),
    },
    1,
    shift !== null,
  );

  const zReport = closed ? <ZReportResult result={closed} onClose={() => setClosed(null)} /> : null;
  if (current.isPending) return <Spin className="drawer-spin" />;
  if (current.error) return <Alert type="error" showIcon title={errorText(current.error)} />;
  if (!shift) {
    return (
      <>
        <OpenShiftForm />
        {zReport}
      </>
    );
  }

  return (
    <div className="current-shift" data-testid="current-shift">
      <Alert
        type="success"
        showIcon
        title={t('shift.openBy', { name: shift.openedByName, time: dateTime(shift.openedAt) })}
        className="screen-note"
      />
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'by', label: t('shift.openedBy'), children: shift.openedByName },
          { key: 'at', label: t('shift.openedAt'), children: dateTime(shift.openedAt) },
          { key: 'day', label: t('shift.businessDay'), children: formatBusinessDay(shift.businessDay, locale) },
          { key: 'float', label: t('shift.float'), children: money(shift.float) },
        ]}
      />
      <div className="shift-actions">
        <Button size="large" icon={<LoginOutlined />} onClick={() => setDialog('in')} data-testid="cash-in-button">
          {t('shift.cashIn')} <kbd>{shiftKeys.cashIn}</kbd>
        </Button>
        <Button
          size="large"
          icon={<LogoutOutlined />}
          title={cashOutNeedsManager ? t('shift.needsManager') : undefined}
          onClick={() => setDialog('out')}
          data-testid="cash-out-button"
        >
          {t('shift.cashOut')} <kbd>{shiftKeys.cashOut}</kbd>
        </Button>
        <GuardedButton
          permission="reports.view"
          deniedText={t('shift.managerOnly')}
          size="large"
          icon={<FileSearchOutlined />}
          loading={x.isPending}
          onClick={() => x.mutate()}
          data-testid="x-report-button"
        >
          {t('shift.xReport')} <kbd>{shiftKeys.xReport}</kbd>
        </GuardedButton>
        <Button
          size="large"
          type="primary"
          danger
          icon={<PoweroffOutlined />}
          onClick={() => setDialog('close')}
          data-testid="shift-close-button"
        >
          {t('shift.close')} <kbd>{shiftKeys.close}</kbd>
        </Button>
      </div>
      <p className="muted shift-hint">{t('shift.closeHint')}</p>
      {dialog === 'in' || dialog === 'out' ? (
        <CashMovementDialog kind={dialog} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'close' ? (
        <CloseShiftDialog
          onClose={() => setDialog(null)}
          onClosed={(result) => {
            setDialog(null);
            setClosed(result);
          }}
        />
      ) : null}
      {zReport}
      {xReport !== null ? (
        <ReceiptPreview
          title={t('shift.xReportTitle')}
          html={xReport}
          width={width}
          depth={1}
          testId="x-report"
          printing={print.isPending}
          onPrint={() => print.mutate(xReport)}
          onClose={() => setXReport(null)}
        >
          <p className="muted">{t('shift.xReportNote')}</p>
        </ReceiptPreview>
      ) : null}
    </div>
  );
}
