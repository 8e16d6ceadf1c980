import { Alert, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../app/use-error-text';

type Props = {
  title: string;
  saving: boolean;
  /** The core's refusal of the last save, shown above the form in the user's language. */
  error: Error | null;
  onSave(): void;
  onClose(): void;
  width?: number;
  testId?: string;
  children: ReactNode;
};

/** The dialog every editor uses: Save and Cancel, a spinner while saving, the core's error on top. */
export function EditorModal({ title, saving, error, onSave, onClose, width, testId, children }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={onSave}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      data-testid={testId}
    >
      {error ? <Alert type="error" showIcon title={errorText(error)} className="form-error" /> : null}
      {children}
    </Modal>
  );
}
