import { ExclamationCircleOutlined, LinkOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../shared/contract/sync';
import { useApiMutation } from '../api/use-api';
import { useErrorText } from '../app/use-error-text';
import { usePermission } from '../hooks/use-permission';
import { useLocale } from '../i18n/use-locale';
import { formatAgo, formatElapsed } from './elapsed';
import { useNavigate } from './navigation';
import './frame.css';

type SyncDetailsProps = { status: SyncStatus; now: number; onLeave(): void };

/** The status bar's popover: what was sent, what waits and since when, and what went wrong. */
export function SyncDetails({ status, now, onLeave }: SyncDetailsProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const canPair = usePermission('platform.pair') === 'allow';
  const canSeeList = usePermission('reports.view') === 'allow';
  const retry = useApiMutation('sync.retryNow', {
    onSuccess: () => message.info(t('sync.retrying')),
    onError: (error) => message.error(errorText(error)),
  });
  const openPlatform = () => {
    onLeave();
    navigate({ screen: 'settings', section: 'platform' });
  };
  const paired = status.link === 'online' || status.link === 'retrying' || status.link === 'offline';

  if (!paired) {
    return (
      <div className="sync-details" data-testid="sync-details">
        {status.link === 'pairing' ? (
          <p className="sync-pairing">
            <Spin size="small" /> {t('sync.pairingWith', { url: status.platformUrl ?? '' })}
          </p>
        ) : (
          <p className="sync-help">{t('sync.unpairedHelp')}</p>
        )}
        {status.pairingProblem ? <p className="sync-problem">{status.pairingProblem.message}</p> : null}
        {canPair && status.link === 'unpaired' ? (
          <Button size="small" icon={<LinkOutlined />} onClick={openPlatform} data-testid="sync-pair-link">
            {t('sync.pairInSettings')}
          </Button>
        ) : null}
      </div>
    );
  }

  const oldest = status.oldestUnsentAt === null ? null : formatElapsed(now - status.oldestUnsentAt, locale);
  return (
    <div className="sync-details" data-testid="sync-details">
      <dl className="sync-facts">
        <dt>{t('sync.platform')}</dt>
        <dd>{status.platformStoreName ?? status.platformUrl}</dd>
        <dt>{t('sync.lastSync')}</dt>
        <dd>
          {status.lastSyncAt === null ? t('sync.never') : formatAgo(now - status.lastSyncAt, locale, t('sync.justNow'))}
        </dd>
        <dt>{t('sync.unsent')}</dt>
        <dd data-testid="sync-unsent">
          {status.unsent === 0 || oldest === null
            ? t('sync.allSent')
            : t('sync.unsentCount', { count: status.unsent, age: oldest })}
        </dd>
      </dl>
      {status.link === 'retrying' ? (
        <p className="sync-help" data-testid="sync-retrying-help">
          {t('sync.retryingHelp')}
        </p>
      ) : null}
      {status.lastProblem ? (
        <p className="sync-problem" data-testid="sync-problem">
          <ExclamationCircleOutlined /> {status.lastProblem.message}
        </p>
      ) : null}
      {status.needsAttention > 0 ? (
        <div className="sync-attention" data-testid="sync-attention">
          <span>{t('sync.attentionCount', { count: status.needsAttention })}</span>
          {canSeeList ? (
            <Button size="small" type="link" onClick={openPlatform} data-testid="sync-attention-link">
              {t('sync.openList')}
            </Button>
          ) : (
            <span className="muted">{t('sync.tellManager')}</span>
          )}
        </div>
      ) : null}
      {status.link !== 'online' || status.unsent > 0 ? (
        <Button
          size="small"
          icon={<SyncOutlined />}
          loading={retry.isPending}
          onClick={() => retry.mutate({})}
          data-testid="sync-retry"
        >
          {t('sync.retryNow')}
        </Button>
      ) : null}
    </div>
  );
}
