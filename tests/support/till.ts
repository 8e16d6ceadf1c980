import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail } from '../../shared/contract/orders';
import { uuidv7 } from '../../shared/ids';
import type { CartLine, Quantity } from '../../shared/pricing/cart';
import { type Caller, expectOk } from './callers';

/** A cart line for a product as the checkout screen makes it: the catalog's price at the time of adding. */
export function lineFor(product: Product, quantity: Quantity = { kind: 'count', count: 1 }): CartLine {
  return {
    lineId: uuidv7(),
    productId: product.id,
    unitPrice: product.price,
    taxRateBp: product.taxRateBp,
    quantity,
    discount: null,
  } as CartLine;
}

export async function productBySku(call: Caller, token: string, sku: string): Promise<Product> {
  const { items } = expectOk<{ items: Product[] }>(
    await call({ method: 'catalog.searchProducts', input: { query: sku }, sessionToken: token }),
  );
  const product = items.find((p) => p.sku === sku);
  if (!product) throw new Error(`no product ${sku}`);
  return product;
}

export async function openShift(call: Caller, token: string, float = 0): Promise<void> {
  const result = await call({ method: 'shift.open', input: { float }, sessionToken: token });
  if (!result.ok && result.error.code !== 'shift_already_open') throw new Error(result.error.message);
}

/** Pays a cart by card for exactly its total (the core answers what the total was). */
export async function payByCard(call: Caller, token: string, lines: CartLine[], total: number): Promise<OrderDetail> {
  const { order } = expectOk<{ order: OrderDetail }>(
    await call({
      method: 'orders.commit',
      input: { id: uuidv7(), cart: { lines }, tenders: [{ method: 'card', amount: total, reference: 'T1' }] },
      sessionToken: token,
    }),
  );
  return order;
}
