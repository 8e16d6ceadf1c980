import {
  EditOutlined,
  ImportOutlined,
  LeftOutlined,
  PlusOutlined,
  RightOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Product } from '../../../shared/contract/catalog';
import { useApiQuery } from '../../api/use-api';
import { localNames } from '../../app/names';
import { useErrorText } from '../../app/use-error-text';
import { GuardedButton } from '../../components/guarded-button';
import { PriceText } from '../../components/price-text';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useLocale } from '../../i18n/use-locale';
import '../screens.css';

const pageSize = 20;

type ProductTableProps = {
  categories: Category[];
  onEdit(product: Product | null, categoryId?: string): void;
  onImport(): void;
};

export function ProductTable({ categories, onEdit, onImport }: ProductTableProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [page, setPage] = useState(0);
  const query = useDebouncedValue(text.trim(), 150);
  const products = useApiQuery(
    'catalog.searchProducts',
    { query, categoryId, includeInactive: true, limit: pageSize, offset: page * pageSize },
    { placeholderData: keepPreviousData },
  );
  const categoryNames = new Map(categories.map((c) => [c.id as string, localNames(c, locale).primary]));
  const denied = t('catalog.needsManager');

  const columns: ColumnsType<Product> = [
    {
      key: 'name',
      title: t('product.name'),
      render: (_, product) => (
        <span className="cell-names">
          <span>{localNames(product, locale).primary}</span>
          <span className="cell-secondary">{localNames(product, locale).secondary}</span>
        </span>
      ),
    },
    { key: 'sku', title: t('product.sku'), dataIndex: 'sku', width: 120 },
    {
      key: 'barcodes',
      title: t('product.barcodes'),
      width: 170,
      render: (_, product) =>
        product.barcodes.length === 0 ? (
          '—'
        ) : (
          <span className="cell-code">
            {product.barcodes[0]}
            {product.barcodes.length > 1 ? <Tag className="more-tag">+{product.barcodes.length - 1}</Tag> : null}
          </span>
        ),
    },
    {
      key: 'category',
      title: t('product.category'),
      width: 120,
      render: (_, p) => categoryNames.get(p.categoryId) ?? '—',
    },
    { key: 'price', title: t('product.price'), align: 'right', render: (_, p) => <PriceText product={p} /> },
    { key: 'tax', title: t('product.taxRate'), align: 'right', width: 80, render: (_, p) => `${p.taxRateBp / 100}%` },
    {
      key: 'status',
      title: t('product.status'),
      render: (_, p) => (
        <Space size={4} wrap>
          {p.active ? null : <Tag>{t('product.inactive')}</Tag>}
          {p.soldOut ? <Tag color="red">{t('product.soldOut')}</Tag> : null}
          {p.listedOnline ? <Tag color="blue">{t('product.online')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: '',
      width: 64,
      render: (_, p) => (
        <GuardedButton
          permission="catalog.edit"
          deniedText={denied}
          type="text"
          icon={<EditOutlined />}
          aria-label={t('common.edit')}
          title={t('common.edit')}
          onClick={() => onEdit(p)}
        />
      ),
    },
  ];

  return (
    <div className="product-table">
      <div className="toolbar">
        <Input
          className="toolbar-search"
          prefix={<SearchOutlined />}
          placeholder={t('catalog.searchPlaceholder')}
          value={text}
          allowClear
          onChange={(event) => {
            setText(event.target.value);
            setPage(0);
          }}
          data-testid="catalog-search"
        />
        <Select
          className="toolbar-filter"
          allowClear
          placeholder={t('catalog.allCategories')}
          value={categoryId}
          onChange={(value) => {
            setCategoryId(value);
            setPage(0);
          }}
          options={categories.map((c) => ({ value: c.id, label: localNames(c, locale).primary }))}
        />
        <span className="toolbar-spacer" />
        <GuardedButton permission="catalog.edit" deniedText={denied} icon={<ImportOutlined />} onClick={onImport}>
          {t('catalog.importCsv')}
        </GuardedButton>
        <GuardedButton
          permission="catalog.edit"
          deniedText={denied}
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => onEdit(null, categoryId)}
          data-testid="new-product"
        >
          {t('catalog.newProduct')}
        </GuardedButton>
      </div>
      {products.error ? <Alert type="error" showIcon title={errorText(products.error)} /> : null}
      <Table<Product>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={products.data?.items ?? []}
        loading={products.isFetching}
        pagination={false}
        data-testid="product-table"
      />
      <div className="pager">
        <Button icon={<LeftOutlined />} disabled={page === 0} onClick={() => setPage(page - 1)}>
          {t('common.previous')}
        </Button>
        <span className="pager-page">{t('common.page', { page: page + 1 })}</span>
        <Button disabled={!products.data?.hasMore} onClick={() => setPage(page + 1)}>
          {t('common.next')} <RightOutlined />
        </Button>
      </div>
    </div>
  );
}
