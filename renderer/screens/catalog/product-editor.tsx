import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Radio, Row, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Product } from '../../../shared/contract/catalog';
import { asMoney, parseAmount, parsePercentBp } from '../../../shared/money';
import { localNames } from '../../app/names';
import { useStoreInfo } from '../../app/store-provider';
import { EditorModal } from '../../components/editor-modal';
import { EnterSubmits } from '../../components/enter-submits';
import { useCurrencySymbol, useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';
import { CategoryEditor } from './category-editor';
import { barcodeRefusal, type ProductFormValues, toFormValues } from './product-form';
import { ProductOriginNote } from './product-origin-note';
import { useProductSave } from './use-product-save';

type ProductEditorProps = {
  /** null for a new product. */
  product: Product | null;
  categories: Category[];
  defaultCategoryId?: string;
  onClose(): void;
};

export function ProductEditor({ product, categories, defaultCategoryId, onClose }: ProductEditorProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const store = useStoreInfo();
  const [form] = Form.useForm<ProductFormValues>();
  // A store's first product needs a category first: made from here, and picked once saved (the
  // list passed in catches up when the catalog is read again).
  const [makingCategory, setMakingCategory] = useState(false);
  const [made, setMade] = useState<Category | null>(null);
  const symbol = useCurrencySymbol();
  const money = useMoney();
  const exponent = store.currencyExponent;
  const initialValues = useMemo(
    () => toFormValues(product, exponent, defaultCategoryId),
    [product, exponent, defaultCategoryId],
  );
  const save = useProductSave(product, categories, exponent, onClose);

  const amountRule = (optional: boolean): Rule => ({
    validator: (_, value: string | undefined) => {
      if (optional && !value?.trim()) return Promise.resolve();
      const amount = parseAmount(value, exponent);
      if (amount === null) return Promise.reject(new Error(t('productEditor.amountInvalid', { digits: exponent })));
      // The store's price limit; a cost is kept as entered, within the contract's bound.
      const max = store.settings.priceMax;
      return !optional && amount > max
        ? Promise.reject(new Error(t('limits.overLimit', { max: money(asMoney(max)) })))
        : Promise.resolve();
    },
  });
  // The core's own barcode rules and words: a wrong check digit is named before Save, not after.
  const barcodesRule: Rule = {
    validator: (_, value: string[] | undefined) => {
      const problem = barcodeRefusal(value ?? [], { locale, currency: store.currency });
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
  const taxRule: Rule = {
    validator: (_, value: string | undefined) =>
      parsePercentBp(value) !== null ? Promise.resolve() : Promise.reject(new Error(t('productEditor.taxInvalid'))),
  };

  return (
    <>
      <EditorModal
        title={product ? t('productEditor.editTitle') : t('productEditor.newTitle')}
        saving={save.pending}
        error={save.error}
        onSave={() => form.submit()}
        onClose={onClose}
        width={760}
        testId="product-editor"
      >
        <Form<ProductFormValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={initialValues}
          onFinish={save.save}
        >
          <ProductOriginNote origin={save.origin} />
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="nameZh" label={t('product.nameZh')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={120} autoFocus />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="nameEn" label={t('product.nameEn')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={120} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="categoryId"
                label={t('product.category')}
                rules={[{ required: true }]}
                extra={
                  categories.length === 0 && !made ? (
                    <span className="category-hint" data-testid="product-category-hint">
                      {t('productEditor.noCategories')}{' '}
                      <Button
                        type="link"
                        size="small"
                        icon={<PlusOutlined />}
                        onClick={() => setMakingCategory(true)}
                        data-testid="product-new-category"
                      >
                        {t('productEditor.newCategory')}
                      </Button>
                    </span>
                  ) : null
                }
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={[...categories, ...(made && !categories.some((c) => c.id === made.id) ? [made] : [])].map(
                    (c) => ({ value: c.id, label: localNames(c, locale).primary }),
                  )}
                  data-testid="product-category"
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="sku"
                label={t('product.sku')}
                rules={[{ required: true, pattern: /^[\w\-.]{1,40}$/, message: t('productEditor.skuInvalid') }]}
              >
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item
                name="barcodes"
                label={t('product.barcodes')}
                extra={t('productEditor.barcodesHelp')}
                rules={[barcodesRule]}
              >
                <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ' ', '|']} maxCount={10} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="plu"
                label={t('product.plu')}
                rules={[{ pattern: /^\d{5}$/, message: t('productEditor.pluInvalid') }]}
              >
                {/* No maxLength: a longer PLU is refused by the rule above, never cut to five digits. */}
                <Input inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="price" label={t('product.price')} rules={[{ required: true }, amountRule(false)]}>
                <Input inputMode="decimal" prefix={symbol} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="cost" label={t('product.cost')} rules={[amountRule(true)]}>
                <Input inputMode="decimal" prefix={symbol} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="taxRate" label={t('product.taxRate')} rules={[taxRule]}>
                <Input inputMode="decimal" suffix="%" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="unit" label={t('product.unit')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'each', label: t('product.unitEach') },
                    { value: 'kg', label: t('product.unitKg') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="active" label={t('product.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="listedOnline" label={t('product.listedOnline')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <EnterSubmits />
        </Form>
      </EditorModal>
      {/* Beside the product's dialog, not in it: its keys and Enter stay its own. */}
      {makingCategory ? (
        <CategoryEditor
          category={null}
          onClose={() => setMakingCategory(false)}
          onSaved={(saved) => {
            setMade(saved);
            form.setFieldValue('categoryId', saved.id);
          }}
        />
      ) : null}
    </>
  );
}
