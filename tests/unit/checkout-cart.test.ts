import { describe, expect, it } from 'vitest';
import {
  addProduct,
  type CartState,
  emptyCartState,
  itemCount,
  neighbourAfterRemoval,
  readSavedCart,
  removeLine,
  scaleQuantity,
  setLineDiscount,
  setUnitPrices,
  stepCount,
} from '../../renderer/screens/checkout/cart-model';
import { parseDiscountValue, parseQuantity } from '../../renderer/screens/checkout/entry-parsing';
import { cashSuggestions, previewTender, readDraft, stillDue } from '../../renderer/screens/checkout/payment-model';
import { parseScaleLabel } from '../../shared/barcodes';
import type { Product } from '../../shared/contract/catalog';
import { settleTenders } from '../../shared/payment/settle-tenders';
import { priceCart } from '../../shared/pricing/price-cart';

function product(overrides: Partial<Record<keyof Product, unknown>>): Product {
  return {
    id: '01a20826-1249-7646-a0ae-afa67bdf5f2e',
    categoryId: '01a20826-1249-7646-a0ae-afa67bdf5f2f',
    sku: 'DRK-0001',
    barcodes: ['6921168478354'],
    plu: null,
    nameZh: '农夫山泉饮用天然水 550ml',
    nameEn: 'Nongfu Spring Natural Water 550ml',
    price: 200,
    cost: null,
    taxRateBp: 1300,
    unit: 'each',
    active: true,
    listedOnline: true,
    soldOut: false,
    updatedAt: 0,
    ...overrides,
  } as Product;
}

const water = product({});
const apples = product({
  id: '01a20826-1249-7646-a0ae-afa67bdf5f30',
  sku: 'FRU-0001',
  plu: '10001',
  unit: 'kg',
  price: 1280,
  taxRateBp: 900,
});

/** Ids as a till would make them, but predictable. */
function counter() {
  let n = 0;
  const next = () => `01a20826-1249-7646-a0ae-${String(++n).padStart(12, '0')}`;
  return { cartId: next, lineId: next };
}

const policy = { approvalAbovePercentBp: 2_000, approvalAboveAmount: 5_000 };

describe('the cart on the till', () => {
  it('makes the cart id with the first line and keeps it; a repeat scan adds one to the same line', () => {
    const ids = counter();
    const first = addProduct(emptyCartState, water, { kind: 'count', count: 1 }, ids);
    expect(first.state.id).toBe('01a20826-1249-7646-a0ae-000000000001');
    const second = addProduct(first.state, water, { kind: 'count', count: 1 }, ids);
    expect(second.state.id).toBe(first.state.id);
    expect(second.lineId).toBe(first.lineId);
    expect(second.state.cart.lines).toHaveLength(1);
    expect(second.state.cart.lines[0]).toMatchObject({ unitPrice: 200, taxRateBp: 1300, quantity: { count: 2 } });
    expect(second.state.products[water.id]).toEqual({
      nameZh: water.nameZh,
      nameEn: water.nameEn,
      sku: 'DRK-0001',
      unit: 'each',
    });
  });

  it('starts a new line when the existing one carries a discount or the price changed', () => {
    const ids = counter();
    const first = addProduct(emptyCartState, water, { kind: 'count', count: 1 }, ids);
    const discounted = setLineDiscount(first.state, first.lineId, { kind: 'amount', value: 50, reason: 'Dented' });
    const again = addProduct(discounted, water, { kind: 'count', count: 1 }, ids);
    expect(again.state.cart.lines).toHaveLength(2);
    const repriced = addProduct(first.state, product({ price: 250 }), { kind: 'count', count: 1 }, ids);
    expect(repriced.state.cart.lines.map((line) => line.unitPrice)).toEqual([200, 250]);
  });

  it('adds scale labels as their own lines: grams from a weight label, the printed amount from a price label', () => {
    const weight = parseScaleLabel(`201000100532${checkDigit('201000100532')}`, 'weight');
    const price = parseScaleLabel(`201000100681${checkDigit('201000100681')}`, 'price');
    expect(weight && scaleQuantity(weight)).toEqual({ kind: 'weight', grams: 532 });
    expect(price && scaleQuantity(price)).toEqual({ kind: 'priced', amount: 681 });
    const ids = counter();
    let state: CartState = emptyCartState;
    state = addProduct(state, apples, { kind: 'weight', grams: 532 }, ids).state;
    state = addProduct(state, apples, { kind: 'priced', amount: 681 }, ids).state;
    expect(state.cart.lines).toHaveLength(2);
    const priced = priceCart(state.cart, policy);
    // 12.80 per kg × 0.532 kg = 6.8096 → 6.81; the price label pays what it printed.
    expect(priced.lines.map((line) => line.gross)).toEqual([681, 681]);
    expect(itemCount(state.cart)).toBe(2);
  });

  it('steps counts between 1 and 9,999 and leaves weights alone', () => {
    const ids = counter();
    const { state, lineId } = addProduct(emptyCartState, water, { kind: 'count', count: 1 }, ids);
    expect(stepCount(state, lineId, -1).cart.lines[0].quantity).toEqual({ kind: 'count', count: 1 });
    expect(stepCount(stepCount(state, lineId, 1), lineId, 1).cart.lines[0].quantity).toEqual({
      kind: 'count',
      count: 3,
    });
    const weighed = addProduct(emptyCartState, apples, { kind: 'weight', grams: 500 }, ids);
    expect(stepCount(weighed.state, weighed.lineId, 1)).toBe(weighed.state);
  });

  it('selects the neighbour of a removed line and keeps the id of an emptied sale', () => {
    const ids = counter();
    let state: CartState = emptyCartState;
    const lineIds: string[] = [];
    for (const item of [water, apples, product({ id: '01a20826-1249-7646-a0ae-afa67bdf5f31', sku: 'X' })]) {
      const added = addProduct(
        state,
        item,
        item.unit === 'kg' ? { kind: 'weight', grams: 10 } : { kind: 'count', count: 1 },
        ids,
      );
      state = added.state;
      lineIds.push(added.lineId);
    }
    expect(neighbourAfterRemoval(state.cart.lines, lineIds[1])).toBe(lineIds[2]);
    expect(neighbourAfterRemoval(state.cart.lines, lineIds[2])).toBe(lineIds[1]);
    for (const id of lineIds) state = removeLine(state, id);
    expect(state.cart.lines).toEqual([]);
    expect(state.id).not.toBeNull();
    expect(neighbourAfterRemoval([], 'x')).toBeNull();
  });

  it('takes today’s prices for every line of a product', () => {
    const ids = counter();
    const { state } = addProduct(emptyCartState, water, { kind: 'count', count: 2 }, ids);
    expect(setUnitPrices(state, new Map([[water.id, 220]])).cart.lines[0].unitPrice).toBe(220);
  });

  it('reads a saved cart back, and starts empty from anything it cannot read', () => {
    const ids = counter();
    const { state } = addProduct(emptyCartState, water, { kind: 'count', count: 3 }, ids);
    expect(readSavedCart(JSON.stringify(state))).toEqual(state);
    expect(readSavedCart(null)).toEqual(emptyCartState);
    expect(readSavedCart('{not json')).toEqual(emptyCartState);
    expect(readSavedCart(JSON.stringify({ id: 'nope', cart: { lines: [] }, products: {} }))).toEqual(emptyCartState);
  });
});

describe('what the cashier types', () => {
  it('reads counts and kilograms without floating point', () => {
    expect(parseQuantity('3', false)).toEqual({ kind: 'count', count: 3 });
    expect(parseQuantity('0', false)).toBeNull();
    expect(parseQuantity('1.5', false)).toBeNull();
    expect(parseQuantity('10000', false)).toBeNull();
    expect(parseQuantity('0.532', true)).toEqual({ kind: 'weight', grams: 532 });
    expect(parseQuantity('0.29', true)).toEqual({ kind: 'weight', grams: 290 });
    expect(parseQuantity('0.0001', true)).toBeNull();
    expect(parseQuantity('1001', true)).toBeNull();
  });

  it('reads discounts as basis points or minor units', () => {
    expect(parseDiscountValue('10', 'percent', 2)).toBe(1_000);
    expect(parseDiscountValue('12.5', 'percent', 2)).toBe(1_250);
    expect(parseDiscountValue('100.01', 'percent', 2)).toBeNull();
    expect(parseDiscountValue('0', 'amount', 2)).toBeNull();
    expect(parseDiscountValue('5.20', 'amount', 2)).toBe(520);
    expect(parseDiscountValue('abc', 'amount', 2)).toBeNull();
  });

  it('turns tender drafts into what the core takes, and says what is missing', () => {
    expect(readDraft({ method: 'cash', text: '50', reference: '' }, 2)).toEqual({
      tender: { method: 'cash', tendered: 5_000 },
      problem: null,
    });
    expect(readDraft({ method: 'cash', text: '', reference: '' }, 2)).toEqual({ tender: null, problem: null });
    expect(readDraft({ method: 'card', text: '20', reference: ' ' }, 2).problem).toBe('reference');
    expect(readDraft({ method: 'wallet', text: '0', reference: 'W1' }, 2).problem).toBe('amount');
    expect(readDraft({ method: 'card', text: '12.345', reference: 'C1' }, 2).problem).toBe('amount');
    expect(readDraft({ method: 'wallet', text: '20', reference: ' W1 ' }, 2).tender).toEqual({
      method: 'wallet',
      amount: 2_000,
      reference: 'W1',
    });
  });

  it('previews a card amount before its reference is typed, but never pays without one', () => {
    const draft = { method: 'card' as const, text: '30', reference: '' };
    expect(readDraft(draft, 2).tender).toBeNull();
    expect(previewTender(draft, 2)).toMatchObject({ method: 'card', amount: 3_000 });
    expect(previewTender({ method: 'cash', text: 'x', reference: '' }, 2)).toBeNull();
  });

  it('offers exact cash and the next round notes above it', () => {
    expect(cashSuggestions(2_350, 2)).toEqual([2_350, 3_000, 5_000, 10_000]);
    expect(cashSuggestions(5_000, 2)).toEqual([5_000, 10_000]);
    expect(cashSuggestions(2_350, 0)).toEqual([2_350, 2_400]);
    expect(cashSuggestions(12_000, 2)).toEqual([12_000, 15_000, 20_000]);
    expect(cashSuggestions(0, 2)).toEqual([0]);
  });

  it('works out a split tender the way the core settles it', () => {
    const taken = [{ method: 'card' as const, amount: 3_000 as never, reference: 'C1' }];
    expect(stillDue(4_523, taken)).toBe(1_523);
    const settled = settleTenders(4_523, [...taken, { method: 'cash', tendered: 2_000 as never }], {
      step: 10,
      mode: 'down',
    });
    expect(settled).toMatchObject({ ok: true, rounding: -3, paid: 4_520, change: 480 });
  });
});

function checkDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
}
