import type { InputOf } from '../../../shared/contract';
import { type Product, ProductInput } from '../../../shared/contract/catalog';
import { describeRefusal, type Words } from '../../../shared/field-messages';
import { asMoney, parseAmount, parsePercentBp, toDecimalString } from '../../../shared/money';

/** What the editor's fields hold: amounts as typed decimals, the tax rate in percent. */
export type ProductFormValues = {
  categoryId: string;
  sku: string;
  barcodes: string[];
  plu: string;
  nameZh: string;
  nameEn: string;
  price: string;
  cost: string;
  taxRate: string;
  unit: 'each' | 'kg';
  active: boolean;
  listedOnline: boolean;
};

export function toFormValues(
  product: Product | null,
  exponent: number,
  categoryId?: string,
): Partial<ProductFormValues> {
  if (!product) {
    return { categoryId, barcodes: [], taxRate: '13', cost: '', unit: 'each', active: true, listedOnline: true };
  }
  return {
    categoryId: product.categoryId,
    sku: product.sku,
    barcodes: product.barcodes,
    plu: product.plu ?? '',
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    price: toDecimalString(product.price, exponent),
    cost: product.cost === null ? '' : toDecimalString(product.cost, exponent),
    taxRate: toDecimalString(asMoney(product.taxRateBp), 2).replace(/\.?0+$/, ''),
    unit: product.unit,
    active: product.active,
    listedOnline: product.listedOnline,
  };
}

/** Call only after the form validated, so every amount parses. */
export function toProductInput(
  values: ProductFormValues,
  exponent: number,
  id: string | undefined,
): InputOf<'catalog.saveProduct'> {
  return {
    id,
    categoryId: values.categoryId,
    sku: values.sku.trim(),
    barcodes: values.barcodes.map((code) => code.trim()).filter(Boolean),
    plu: values.plu?.trim() ? values.plu.trim() : null,
    nameZh: values.nameZh.trim(),
    nameEn: values.nameEn.trim(),
    price: parseAmount(values.price, exponent) ?? 0,
    cost: values.cost?.trim() ? (parseAmount(values.cost, exponent) ?? 0) : 0,
    taxRateBp: parsePercentBp(values.taxRate) ?? 0,
    unit: values.unit,
    active: values.active,
    listedOnline: values.listedOnline,
  };
}

const BarcodesField = ProductInput.pick({ barcodes: true });

/** The first barcode the core would refuse, in its words ("Barcode 2 (…) has a wrong check digit…"). */
export function barcodeRefusal(codes: string[], words: Words): string | null {
  const cleaned = codes.map((code) => code.trim()).filter(Boolean);
  return describeRefusal(BarcodesField, { barcodes: cleaned }, words)[0]?.message ?? null;
}
