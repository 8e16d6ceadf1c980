import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/contract/catalog';
import { invalidateMethods, useApiMutation } from '../../api/use-api';
import { EditorModal } from '../../components/editor-modal';
import { EnterSubmits } from '../../components/enter-submits';

type CategoryValues = { nameZh: string; nameEn: string; sort: number; active: boolean };

type CategoryEditorProps = {
  category: Category | null;
  onClose(): void;
  /** The category as saved, before the editor closes: a product form picks the one just made. */
  onSaved?(saved: Category): void;
};

export function CategoryEditor({ category, onClose, onSaved }: CategoryEditorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CategoryValues>();
  const save = useApiMutation('catalog.saveCategory', {
    onSuccess: (saved) => {
      void invalidateMethods(queryClient, ['catalog.']);
      onSaved?.(saved);
      onClose();
    },
  });

  return (
    <EditorModal
      title={category ? t('categoryEditor.editTitle') : t('categoryEditor.newTitle')}
      saving={save.isPending}
      error={save.error}
      onSave={() => form.submit()}
      onClose={onClose}
      testId="category-editor"
    >
      <Form<CategoryValues>
        // Its own field ids: opened over a product's form, whose names are the same.
        name="category"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={category ?? { sort: 0, active: true }}
        onFinish={(values) =>
          save.mutate({
            id: category?.id,
            nameZh: values.nameZh.trim(),
            nameEn: values.nameEn.trim(),
            sort: values.sort ?? 0,
            active: values.active,
          })
        }
      >
        <Form.Item name="nameZh" label={t('product.nameZh')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={120} autoFocus />
        </Form.Item>
        <Form.Item name="nameEn" label={t('product.nameEn')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="sort" label={t('categoryEditor.sort')} extra={t('categoryEditor.sortHelp')}>
          <InputNumber min={0} max={10_000} precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t('product.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <EnterSubmits />
      </Form>
    </EditorModal>
  );
}
