import type { InputOf } from '../../../shared/contract';
import type { StoreInfo } from '../../../shared/contract/store';
import { asMoney, parseAmount, parsePercentBp, toDecimalString } from '../../../shared/money';
import type { CashRounding, StoreSettings } from '../../../shared/store-settings';
import { type LimitFormValues, toLimitFormValues, toLimitSettings } from './limit-form';

/** What the form's fields hold: amounts as typed decimals in major units, percentages as typed. */
export type StoreFormValues = LimitFormValues & {
  name: string;
  timeZone: string;
  dayCutoffHour: number;
  deviceCode: string;
  address: string;
  phone: string;
  receiptFooter: string;
  receiptUrlPattern: string;
  receiptWidth: StoreSettings['receiptWidth'];
  scaleLabel: StoreSettings['scaleLabel'];
  roundingStep: CashRounding['step'];
  roundingMode: CashRounding['mode'];
  discountPercent: string;
  discountAmount: string;
  varianceAmount: string;
};

export const roundingSteps: CashRounding['step'][] = [1, 5, 10, 50, 100];
const maxAmount = 1_000_000_000;

/** A limit in major units → minor units, or null when it is not a non-negative amount in range. */
export function parseLimit(text: string | undefined, exponent: number): number | null {
  const value = parseAmount(text, exponent);
  return value !== null && value <= maxAmount ? value : null;
}

const percentText = (bp: number) => toDecimalString(asMoney(bp), 2).replace(/\.?0+$/, '');

export function toFormValues(store: StoreInfo): StoreFormValues {
  const { settings } = store;
  const exponent = store.currencyExponent;
  return {
    name: store.name,
    timeZone: store.timeZone,
    dayCutoffHour: store.dayCutoffHour,
    deviceCode: store.deviceCode,
    address: settings.address,
    phone: settings.phone,
    receiptFooter: settings.receiptFooter,
    receiptUrlPattern: settings.receiptUrlPattern,
    receiptWidth: settings.receiptWidth,
    scaleLabel: settings.scaleLabel,
    roundingStep: settings.cashRounding.step,
    roundingMode: settings.cashRounding.mode,
    discountPercent: percentText(settings.discountApprovalPercentBp),
    discountAmount: toDecimalString(asMoney(settings.discountApprovalAmount), exponent),
    varianceAmount: toDecimalString(asMoney(settings.varianceApprovalAmount), exponent),
    ...toLimitFormValues(settings, exponent),
  };
}

/** Call only after the form validated, so every number parses. */
export function toUpdateInput(
  values: StoreFormValues,
  exponent: number,
  current: StoreSettings,
): InputOf<'store.update'> {
  return {
    name: values.name.trim(),
    timeZone: values.timeZone,
    dayCutoffHour: values.dayCutoffHour,
    deviceCode: values.deviceCode.trim().toUpperCase(),
    settings: {
      address: values.address?.trim() ?? '',
      phone: values.phone?.trim() ?? '',
      receiptFooter: values.receiptFooter?.trim() ?? '',
      receiptUrlPattern: values.receiptUrlPattern?.trim() ?? '',
      receiptWidth: values.receiptWidth,
      scaleLabel: values.scaleLabel,
      cashRounding: { step: values.roundingStep, mode: values.roundingMode },
      discountApprovalPercentBp: parsePercentBp(values.discountPercent) ?? 0,
      discountApprovalAmount: parseLimit(values.discountAmount, exponent) ?? 0,
      varianceApprovalAmount: parseLimit(values.varianceAmount, exponent) ?? 0,
      ...toLimitSettings(values, exponent, current),
    },
  };
}
