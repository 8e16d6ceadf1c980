import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/contract/catalog';
import { GuardedButton } from '../../components/guarded-button';
import { CategoryEditor } from './category-editor';
import '../screens.css';

type Editing = { category: Category | null } | null;

export function CategoryList({ categories, loading }: { categories: Category[]; loading: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const denied = t('catalog.needsManager');

  const columns: ColumnsType<Category> = [
    { key: 'nameZh', title: t('product.nameZh'), dataIndex: 'nameZh' },
    { key: 'nameEn', title: t('product.nameEn'), dataIndex: 'nameEn' },
    { key: 'sort', title: t('categoryEditor.sort'), dataIndex: 'sort', width: 100, align: 'right' },
    { key: 'count', title: t('catalog.productCount'), dataIndex: 'productCount', width: 120, align: 'right' },
    {
      key: 'active',
      title: t('product.status'),
      width: 120,
      render: (_, c) =>
        c.active ? <Tag color="green">{t('product.active')}</Tag> : <Tag>{t('product.inactive')}</Tag>,
    },
    {
      key: 'actions',
      title: '',
      width: 100,
      render: (_, c) => (
        <GuardedButton
          permission="catalog.edit"
          deniedText={denied}
          icon={<EditOutlined />}
          onClick={() => setEditing({ category: c })}
        >
          {t('common.edit')}
        </GuardedButton>
      ),
    },
  ];

  return (
    <div>
      <div className="toolbar">
        <span className="toolbar-spacer" />
        <GuardedButton
          permission="catalog.edit"
          deniedText={denied}
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ category: null })}
        >
          {t('catalog.newCategory')}
        </GuardedButton>
      </div>
      <Table<Category>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={categories}
        loading={loading}
        pagination={false}
      />
      {editing ? <CategoryEditor category={editing.category} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
