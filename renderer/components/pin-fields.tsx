import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** A new PIN typed twice; lives inside a Form with fields `pin` and `pinAgain`. */
export function PinFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item
          name="pin"
          label={t('firstRun.pin')}
          rules={[{ required: true }, { pattern: /^\d{4,8}$/, message: t('firstRun.pinRule') }]}
        >
          <Input.Password inputMode="numeric" maxLength={8} autoComplete="new-password" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="pinAgain"
          label={t('firstRun.pinAgain')}
          dependencies={['pin']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('pin') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('firstRun.pinMismatch'))),
            }),
          ]}
        >
          <Input.Password inputMode="numeric" maxLength={8} autoComplete="new-password" />
        </Form.Item>
      </Col>
    </Row>
  );
}
