import { Col, Form, Input, Row } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import type { StoreLimits } from '../../../shared/limits';
import { useStoreInfo } from '../../app/store-provider';
import { useCurrencySymbol } from '../../hooks/use-money';
import { highestText, limitKinds, limitNames, parseLimitField } from './limit-form';

/** The store's limits: the till refuses past each one, and asks a manager above the cash-in one. */
export function LimitFields() {
  const { t } = useTranslation();
  const symbol = useCurrencySymbol();
  const exponent = useStoreInfo().currencyExponent;
  const rule = (name: keyof StoreLimits): Rule => ({
    validator: (_, value: string | undefined) =>
      parseLimitField(name, value, exponent) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(t(`limits.invalid.${limitKinds[name]}`, { max: highestText(name, exponent) }))),
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
