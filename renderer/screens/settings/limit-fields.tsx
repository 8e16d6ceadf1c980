import { Col, Form, Input, Row } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import type { StoreLimits } from '../../../shared/limits';
import { asMoney } from '../../../shared/money';
import { useStoreInfo } from '../../app/store-provider';
import { useCurrencySymbol, useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';
import { highestValue, limitKinds, limitNames, parseLimitField } from './limit-form';

/** The store's limits: the till refuses past each one, and asks a manager above the cash-in one. */
export function LimitFields() {
  const { t } = useTranslation();
  const symbol = useCurrencySymbol();
  const exponent = useStoreInfo().currencyExponent;
  const money = useMoney();
  const { locale } = useLocale();
  // Said as people read figures ("¥10,000,000.00", "1,000"), not as the field takes them.
  const highestSaid = (name: keyof StoreLimits): string => {
    const value = highestValue(name);
    switch (limitKinds[name]) {
      case 'money':
        return money(asMoney(value));
      case 'kg':
        return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value / 1_000);
      case 'count':
        return new Intl.NumberFormat(locale).format(value);
    }
  };
  const rule = (name: keyof StoreLimits): Rule => ({
    validator: (_, value: string | undefined) =>
      parseLimitField(name, value, exponent) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(t(`limits.invalid.${limitKinds[name]}`, { max: highestSaid(name) }))),
  });
  return (
    <Row gutter={16}>
      {limitNames.map((name) => {
        const kind = limitKinds[name];
        return (
          <Col span={12} key={name}>
            <Form.Item name={name} label={t(`limits.${name}`)} extra={t(`limits.help.${name}`)} rules={[rule(name)]}>
              <Input
                inputMode={kind === 'count' ? 'numeric' : 'decimal'}
                prefix={kind === 'money' ? symbol : undefined}
                suffix={kind === 'kg' ? 'kg' : undefined}
                autoComplete="off"
                data-testid={`limit-${name}`}
              />
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}
