import { describe, expect, it } from 'vitest';
import { movementLimitProblem } from '../../renderer/app/stock-quantity';
import { parseQuantity } from '../../renderer/screens/checkout/entry-parsing';
import {
  highestText,
  parseLimitField,
  toLimitFormValues,
  toLimitSettings,
} from '../../renderer/screens/settings/limit-form';
import { parseScaleLabel, SCALE_LABEL_MAX } from '../../shared/barcodes';
import { ceilings, defaultLimits, lineProblem } from '../../shared/limits';
import { Quantity } from '../../shared/pricing/cart';
import { defaultSettings, readSettings, StoreSettings } from '../../shared/store-settings';

describe('store limits', () => {
  it('are part of the store settings, with defaults under their ceilings, and old settings read as the defaults', () => {
    expect(StoreSettings.parse(defaultSettings)).toEqual(defaultSettings);
    expect(readSettings('{"receiptWidth":"58"}')).toMatchObject({ ...defaultLimits, receiptWidth: '58' });
    expect(StoreSettings.safeParse({ ...defaultSettings, priceMax: ceilings.price + 1 }).success).toBe(false);
  });

  it('read a price label as a weight at the line’s price per kg, refusing under 1 g or past the weight limit', () => {
    const settings = { ...defaultLimits, scaleLabel: 'price' as const };
    const label = (amount: number, unitPrice: number) =>
      lineProblem(settings, { unitPrice, quantity: { kind: 'priced', amount } } as never);
    expect(label(498, 498)).toBeNull();
    // 1 fen of potatoes at ¥4.98/kg is 2 g, a weight a scale gives; 1 fen of apples at ¥12.80/kg is not.
    expect(label(1, 498)).toBeNull();
    expect(label(1, 1_280)?.kind).toBe('label_weight');
    expect(label(99_999, 1)).toMatchObject({ kind: 'label_weight', max: defaultLimits.weightMaxGrams });
    expect(label(99_999, 0)?.kind).toBe('label_weight');
    expect(
      lineProblem({ ...settings, scaleLabel: 'weight' }, {
        unitPrice: 498,
        quantity: { kind: 'priced', amount: 498 },
      } as never),
    ).toEqual({
      kind: 'label_not_priced',
    });
  });

  it('take every value a scale label can print, and no more', () => {
    const label = parseScaleLabel('2200001999992', 'price');
    expect(label).toMatchObject({ kind: 'price', amount: SCALE_LABEL_MAX });
    expect(Quantity.safeParse({ kind: 'priced', amount: SCALE_LABEL_MAX }).success).toBe(true);
    expect(Quantity.safeParse({ kind: 'priced', amount: SCALE_LABEL_MAX + 1 }).success).toBe(false);
  });

  it('are typed in the form as people say them and come back exactly', () => {
    const values = toLimitFormValues(defaultLimits, 2);
    expect(values).toMatchObject({ priceMax: '99999.99', weightMaxGrams: '100', countMax: '999' });
    expect(toLimitSettings(values, 2, defaultLimits)).toEqual(defaultLimits);
    expect(parseLimitField('weightMaxGrams', '0.5', 2)).toBe(500);
    expect(parseLimitField('priceMax', '1000000', 2)).toBeNull();
    expect(parseLimitField('countMax', '0', 2)).toBeNull();
    expect(parseLimitField('cashInApprovalAmount', '0', 2)).toBe(0);
    expect(highestText('priceMax', 2)).toBe('999999.99');
  });

  it('show on the screen what the core refuses: quantities, weights and stock movements', () => {
    expect(parseQuantity('999', false, defaultLimits)).toEqual({ kind: 'count', count: 999 });
    expect(parseQuantity('1000', false, defaultLimits)).toBeNull();
    expect(parseQuantity('100', true, defaultLimits)).toEqual({ kind: 'weight', grams: 100_000 });
    expect(parseQuantity('100.001', true, defaultLimits)).toBeNull();
    expect(movementLimitProblem('receive', 10_001, 0, 10_000)).toEqual({ kind: 'over', max: 10_000 });
    expect(movementLimitProblem('waste', 6, 5, 10_000)).toEqual({ kind: 'belowZero', left: -1 });
    expect(movementLimitProblem('adjustment', -6, 5, 10_000)).toEqual({ kind: 'belowZero', left: -1 });
    expect(movementLimitProblem('count', 0, 5, 10_000)).toBeNull();
    expect(movementLimitProblem('waste', 5, 5, 10_000)).toBeNull();
  });
});
