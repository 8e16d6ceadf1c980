import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffInfo } from '../../../shared/contract/staff';
import { useApiMutation } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { EnterSubmits } from '../../components/enter-submits';
import { PinFields } from '../../components/pin-fields';

type ResetPinDialogProps = { staff: StaffInfo; onDone(): void; onClose(): void };

export function ResetPinDialog({ staff, onDone, onClose }: ResetPinDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ pin: string; pinAgain: string }>();
  const update = useApiMutation('staff.update', { onSuccess: onDone });
  return (
    <Modal
      open
      title={t('staff.resetPinTitle', { name: staff.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <p>{t('staff.resetPinHelp')}</p>
      {update.error ? <Alert type="error" showIcon title={errorText(update.error)} className="form-error" /> : null}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ pin }) => update.mutate({ id: staff.id, pin })}
      >
        <PinFields />
        <EnterSubmits />
      </Form>
    </Modal>
  );
}
