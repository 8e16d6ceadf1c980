import { z } from 'zod';
import type { ScaleLabel } from '../../../shared/barcodes';
import type { Product } from '../../../shared/contract/catalog';
import { MemberCard } from '../../../shared/contract/members';
import { ScannedVoucher } from '../../../shared/contract/vouchers';
import { OrderId } from '../../../shared/ids';
import { ceilings } from '../../../shared/limits';
import { Cart, type CartLine, type ManualDiscount, type Quantity } from '../../../shared/pricing/cart';

/** What a line needs to show that the cart itself does not carry. */
export const LineProduct = z.object({
  nameZh: z.string(),
  nameEn: z.string(),
  sku: z.string(),
  unit: z.enum(['each', 'kg']),
});
export type LineProduct = z.infer<typeof LineProduct>;

/**
 * The sale on the till. `id` is made with the first line and stays through failed payments, so it
 * is the order's id and the payment's idempotency key; it goes only with a payment, a park or a clear.
 */
export const CartState = z.object({
  id: OrderId.nullable(),
  cart: Cart,
  products: z.record(z.string(), LineProduct),
  /** Each product's category id, for coupons limited to categories. */
  categories: z.record(z.string(), z.string()).default({}),
  /** What the check said about each coupon on the cart, by redemption id: the campaign prices it. */
  vouchers: z.record(z.string(), ScannedVoucher).default({}),
  /** The core's refusal of a coupon at payment, by redemption id, until the cashier removes it. */
  refusals: z.record(z.string(), z.string()).default({}),
  /** The member's card as the core gave it; the cart carries only the id (a resumed sale has no card). */
  member: MemberCard.nullable().default(null),
});
export type CartState = z.infer<typeof CartState>;

export const emptyCartState: CartState = {
  id: null,
  cart: { lines: [], orderDiscount: null, coupons: [] },
  products: {},
  categories: {},
  vouchers: {},
  refusals: {},
  member: null,
};

/** Ids are handed in so the functions stay pure and testable. */
export type NewIds = { cartId(): string; lineId(): string };

export function lineProduct(product: Pick<Product, 'nameZh' | 'nameEn' | 'sku' | 'unit'>): LineProduct {
  return { nameZh: product.nameZh, nameEn: product.nameEn, sku: product.sku, unit: product.unit };
}

/** The quantity a scale label stands for: grams from a weight label, the printed amount from a price label. */
export function scaleQuantity(label: ScaleLabel): Quantity {
  return label.kind === 'weight' ? { kind: 'weight', grams: label.grams } : { kind: 'priced', amount: label.amount };
}

/**
 * Adds a product. A count item scanned again at the same price adds one to its line, unless that line
 * carries a discount someone gave for those items only. Returns the line that changed.
 */
export function addProduct(
  state: CartState,
  product: Product,
  quantity: Quantity,
  ids: NewIds,
): { state: CartState; lineId: string } {
  const lines = state.cart.lines;
  const products = { ...state.products, [product.id]: lineProduct(product) };
  const categories = { ...state.categories, [product.id]: product.categoryId as string };
  const id = state.id ?? OrderId.parse(ids.cartId());
  if (quantity.kind === 'count') {
    const same = lines.findLast(
      (line) =>
        line.productId === product.id &&
        line.quantity.kind === 'count' &&
        line.discount === null &&
        line.unitPrice === product.price,
    );
    if (same && same.quantity.kind === 'count') {
      const count = Math.min(maxCount, same.quantity.count + quantity.count);
      const changed = replaceLine(lines, same.lineId, { ...same, quantity: { kind: 'count', count } });
      const next = { ...state, id, cart: { ...state.cart, lines: changed }, products, categories };
      return { state: next, lineId: same.lineId };
    }
  }
  const line: CartLine = {
    lineId: ids.lineId(),
    productId: product.id,
    unitPrice: product.price,
    taxRateBp: product.taxRateBp,
    quantity,
    discount: null,
  };
  const next = { ...state, id, cart: { ...state.cart, lines: [...lines, line] }, products, categories };
  return { state: next, lineId: line.lineId };
}

/** The contract's bound; the store's own limit is checked when typed and at Pay. */
export const maxCount = ceilings.count;

/** +1 / −1 on a count line; never below one (removing a line is its own, deliberate action). */
export function stepCount(state: CartState, lineId: string, step: 1 | -1): CartState {
  const line = state.cart.lines.find((each) => each.lineId === lineId);
  if (line?.quantity.kind !== 'count') return state;
  const count = Math.min(maxCount, Math.max(1, line.quantity.count + step));
  return setQuantity(state, lineId, { kind: 'count', count });
}

export function setQuantity(state: CartState, lineId: string, quantity: Quantity): CartState {
  return updateLine(state, lineId, (line) => ({ ...line, quantity }));
}

export function setLineDiscount(state: CartState, lineId: string, discount: ManualDiscount | null): CartState {
  return updateLine(state, lineId, (line) => ({ ...line, discount }));
}

export function setOrderDiscount(state: CartState, discount: ManualDiscount | null): CartState {
  return { ...state, cart: { ...state.cart, orderDiscount: discount } };
}

export function setUnitPrices(state: CartState, prices: ReadonlyMap<string, number>): CartState {
  const lines = state.cart.lines.map((line) => {
    const price = prices.get(line.productId);
    return price === undefined ? line : { ...line, unitPrice: price as CartLine['unitPrice'] };
  });
  return { ...state, cart: { ...state.cart, lines } };
}

/** The last line keeps the cart's id: an emptied sale is still the same sale until it is cleared. */
export function removeLine(state: CartState, lineId: string): CartState {
  const lines = state.cart.lines.filter((line) => line.lineId !== lineId);
  return { ...state, cart: { ...state.cart, lines } };
}

/** A sale brought back from the parked list; names are filled in as the products are read. */
export function resumedCart(id: string, cart: Cart, products: CartState['products'] = {}): CartState {
  return { id: OrderId.parse(id), cart, products, categories: {}, vouchers: {}, refusals: {}, member: null };
}

/** The line to select after `lineId` went away: the one below it, or the new last one. */
export function neighbourAfterRemoval(lines: readonly CartLine[], lineId: string): string | null {
  const index = lines.findIndex((line) => line.lineId === lineId);
  const rest = lines.filter((line) => line.lineId !== lineId);
  if (rest.length === 0) return null;
  return rest[Math.min(Math.max(index, 0), rest.length - 1)].lineId;
}

/** Reads a saved cart back; anything unreadable (an older shape, a hand edit) starts an empty sale. */
export function readSavedCart(json: string | null): CartState {
  if (!json) return emptyCartState;
  try {
    const parsed = CartState.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : emptyCartState;
  } catch {
    return emptyCartState;
  }
}

export function itemCount(cart: Cart): number {
  return cart.lines.reduce((sum, line) => sum + (line.quantity.kind === 'count' ? line.quantity.count : 1), 0);
}

function updateLine(state: CartState, lineId: string, change: (line: CartLine) => CartLine): CartState {
  const line = state.cart.lines.find((each) => each.lineId === lineId);
  if (!line) return state;
  return { ...state, cart: { ...state.cart, lines: replaceLine(state.cart.lines, lineId, change(line)) } };
}

function replaceLine(lines: readonly CartLine[], lineId: string, next: CartLine): CartLine[] {
  return lines.map((line) => (line.lineId === lineId ? next : line));
}

/** The member found for this sale goes on the cart by id; the card is for the screen. */
export function attachMember(state: CartState, member: MemberCard): CartState {
  return { ...state, member, cart: { ...state.cart, memberId: member.id } };
}

export function detachMember(state: CartState): CartState {
  return { ...state, member: null, cart: { ...state.cart, memberId: null } };
}
