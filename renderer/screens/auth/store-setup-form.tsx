import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PinFields } from '../../components/pin-fields';
import { useLocale } from '../../i18n/use-locale';
import { currencyOptions, cutoffHours, systemTimeZone, timeZoneOptions } from './store-options';
import './auth.css';

export type StoreSetupValues = {
  name: string;
  timeZone: string;
  currency: string;
  dayCutoffHour: number;
  ownerName: string;
  pin: string;
  pinAgain: string;
};

type StoreSetupFormProps = { busy: boolean; onSubmit(values: StoreSetupValues): void };

export function StoreSetupForm({ busy, onSubmit }: StoreSetupFormProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const zones = useMemo(timeZoneOptions, []);
  const currencies = useMemo(() => currencyOptions(locale), [locale]);

  return (
    <Form<StoreSetupValues>
      layout="vertical"
      requiredMark={false}
      disabled={busy}
      onFinish={onSubmit}
      initialValues={{ timeZone: systemTimeZone(), currency: 'CNY', dayCutoffHour: 4 }}
    >
      <Form.Item name="name" label={t('firstRun.storeName')} rules={[{ required: true, whitespace: true, max: 80 }]}>
        <Input placeholder={t('firstRun.storeNamePlaceholder')} maxLength={80} autoFocus />
      </Form.Item>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="timeZone" label={t('firstRun.timeZone')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={zones} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="currency" label={t('firstRun.currency')} rules={[{ required: true }]}>
            <Select options={currencies} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="dayCutoffHour" label={t('firstRun.cutoff')} extra={t('firstRun.cutoffHelp')}>
        <Select options={cutoffHours.map((hour) => ({ value: hour, label: `${String(hour).padStart(2, '0')}:00` }))} />
      </Form.Item>
      <div className="form-section-title">{t('firstRun.ownerTitle')}</div>
      <Form.Item
        name="ownerName"
        label={t('firstRun.ownerName')}
        rules={[{ required: true, whitespace: true, max: 40 }]}
      >
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <PinFields />
      <Button type="primary" htmlType="submit" size="large" block loading={busy}>
        {t('firstRun.create')}
      </Button>
    </Form>
  );
}
