import { AppstoreOutlined } from '@ant-design/icons';
import { Alert, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/contract/catalog';
import { useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { usePermission } from '../../hooks/use-permission';
import { ScreenHeader } from '../screen-header';
import { CategoryList } from './category-list';
import { CsvImportDialog } from './csv-import-dialog';
import { ProductEditor } from './product-editor';
import { ProductTable } from './product-table';
import '../screens.css';

type Editing = { product: Product | null; categoryId?: string } | null;

export function CatalogScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const canEdit = usePermission('catalog.edit') === 'allow';
  const categories = useApiQuery('catalog.listCategories', { includeInactive: canEdit });
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState(false);
  const list = categories.data?.categories ?? [];

  return (
    <div className="screen">
      <ScreenHeader title={t('nav.catalog')} icon={<AppstoreOutlined />} />
      {canEdit ? null : <Alert type="info" showIcon title={t('catalog.readOnly')} className="screen-note" />}
      {categories.error ? <Alert type="error" showIcon title={errorText(categories.error)} /> : null}
      <Tabs
        className="screen-tabs"
        items={[
          {
            key: 'products',
            label: t('catalog.products'),
            children: (
              <ProductTable
                categories={list}
                onEdit={(product, categoryId) => setEditing({ product, categoryId })}
                onImport={() => setImporting(true)}
              />
            ),
          },
          {
            key: 'categories',
            label: t('catalog.categories'),
            children: <CategoryList categories={list} loading={categories.isFetching} />,
          },
        ]}
      />
      {editing ? (
        <ProductEditor
          product={editing.product}
          categories={list}
          defaultCategoryId={editing.categoryId}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {importing ? <CsvImportDialog onClose={() => setImporting(false)} /> : null}
    </div>
  );
}
