import { describe, expect, it } from 'vitest';
import {
  clampPick,
  estimateTotal,
  pickAll,
  refundRefusal,
  toRefundInput,
} from '../../renderer/screens/orders/refund-lines';
import { parseLimit, toFormValues, toUpdateInput } from '../../renderer/screens/settings/store-settings-form';
import {
  countTotal,
  denominationsFor,
  pieceProblem,
  refusedPieces,
  totalProblem,
} from '../../renderer/screens/shift/cash-count';
import type { OrderLine } from '../../shared/contract/orders';
import type { StoreInfo } from '../../shared/contract/store';
import { parsePercentBp } from '../../shared/money';
import { defaultSettings } from '../../shared/store-settings';

const store = {
  id: '01a20826-1249-7646-a0ae-afa67bdf5f2e',
  name: '柜台便利店',
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
  currencyExponent: 2,
  dayCutoffHour: 4,
  demo: false,
  businessDay: '2026-11-27',
  deviceCode: 'B',
  settings: {
    ...defaultSettings,
    cashRounding: { step: 10, mode: 'down' },
    discountApprovalPercentBp: 1_250,
    discountApprovalAmount: 5_050,
  },
} as StoreInfo;

const line = (partial: Record<string, unknown>): OrderLine =>
  ({
    lineNo: 1,
    quantity: 3,
    refundedQuantity: 0,
    refundedAmount: 0,
    net: 1_000,
    quantityKind: 'count',
    ...partial,
  }) as OrderLine;

describe('store settings form', () => {
  it('shows limits as people type them and sends back exactly what was stored', () => {
    const values = toFormValues(store);
    expect(values).toMatchObject({ discountPercent: '12.5', discountAmount: '50.50', varianceAmount: '10.00' });
    expect(toUpdateInput(values, 2, store.settings).settings).toEqual(store.settings);
    expect(toUpdateInput({ ...values, deviceCode: ' c2 ' }, 2, store.settings).deviceCode).toBe('C2');
  });

  it('refuses percentages over 100 and amounts with too many decimals', () => {
    expect(parsePercentBp('20')).toBe(2_000);
    expect(parsePercentBp('100.5')).toBeNull();
    expect(parseLimit('12.345', 2)).toBeNull();
    expect(parseLimit('-1', 2)).toBeNull();
    expect(parseLimit('0.29', 2)).toBe(29);
  });
});

describe('refund picks', () => {
  it('never pick more than is left, and weighed goods go back whole', () => {
    const counted = line({ refundedQuantity: 1, refundedAmount: 333 });
    expect(clampPick(counted, 5)).toBe(2);
    expect(clampPick(line({ quantityKind: 'weight', quantity: 1_250 }), 1)).toBe(1_250);
    const lines = [counted, line({ lineNo: 2, quantity: 1, refundedQuantity: 1, refundedAmount: 1_000 })];
    expect(toRefundInput(pickAll(lines))).toEqual([{ lineNo: 1, quantity: 2 }]);
    expect(estimateTotal(lines, pickAll(lines))).toBe(667);
  });
});

describe('cash count', () => {
  it('adds notes and coins in fen', () => {
    expect(denominationsFor('CNY')[0]).toBe(10_000);
    expect(countTotal({ 10000: 5, 10: 3, 50: 1 })).toBe(50_080);
  });
});

describe('refund and count refusals are said, never silent', () => {
  it('keeps a quantity above what is left or below 1 as typed and names it, instead of refunding ¥0.00', () => {
    const lines = [line({ lineNo: 1, quantity: 3, refundedQuantity: 1 }), line({ lineNo: 2, quantity: 1 })];
    expect(refundRefusal(lines, { 1: 5 }, 'Damaged')).toEqual({ code: 'too_many', lineNo: 1, left: 2 });
    expect(estimateTotal(lines, { 1: 5 })).toBe(0);
    expect(refundRefusal(lines, { 2: -1 }, 'Damaged')).toEqual({ code: 'too_few', lineNo: 2 });
    expect(refundRefusal(lines, { 1: 0 }, 'Damaged')).toEqual({ code: 'nothing' });
    expect(refundRefusal(lines, { 1: 2 }, '  ')).toEqual({ code: 'no_reason' });
    expect(refundRefusal(lines, { 1: 2 }, 'Damaged')).toBeNull();
  });

  it('refuses a blind count of −3 instead of taking it as 0', () => {
    const notes = denominationsFor('CNY');
    expect(pieceProblem(-3)).toBe('negative');
    expect(refusedPieces({ 10000: 2, 500: -3 }, notes)).toEqual([500]);
    expect(refusedPieces({ 10000: 2, 500: 3 }, notes)).toEqual([]);
    expect(totalProblem('-3', null)).toBe('negative');
    expect(totalProblem('', null)).toBe('empty');
    expect(totalProblem('abc', null)).toBe('not_amount');
    expect(totalProblem('0', 0)).toBeNull();
  });
});
