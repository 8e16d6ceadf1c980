import { LoginOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { invalidateMethods } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';

type Values = { platformUrl?: string; login: string; password: string };

/** The owner's platform credentials; the address only where this install is not paired. */
export function OwnerSignIn({ askUrl }: { askUrl: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: (values: Values) =>
      api.call('owner.signIn', {
        login: values.login,
        password: values.password,
        ...(askUrl ? { platformUrl: values.platformUrl ?? '' } : {}),
      }),
    onSuccess: () => invalidateMethods(queryClient, ['owner.', 'franchise.']),
  });
  return (
    <Form<Values>
      layout="vertical"
      className="head-office-sign-in"
      data-testid="owner-sign-in"
      onFinish={(values) => signIn.mutate(values)}
      requiredMark={false}
    >
      <p>{t('headOffice.signInIntro')}</p>
      {signIn.error ? <Alert type="error" showIcon title={errorText(signIn.error)} className="screen-note" /> : null}
      {askUrl ? (
        <Form.Item name="platformUrl" label={t('headOffice.platformUrl')} rules={[{ required: true }]}>
          <Input placeholder="https://platform.example.com" autoComplete="url" data-testid="owner-platform-url" />
        </Form.Item>
      ) : null}
      <Form.Item name="login" label={t('headOffice.login')} rules={[{ required: true }]}>
        <Input autoComplete="username" data-testid="owner-login" />
      </Form.Item>
      <Form.Item name="password" label={t('headOffice.password')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" data-testid="owner-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<LoginOutlined />} loading={signIn.isPending}>
        {t('headOffice.signIn')}
      </Button>
    </Form>
  );
}
