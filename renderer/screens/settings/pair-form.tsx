import { LinkOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract/sync';
import { invalidateMethods, useApiMutation } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { EnterSubmits } from '../../components/enter-submits';
import { usePermission } from '../../hooks/use-permission';
import './settings.css';

export type PairValues = { platformUrl: string; code: string };

function validUrl(text: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(text.trim()) && URL.canParse(text.trim());
}

export type PairFormProps = { status: SyncStatus; tried: PairValues | null; onTry(values: PairValues): void };

/** The owner's form: the platform's address and the one-time code from its store admin. */
export function PairForm({ status, tried, onTry }: PairFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canPair = usePermission('platform.pair') === 'allow';
  const [form] = Form.useForm<PairValues>();
  const pair = useApiMutation('sync.pair', {
    onSuccess: (next) => {
      queryClient.setQueryData(['sync.status', {}], next);
      void invalidateMethods(queryClient, ['sync.']);
    },
  });
  const errorText = useErrorText();

  if (!canPair) {
    return <Alert type="info" showIcon title={t('platform.ownerOnly')} data-testid="platform-owner-only" />;
  }
  return (
    <>
      <p className="muted">{t('platform.explain')}</p>
      {status.pairingProblem ? (
        <Alert
          type="error"
          showIcon
          title={t('platform.pairingFailed')}
          description={status.pairingProblem.message}
          className="form-error"
          data-testid="pairing-problem"
        />
      ) : null}
      {pair.error ? <Alert type="error" showIcon title={errorText(pair.error)} className="form-error" /> : null}
      <Form<PairValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="pair-form"
        initialValues={tried ?? { platformUrl: status.platformUrl ?? '', code: '' }}
        onFinish={(values) => {
          onTry(values);
          pair.mutate({ platformUrl: values.platformUrl.trim(), code: values.code.trim() });
        }}
        data-testid="pair-form"
      >
        <Form.Item
          name="platformUrl"
          label={t('platform.url')}
          extra={t('platform.urlHelp')}
          rules={[
            { required: true, message: t('platform.urlRequired') },
            {
              validator: (_, value: string) => (!value || validUrl(value) ? Promise.resolve() : Promise.reject()),
              message: t('platform.urlInvalid'),
            },
          ]}
        >
          <Input
            size="large"
            autoFocus
            placeholder="https://platform.example.com"
            autoComplete="off"
            spellCheck={false}
            maxLength={300}
            data-testid="pair-url"
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('platform.code')}
          extra={t('platform.codeHelp')}
          rules={[
            { required: true, message: t('platform.codeRequired') },
            { min: 4, max: 32, message: t('platform.codeLength') },
          ]}
        >
          <Input
            size="large"
            className="pair-code"
            autoComplete="off"
            spellCheck={false}
            maxLength={32}
            data-testid="pair-code"
          />
        </Form.Item>
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          icon={<LinkOutlined />}
          loading={pair.isPending}
          data-testid="pair-submit"
        >
          {t('platform.pair')} <kbd>Enter</kbd>
        </Button>
        <EnterSubmits />
      </Form>
    </>
  );
}
