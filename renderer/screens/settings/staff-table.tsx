import { EditOutlined, KeyOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffInfo } from '../../../shared/contract/staff';
import { sessionStore, useSession } from '../../api/session-store';
import { invalidateMethods, useApiMutation, useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { RoleTag } from '../../components/role-tag';
import { ResetPinDialog } from './reset-pin-dialog';
import { StaffEditor } from './staff-editor';
import './settings.css';

type Dialog = { kind: 'edit'; staff: StaffInfo | null } | { kind: 'pin'; staff: StaffInfo } | null;

export function StaffTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const session = useSession();
  const staff = useApiQuery('staff.list', {});
  const [dialog, setDialog] = useState<Dialog>(null);

  const saved = (changed: StaffInfo) => {
    sessionStore.updateStaff(changed);
    void invalidateMethods(queryClient, ['staff.']);
    message.success(t('staff.saved', { name: changed.name }));
    setDialog(null);
  };
  const setActive = useApiMutation('staff.update', {
    onSuccess: saved,
    onError: (error) => message.error(errorText(error)),
  });

  const columns: ColumnsType<StaffInfo> = [
    {
      key: 'name',
      title: t('staff.name'),
      render: (_, s) => (
        <span>
          {s.name} {s.id === session?.staff.id ? <Tag>{t('staff.you')}</Tag> : null}
        </span>
      ),
    },
    { key: 'role', title: t('staff.role'), render: (_, s) => <RoleTag role={s.role} /> },
    {
      key: 'status',
      title: t('product.status'),
      render: (_, s) => (s.active ? <Tag color="green">{t('staff.active')}</Tag> : <Tag>{t('staff.deactivated')}</Tag>),
    },
    {
      key: 'actions',
      title: '',
      align: 'right',
      render: (_, s) => (
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', staff: s })}>
            {t('common.edit')}
          </Button>
          <Button icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'pin', staff: s })}>
            {t('staff.resetPin')}
          </Button>
          <Popconfirm
            title={
              s.active ? t('staff.deactivateConfirm', { name: s.name }) : t('staff.activateConfirm', { name: s.name })
            }
            okText={t('common.yes')}
            cancelText={t('common.no')}
            onConfirm={() => setActive.mutate({ id: s.id, active: !s.active })}
          >
            <Button danger={s.active} icon={s.active ? <StopOutlined /> : <UndoOutlined />}>
              {s.active ? t('staff.deactivate') : t('staff.activate')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('staff.title')}
      className="settings-card"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'edit', staff: null })}>
          {t('staff.add')}
        </Button>
      }
    >
      {staff.error ? <Alert type="error" showIcon title={errorText(staff.error)} /> : null}
      <Table<StaffInfo>
        rowKey="id"
        columns={columns}
        dataSource={staff.data?.staff ?? []}
        loading={staff.isFetching}
        pagination={false}
      />
      {dialog?.kind === 'edit' ? (
        <StaffEditor staff={dialog.staff} onSaved={saved} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'pin' ? (
        <ResetPinDialog
          staff={dialog.staff}
          onDone={() => {
            message.success(t('staff.pinReset', { name: dialog.staff.name }));
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Card>
  );
}
