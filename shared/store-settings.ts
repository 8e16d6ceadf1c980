import { z } from 'zod';
import { fieldMessage } from './field-messages';
import { defaultLimits, limitFields } from './limits';
import type { PricingPolicy } from './pricing/cart';

/** Cash rounding (抹零): the cash part of a payment rounded to `step` minor units. Step 1 is none. */
export const CashRounding = z.object({
  step: z.union([z.literal(1), z.literal(5), z.literal(10), z.literal(50), z.literal(100)]),
  mode: z.enum(['nearest', 'down']),
});
export type CashRounding = z.infer<typeof CashRounding>;

/** `{number}` and `{id}` are filled in per order; only web links, so a receipt QR never opens something else. */
export const ReceiptUrlPattern = z
  .string()
  .trim()
  .max(300)
  .refine((v) => v === '' || (/^https?:\/\/[^\s]+$/.test(v) && /\{(id|number)\}/.test(v)), fieldMessage('receipt_url'));

const fields = {
  address: z.string().trim().max(120),
  phone: z.string().trim().max(40),
  receiptFooter: z.string().trim().max(200),
  receiptUrlPattern: ReceiptUrlPattern,
  receiptWidth: z.enum(['58', '80']),
  /** What the store's scales print into the value digits of a 2x label. */
  scaleLabel: z.enum(['price', 'weight']),
  cashRounding: CashRounding,
  /** Manual discounts above either limit need a manager: share of the order in basis points, and an amount. */
  discountApprovalPercentBp: z.number().int().min(0).max(10_000),
  discountApprovalAmount: z.number().int().min(0).max(1_000_000_000),
  /** A cash count off by more than this needs a manager to close the shift. */
  varianceApprovalAmount: z.number().int().min(0).max(1_000_000_000),
  ...limitFields,
};

export const defaultSettings: { [K in keyof typeof fields]: z.infer<(typeof fields)[K]> } = {
  address: '',
  phone: '',
  receiptFooter: '',
  receiptUrlPattern: '',
  receiptWidth: '80',
  scaleLabel: 'price',
  cashRounding: { step: 1, mode: 'nearest' },
  discountApprovalPercentBp: 2_000,
  discountApprovalAmount: 5_000,
  varianceApprovalAmount: 1_000,
  ...defaultLimits,
};

/** Store-wide rules and receipt details, stored as JSON and read over the defaults, so new settings need no migration. */
export const StoreSettings = z.object(fields);
export type StoreSettings = z.infer<typeof StoreSettings>;
/** A change to some settings; what is left out stays as it was. */
export const StoreSettingsPatch = StoreSettings.partial();

export function readSettings(json: string | null): StoreSettings {
  let raw: unknown = {};
  try {
    raw = json ? JSON.parse(json) : {};
  } catch {
    raw = {};
  }
  const parsed = StoreSettingsPatch.safeParse(raw);
  return { ...defaultSettings, ...(parsed.success ? parsed.data : {}) };
}

/** Applies a cash rounding rule to an amount due in cash. */
export function roundCash(amount: number, rule: CashRounding): number {
  if (rule.step === 1) return amount;
  const down = Math.floor(amount / rule.step) * rule.step;
  if (rule.mode === 'down') return down;
  return amount - down >= rule.step / 2 ? down + rule.step : down;
}

/** The store's manual-discount limits as the pricing engine takes them, on the screen and in the core. */
export function pricingPolicy(settings: StoreSettings): PricingPolicy {
  return {
    approvalAbovePercentBp: settings.discountApprovalPercentBp,
    approvalAboveAmount: settings.discountApprovalAmount,
  };
}
