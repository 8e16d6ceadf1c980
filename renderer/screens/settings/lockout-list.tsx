import { UnlockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Lockout } from '../../../shared/contract/staff';
import { useSession } from '../../api/session-store';
import { invalidateMethods, useApiMutation, useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { RoleTag } from '../../components/role-tag';
import { useNow } from '../../hooks/use-now';
import './settings.css';

/**
 * People locked out by wrong PINs, from their own sign-in or from asking for approvals. A held
 * lock (after the timed rounds) lasts until a manager or owner lifts it here; a timed one may be
 * lifted early too. Lifting is audited; nobody lifts their own.
 */
export function LockoutList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const session = useSession();
  const now = useNow(30_000);
  // A lock-out starts on a refused call, which announces nothing; the list looks again now and then.
  const lockouts = useApiQuery('staff.lockouts', {}, { refetchInterval: 30_000 });
  const lift = useApiMutation('staff.clearLockout', {
    onSuccess: (_, input) => {
      void invalidateMethods(queryClient, ['staff.']);
      const name = lockouts.data?.lockouts.find((l) => l.staffId === input.staffId)?.name ?? '';
      message.success(t('lockouts.lifted', { name }));
    },
    onError: (error) => message.error(errorText(error)),
  });

  const columns: ColumnsType<Lockout> = [
    { key: 'name', title: t('staff.name'), render: (_, l) => l.name },
    { key: 'role', title: t('staff.role'), render: (_, l) => <RoleTag role={l.role} /> },
    {
      key: 'kind',
      title: t('lockouts.what'),
      render: (_, l) => (l.kind === 'sign_in' ? t('lockouts.signIn') : t('lockouts.approvals')),
    },
    {
      key: 'until',
      title: t('lockouts.until'),
      render: (_, l) =>
        l.held || l.lockedUntil === null ? (
          <Tag color="red">{t('lockouts.held')}</Tag>
        ) : (
          t('lockouts.minutes', { count: Math.max(1, Math.ceil((l.lockedUntil - now) / 60_000)) })
        ),
    },
    {
      key: 'actions',
      title: '',
      align: 'right',
      render: (_, l) =>
        l.staffId === session?.staff.id ? null : (
          <Popconfirm
            title={t('lockouts.confirm', { name: l.name })}
            okText={t('common.yes')}
            cancelText={t('common.no')}
            onConfirm={() => lift.mutate({ staffId: l.staffId, kind: l.kind })}
          >
            <Button icon={<UnlockOutlined />} data-testid={`unlock-${l.name}`}>
              {t('lockouts.unlock')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card title={t('lockouts.title')} size="small" className="lockout-list">
      {lockouts.error ? <Alert type="error" showIcon title={errorText(lockouts.error)} /> : null}
      <Table<Lockout>
        rowKey={(l) => `${l.staffId}:${l.kind}`}
        columns={columns}
        dataSource={lockouts.data?.lockouts ?? []}
        loading={lockouts.isPending}
        pagination={false}
        size="small"
        locale={{ emptyText: t('lockouts.none') }}
      />
    </Card>
  );
}
