import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffInfo } from '../../../shared/contract/staff';
import type { Role } from '../../../shared/roles';
import { useApiMutation } from '../../api/use-api';
import { EditorModal } from '../../components/editor-modal';
import { EnterSubmits } from '../../components/enter-submits';
import { PinFields } from '../../components/pin-fields';

type StaffValues = { name: string; role: Role; pin: string; pinAgain: string };

type StaffEditorProps = { staff: StaffInfo | null; onSaved(staff: StaffInfo): void; onClose(): void };

/** Adds a person (with a first PIN) or changes someone's name and role. */
export function StaffEditor({ staff, onSaved, onClose }: StaffEditorProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StaffValues>();
  const create = useApiMutation('staff.create', { onSuccess: onSaved });
  const update = useApiMutation('staff.update', { onSuccess: onSaved });
  const error = create.error ?? update.error;

  const submit = (values: StaffValues) => {
    const name = values.name.trim();
    if (staff) update.mutate({ id: staff.id, name, role: values.role });
    else create.mutate({ name, role: values.role, pin: values.pin });
  };

  return (
    <EditorModal
      title={staff ? t('staff.editTitle') : t('staff.newTitle')}
      saving={create.isPending || update.isPending}
      error={error}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Form<StaffValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={staff ? { name: staff.name, role: staff.role } : { role: 'cashier' }}
        onFinish={submit}
      >
        <Form.Item name="name" label={t('staff.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
          <Input maxLength={40} autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('staff.role')} extra={t('staff.roleHelp')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={(['cashier', 'manager', 'owner'] as const).map((role) => ({
              value: role,
              label: t(`roles.${role}`),
            }))}
          />
        </Form.Item>
        {staff ? null : <PinFields />}
        <EnterSubmits />
      </Form>
    </EditorModal>
  );
}
