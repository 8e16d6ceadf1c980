import { ApiOutlined, DisconnectOutlined, SyncOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Descriptions, Popconfirm, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract/sync';
import { invalidateMethods, useApiMutation } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { formatAgo, formatElapsed } from '../../frame/elapsed';
import { useKeyActions } from '../../hooks/use-key-actions';
import { useNow } from '../../hooks/use-now';
import { usePermission } from '../../hooks/use-permission';
import { linkBadges, useSyncStatus } from '../../hooks/use-sync-status';
import { useLocale } from '../../i18n/use-locale';
import { useStoreTime } from '../orders/order-labels';
import { PairForm, type PairValues } from './pair-form';
import { SyncAttention } from './sync-attention';
import '../screens.css';
import './settings.css';

const syncShortcut = 'Alt+N';

/** The till's link to the O2O platform: pairing it once, then how its sync is going. */
export function PlatformSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = useSyncStatus();
  const canSeeRecords = usePermission('reports.view') === 'allow';
  // Kept here, above the form: the form gives way to a spinner while pairing, and a refused code
  // should come back with what was typed, to correct rather than retype.
  const [tried, setTried] = useState<PairValues | null>(null);
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
          <PairForm status={s} tried={tried} onTry={setTried} />
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

function PairedFacts({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const store = useStoreInfo();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const canPair = usePermission('platform.pair') === 'allow';
  const { dateTime } = useStoreTime();
  const now = useNow(10_000);
  const retry = useApiMutation('sync.retryNow', {
    onSuccess: () => message.info(t('sync.retrying')),
    onError: (error) => message.error(errorText(error)),
  });
  const unpair = useApiMutation('sync.unpair', {
    onSuccess: (next) => {
      queryClient.setQueryData(['sync.status', {}], next);
      void invalidateMethods(queryClient, ['sync.']);
      message.success(t('platform.unpaired'));
    },
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
                : t('platform.lastSyncAt', {
                    time: dateTime(status.lastSyncAt),
                    ago: formatAgo(now - status.lastSyncAt, locale, t('sync.justNow')),
                  }),
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
        <span className="muted platform-sync-help">
          <ApiOutlined /> {t('platform.syncHelp')}
        </span>
        {canPair ? (
          <Popconfirm
            title={t('platform.unpairConfirm')}
            description={<p className="platform-unpair-note">{t('platform.unpairExplain')}</p>}
            okText={t('platform.unpair')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => unpair.mutate({})}
          >
            <Button danger icon={<DisconnectOutlined />} loading={unpair.isPending} data-testid="unpair">
              {t('platform.unpair')}
            </Button>
          </Popconfirm>
        ) : null}
      </div>
    </>
  );
}
