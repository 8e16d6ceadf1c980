import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateMethods, useApiMutation } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { formatBusinessDay } from '../../frame/business-day';
import { usePermission } from '../../hooks/use-permission';
import { useLocale } from '../../i18n/use-locale';
import { cutoffHours, timeZoneOptions } from '../auth/store-options';
import '../screens.css';
import './settings.css';

type StoreValues = { name: string; timeZone: string; dayCutoffHour: number };

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function StoreSettings() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const store = useStoreInfo();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const canEdit = usePermission('settings.manage') === 'allow';
  const zones = useMemo(timeZoneOptions, []);
  const update = useApiMutation('store.update', {
    onSuccess: () => {
      void invalidateMethods(queryClient, ['app.status']);
      message.success(t('storeSettings.saved'));
    },
  });

  const facts = (
    <Descriptions
      column={1}
      bordered
      size="middle"
      items={[
        ...(canEdit
          ? []
          : [
              { key: 'name', label: t('firstRun.storeName'), children: store.name },
              { key: 'zone', label: t('firstRun.timeZone'), children: store.timeZone },
              { key: 'cutoff', label: t('firstRun.cutoff'), children: hourLabel(store.dayCutoffHour) },
            ]),
        { key: 'currency', label: t('firstRun.currency'), children: store.currency },
        { key: 'day', label: t('status.businessDay'), children: formatBusinessDay(store.businessDay, locale) },
        ...(store.demo ? [{ key: 'demo', label: t('storeSettings.demo'), children: t('storeSettings.demoYes') }] : []),
      ]}
    />
  );

  return (
    <Card title={t('storeSettings.title')} className="settings-card">
      {canEdit ? (
        <div className="store-settings-body">
          <div>
            {update.error ? (
              <Alert type="error" showIcon title={errorText(update.error)} className="form-error" />
            ) : null}
            <Form<StoreValues>
              layout="vertical"
              requiredMark={false}
              initialValues={{ name: store.name, timeZone: store.timeZone, dayCutoffHour: store.dayCutoffHour }}
              onFinish={(values) => update.mutate({ ...values, name: values.name.trim() })}
            >
              <Form.Item name="name" label={t('firstRun.storeName')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={80} />
              </Form.Item>
              <Form.Item name="timeZone" label={t('firstRun.timeZone')}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={zones} />
              </Form.Item>
              <Form.Item name="dayCutoffHour" label={t('firstRun.cutoff')} extra={t('firstRun.cutoffHelp')}>
                <Select options={cutoffHours.map((hour) => ({ value: hour, label: hourLabel(hour) }))} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={update.isPending}>
                {t('common.save')}
              </Button>
            </Form>
          </div>
          {facts}
        </div>
      ) : (
        <>
          <Alert type="info" showIcon title={t('storeSettings.ownerOnly')} className="screen-note" />
          {facts}
        </>
      )}
    </Card>
  );
}
