import { SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { asMoney } from '../../../shared/money';
import { invalidateMethods, useApiMutation } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { EnterSubmits } from '../../components/enter-submits';
import { formatBusinessDay } from '../../frame/business-day';
import { useKeyActions } from '../../hooks/use-key-actions';
import { useMoney } from '../../hooks/use-money';
import { usePermission } from '../../hooks/use-permission';
import { useLocale } from '../../i18n/use-locale';
import { LimitFields } from './limit-fields';
import { ReceiptFields, RuleFields, StoreFields } from './store-settings-fields';
import { type StoreFormValues, toFormValues, toUpdateInput } from './store-settings-form';
import '../screens.css';
import './settings.css';
import './store-settings.css';

const saveShortcut = 'Ctrl+S';
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function StoreSettings() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const store = useStoreInfo();
  const money = useMoney();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StoreFormValues>();
  const canEdit = usePermission('settings.manage') === 'allow';
  const initialValues = useMemo(() => toFormValues(store), [store]);
  const update = useApiMutation('store.update', {
    onSuccess: () => {
      void invalidateMethods(queryClient, ['app.status']);
      message.success(t('storeSettings.saved'));
    },
  });

  useKeyActions({ [saveShortcut]: () => form.submit() }, 0, canEdit);

  const { settings } = store;
  const facts = (
    <Descriptions
      column={3}
      bordered
      size="small"
      className="store-facts"
      items={[
        ...(canEdit
          ? []
          : [
              { key: 'name', label: t('firstRun.storeName'), children: store.name },
              { key: 'zone', label: t('firstRun.timeZone'), children: store.timeZone },
              { key: 'cutoff', label: t('firstRun.cutoff'), children: hourLabel(store.dayCutoffHour) },
              { key: 'device', label: t('storeForm.deviceCode'), children: store.deviceCode },
              { key: 'width', label: t('storeForm.receiptWidth'), children: `${settings.receiptWidth} mm` },
              {
                key: 'variance',
                label: t('storeForm.varianceLimit'),
                children: money(asMoney(settings.varianceApprovalAmount)),
              },
              {
                key: 'rounding',
                label: t('storeForm.rounding'),
                children:
                  settings.cashRounding.step === 1
                    ? t('storeForm.roundingNone')
                    : t('storeForm.roundingTo', { step: money(asMoney(settings.cashRounding.step)) }),
              },
            ]),
        { key: 'currency', label: t('firstRun.currency'), children: store.currency },
        { key: 'day', label: t('status.businessDay'), children: formatBusinessDay(store.businessDay, locale) },
        ...(store.demo ? [{ key: 'demo', label: t('storeSettings.demo'), children: t('storeSettings.demoYes') }] : []),
      ]}
    />
  );

  if (!canEdit) {
    return (
      <Card title={t('storeSettings.title')} className="settings-card">
        <Alert type="info" showIcon title={t('storeSettings.ownerOnly')} className="screen-note" />
        {facts}
      </Card>
    );
  }

  return (
    <Card
      title={t('storeSettings.title')}
      className="settings-card"
      extra={
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={update.isPending}
          onClick={() => form.submit()}
          data-testid="store-save"
        >
          {t('common.save')} <kbd>{saveShortcut}</kbd>
        </Button>
      }
    >
      {facts}
      {update.error ? <Alert type="error" showIcon title={errorText(update.error)} className="form-error" /> : null}
      <Form<StoreFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        scrollToFirstError
        initialValues={initialValues}
        onFinish={(values) => update.mutate(toUpdateInput(values, store.currencyExponent, store.settings))}
        data-testid="store-settings-form"
      >
        <h3 className="settings-section">{t('storeForm.storeSection')}</h3>
        <StoreFields />
        <h3 className="settings-section">{t('storeForm.receiptSection')}</h3>
        <ReceiptFields />
        <h3 className="settings-section">{t('storeForm.rulesSection')}</h3>
        <RuleFields />
        <h3 className="settings-section">{t('limits.section')}</h3>
        <LimitFields />
        <EnterSubmits />
      </Form>
    </Card>
  );
}
