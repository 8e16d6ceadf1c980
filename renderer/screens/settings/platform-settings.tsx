import { ApiOutlined, LinkOutlined, SyncOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Descriptions, Form, Input, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract/sync';
import { invalidateMethods, useApiMutation } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { EnterSubmits } from '../../components/enter-submits';
import { formatAgo, formatElapsed } from '../../frame/elapsed';
import { useKeyActions } from '../../hooks/use-key-actions';
import { useNow } from '../../hooks/use-now';
import { usePermission } from '../../hooks/use-permission';
import { linkBadges, useSyncStatus } from '../../hooks/use-sync-status';
import { useLocale } from '../../i18n/use-locale';
import { useStoreTime } from '../orders/order-labels';
import { SyncAttention } from './sync-attention';
import '../screens.css';
import './settings.css';

const syncShortcut = 'Alt+S';

/** The till's link to the O2O platform: pairing it once, then how its sync is going. */
export function PlatformSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = useSyncStatus();
  const canSeeRecords = usePermission('reports.view') === 'allow';
  const s = status.data;
  return (
    <div className="settings-stack">
      <Card title={t('platform.title')} className="settings-card" data-testid="platform-card">
        {status.error ? <Alert type="error" showIcon title={errorText(status.error)} /> : null}
        {!s ? (
          status.isPending ? (
            <Spin />
          ) : null
        ) : s.link === 'unpaired' ? (
          <PairForm status={s} />
        ) : s.link === 'pairing' ? (
          <div className="platform-pairing" data-testid="platform-pairing">
            <Spin />
            <div>
              <p className="platform-pairing-title">{t('sync.pairingWith', { url: s.platformUrl ?? '' })}</p>
              <p className="muted">{t('platform.pairingHelp')}</p>
            </div>
          </div>
        ) : (
          <PairedFacts status={s} />
        )}
      </Card>
      {canSeeRecords ? <SyncAttention /> : null}
    </div>
  );
}

type PairValues = { platformUrl: string; code: string };

function validUrl(text: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(text.trim()) && URL.canParse(text.trim());
}

function PairForm({ status }: { status: SyncStatus }) {
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
        initialValues={{ platformUrl: status.platformUrl ?? '', code: '' }}
        onFinish={(values) => pair.mutate({ platformUrl: values.platformUrl.trim(), code: values.code.trim() })}
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

function PairedFacts({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const store = useStoreInfo();
  const errorText = useErrorText();
  const { dateTime } = useStoreTime();
  const now = useNow(10_000);
  const retry = useApiMutation('sync.retryNow', {
    onSuccess: () => message.info(t('sync.retrying')),
    onError: (error) => message.error(errorText(error)),
  });
  const syncNow = () => {
    if (!retry.isPending) retry.mutate({});
  };
  useKeyActions({ [syncShortcut]: syncNow });

  const oldest = status.oldestUnsentAt === null ? null : formatElapsed(now - status.oldestUnsentAt, locale);
  return (
    <>
      {status.lastProblem ? (
        <Alert
          type="warning"
          showIcon
          title={status.lastProblem.message}
          className="form-error"
          data-testid="last-problem"
        />
      ) : null}
      <Descriptions
        column={1}
        bordered
        size="small"
        className="platform-facts"
        items={[
          {
            key: 'state',
            label: t('platform.state'),
            children: (
              <span data-testid="platform-state">
                <Badge status={linkBadges[status.link]} text={t(`sync.link.${status.link}`)} />
              </span>
            ),
          },
          { key: 'url', label: t('platform.url'), children: <span className="cell-code">{status.platformUrl}</span> },
          { key: 'store', label: t('platform.storeName'), children: status.platformStoreName ?? '—' },
          {
            key: 'till',
            label: t('storeForm.deviceCode'),
            children: <span className="cell-code">{store.deviceCode}</span>,
          },
          {
            key: 'last',
            label: t('sync.lastSync'),
            children:
              status.lastSyncAt === null
                ? t('sync.never')
                : `${dateTime(status.lastSyncAt)} (${formatAgo(now - status.lastSyncAt, locale, t('sync.justNow'))})`,
          },
          {
            key: 'unsent',
            label: t('sync.unsent'),
            children:
              status.unsent === 0 || oldest === null
                ? t('sync.allSent')
                : t('sync.unsentCount', { count: status.unsent, age: oldest }),
          },
        ]}
      />
      <div className="platform-actions">
        <Button icon={<SyncOutlined />} loading={retry.isPending} onClick={syncNow} data-testid="sync-now">
          {t('sync.retryNow')} <kbd>{syncShortcut}</kbd>
        </Button>
        <span className="muted">
          <ApiOutlined /> {t('platform.syncHelp')}
        </span>
      </div>
    </>
  );
}
