import { CloudOutlined, CloudUploadOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Badge, Button, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../app/use-error-text';
import { useNow } from '../hooks/use-now';
import { linkBadges, useSyncStatus } from '../hooks/use-sync-status';
import { useLocale } from '../i18n/use-locale';
import { formatElapsed } from './elapsed';
import { SyncDetails } from './sync-details';
import './frame.css';

/**
 * The link to the platform, always in sight (QUALITY.md): its state, and while offline how long the
 * oldest unsent record has waited, so nobody finds out at closing time that nothing went through.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const status = useSyncStatus();
  const now = useNow(10_000);
  const [open, setOpen] = useState(false);
  const s = status.data;

  const label = s ? t(`sync.link.${s.link}`) : status.error ? t('sync.unknown') : t('sync.checking');
  const oldest = s?.oldestUnsentAt != null && s.unsent > 0 ? formatElapsed(now - s.oldestUnsentAt, locale) : null;
  const backlog = s?.link === 'offline' && oldest ? t('sync.backlog', { count: s.unsent, age: oldest }) : null;
  const attention = s?.needsAttention ?? 0;
  const summary = [label, backlog, attention > 0 ? t('sync.attentionCount', { count: attention }) : null]
    .filter(Boolean)
    .join(' · ');

  const details = s ? (
    <SyncDetails status={s} now={now} onLeave={() => setOpen(false)} />
  ) : (
    <p className="sync-help">{status.error ? errorText(status.error) : t('sync.checking')}</p>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger={['hover', 'click']}
      placement="topRight"
      title={label}
      content={details}
    >
      <Button
        size="small"
        type="text"
        className={`status-sync status-sync-${s?.link ?? 'unknown'}`}
        aria-label={summary}
        data-testid="status-sync"
      >
        {/* A 1024-wide till has room for an icon and the dot only; the words are in the popover. */}
        {s?.link === 'offline' ? (
          <DisconnectOutlined className="status-sync-narrow" />
        ) : (
          <CloudOutlined className="status-sync-narrow" />
        )}
        <Badge status={s ? linkBadges[s.link] : status.error ? 'default' : 'processing'} />
        <span className="status-label">{label}</span>
        {backlog ? (
          <span className="status-label status-sync-backlog" data-testid="sync-backlog">
            <CloudUploadOutlined /> {backlog}
          </span>
        ) : null}
        {attention > 0 ? (
          <Badge count={attention} color="orange" size="small" overflowCount={99} data-testid="sync-attention-count" />
        ) : null}
      </Button>
    </Popover>
  );
}
