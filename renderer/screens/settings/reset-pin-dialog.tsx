import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffInfo } from '../../../shared/contract/staff';
import { useApiMutation } from '../../api/use-api';
import { EditorModal } from '../../components/editor-modal';
import { EnterSubmits } from '../../components/enter-submits';
import { PinFields } from '../../components/pin-fields';

type ResetPinDialogProps = { staff: StaffInfo; onDone(): void; onClose(): void };

export function ResetPinDialog({ staff, onDone, onClose }: ResetPinDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ pin: string; pinAgain: string }>();
  const update = useApiMutation('staff.update', { onSuccess: onDone });
  return (
    <EditorModal
      title={t('staff.resetPinTitle', { name: staff.name })}
      saving={update.isPending}
      error={update.error}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <p>{t('staff.resetPinHelp')}</p>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ pin }) => update.mutate({ id: staff.id, pin })}
      >
        <PinFields />
        <EnterSubmits />
      </Form>
    </EditorModal>
  );
}
