import { Col, Form, Input, Radio, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { asMoney, parsePercentBp } from '../../../shared/money';
import { ReceiptUrlPattern } from '../../../shared/store-settings';
import { useStoreInfo } from '../../app/store-provider';
import { useCurrencySymbol, useMoney } from '../../hooks/use-money';
import { cutoffHours, timeZoneOptions } from '../auth/store-options';
import { parseLimit, roundingSteps } from './store-settings-form';
import './store-settings.css';

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function StoreFields() {
  const { t } = useTranslation();
  const zones = useMemo(timeZoneOptions, []);
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="name" label={t('firstRun.storeName')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={80} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="deviceCode"
          label={t('storeForm.deviceCode')}
          extra={t('storeForm.deviceCodeHelp')}
          normalize={(value: string) => value.toUpperCase()}
          rules={[{ required: true, pattern: /^[A-Z0-9]{1,3}$/, message: t('storeForm.deviceCodeInvalid') }]}
        >
          <Input maxLength={3} className="device-code-input" data-testid="device-code" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="timeZone" label={t('firstRun.timeZone')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={zones} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="dayCutoffHour" label={t('firstRun.cutoff')} extra={t('firstRun.cutoffHelp')}>
          <Select options={cutoffHours.map((hour) => ({ value: hour, label: hourLabel(hour) }))} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function ReceiptFields() {
  const { t } = useTranslation();
  const urlRule: Rule = {
    validator: (_, value: string | undefined) =>
      ReceiptUrlPattern.safeParse(value ?? '').success
        ? Promise.resolve()
        : Promise.reject(new Error(t('storeForm.receiptUrlInvalid'))),
  };
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="address" label={t('storeForm.address')}>
          <Input maxLength={120} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="phone" label={t('storeForm.phone')}>
          <Input maxLength={40} inputMode="tel" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="receiptFooter" label={t('storeForm.receiptFooter')}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="receiptWidth" label={t('storeForm.receiptWidth')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: '58', label: t('storeForm.width58') },
              { value: '80', label: t('storeForm.width80') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="receiptUrlPattern"
          label={t('storeForm.receiptUrl')}
          extra={t('storeForm.receiptUrlHelp')}
          rules={[urlRule]}
        >
          <Input maxLength={300} placeholder="https://example.com/r/{number}" data-testid="receipt-url" />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function RuleFields() {
  const { t } = useTranslation();
  const money = useMoney();
  const symbol = useCurrencySymbol();
  const exponent = useStoreInfo().currencyExponent;
  const amountRule: Rule = {
    validator: (_, value: string | undefined) =>
      parseLimit(value, exponent) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(t('productEditor.amountInvalid', { digits: exponent }))),
  };
  const percentRule: Rule = {
    validator: (_, value: string | undefined) =>
      parsePercentBp(value) !== null ? Promise.resolve() : Promise.reject(new Error(t('storeForm.percentInvalid'))),
  };
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="roundingStep" label={t('storeForm.rounding')} extra={t('storeForm.roundingHelp')}>
          <Select
            options={roundingSteps.map((step) => ({
              value: step,
              label:
                step === 1 ? t('storeForm.roundingNone') : t('storeForm.roundingTo', { step: money(asMoney(step)) }),
            }))}
            data-testid="rounding-step"
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="roundingMode" label={t('storeForm.roundingMode')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'nearest', label: t('storeForm.roundNearest') },
              { value: 'down', label: t('storeForm.roundDown') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="scaleLabel" label={t('storeForm.scaleLabel')} extra={t('storeForm.scaleLabelHelp')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'price', label: t('storeForm.scalePrice') },
              { value: 'weight', label: t('storeForm.scaleWeight') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="varianceAmount"
          label={t('storeForm.varianceLimit')}
          extra={t('storeForm.varianceLimitHelp')}
          rules={[amountRule]}
        >
          <Input inputMode="decimal" prefix={symbol} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="discountPercent"
          label={t('storeForm.discountPercent')}
          extra={t('storeForm.discountPercentHelp')}
          rules={[percentRule]}
        >
          <Input inputMode="decimal" suffix="%" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="discountAmount"
          label={t('storeForm.discountAmount')}
          extra={t('storeForm.discountAmountHelp')}
          rules={[amountRule]}
        >
          <Input inputMode="decimal" prefix={symbol} />
        </Form.Item>
      </Col>
    </Row>
  );
}
