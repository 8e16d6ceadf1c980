import type { TenderInput } from '../../../shared/contract/orders';
import { breach, type StoreLimits } from '../../../shared/limits';
import { parseDecimalAmount, toDecimalString } from '../../../shared/money';
import { settleTenders } from '../../../shared/payment/settle-tenders';
import { type CashRounding, roundCash } from '../../../shared/store-settings';

/** What the cashier types an amount for; points are taken from the member's offer, not typed. */
export type TenderMethod = Exclude<TenderInput['method'], 'points'>;

/** The tender being typed in: text as typed, so "12." stays on screen while someone types. */
export type TenderDraft = { method: TenderMethod; text: string; reference: string };

export type DraftProblem = 'amount' | 'reference' | null;

/** A draft as the core takes it, or what is wrong with it. An empty amount is no tender at all. */
export function readDraft(draft: TenderDraft, exponent: number): { tender: TenderInput | null; problem: DraftProblem } {
  const text = draft.text.trim();
  if (!text) return { tender: null, problem: null };
  const amount = parseDecimalAmount(text, exponent);
  if (amount === null || amount < 0) return { tender: null, problem: 'amount' };
  if (draft.method === 'cash') return { tender: { method: 'cash', tendered: amount }, problem: null };
  if (amount === 0) return { tender: null, problem: 'amount' };
  const reference = draft.reference.trim();
  if (!reference || reference.length > 64) return { tender: null, problem: 'reference' };
  return { tender: { method: draft.method, amount, reference }, problem: null };
}

/** Why Pay cannot go ahead, said next to the amount: nothing is ever refused without a word. */
export type PayRefusal =
  | { code: 'amount' | 'reference' | 'empty' }
  | { code: 'tender_short'; due: number; paid: number }
  | { code: 'tender_over'; due: number; noncash: number }
  /** More cash received than the store allows on one sale (the core refuses it the same way). */
  | { code: 'tender_limit'; max: number };

export function payRefusal(
  draft: TenderDraft,
  taken: readonly TenderInput[],
  total: number,
  rule: CashRounding,
  exponent: number,
  limits: StoreLimits,
): PayRefusal | null {
  const read = readDraft(draft, exponent);
  if (read.problem) return { code: read.problem };
  const tenders = read.tender ? [...taken, read.tender] : [...taken];
  if (tenders.length === 0) return { code: 'empty' };
  const cash = tenders.reduce((sum, t) => sum + (t.method === 'cash' ? t.tendered : 0), 0);
  const over = breach(limits, 'tender', cash);
  if (over) return { code: 'tender_limit', max: over.max };
  const settled = settleTenders(total, tenders, rule);
  return settled.ok ? null : settled;
}

/**
 * The tender the sums are previewed with: a card or wallet amount counts before its reference is
 * typed, so the cashier sees the change and what is left while the terminal is still printing.
 */
export function previewTender(draft: TenderDraft, exponent: number): TenderInput | null {
  if (draft.method === 'cash') return readDraft(draft, exponent).tender;
  return readDraft({ ...draft, reference: draft.reference.trim() || '-' }, exponent).tender;
}

/** What is still to pay after the tenders already taken, before cash rounding. */
export function stillDue(total: number, taken: readonly TenderInput[]): number {
  const paid = taken.reduce((sum, t) => sum + (t.method === 'cash' ? t.tendered : t.amount), 0);
  return Math.max(0, total - paid);
}

/** The amount a fresh draft starts with: cash is rounded the store's way, card and wallet are exact. */
export function defaultAmount(method: TenderMethod, due: number, rule: CashRounding): number {
  return method === 'cash' ? roundCash(due, rule) : due;
}

export function amountText(amount: number, exponent: number): string {
  return toDecimalString(amount as Parameters<typeof toDecimalString>[0], exponent);
}

/** Banknotes people hand over, in major units; the next ones above the amount due are offered. */
const notes = [10, 50, 100];

/**
 * Quick cash amounts: the exact (rounded) amount, then the next round sums of 10, 50 and 100 above
 * it (what people hand over), without repeats.
 */
export function cashSuggestions(due: number, exponent: number): number[] {
  const amounts = [due];
  for (const note of notes) {
    const step = note * 10 ** exponent;
    const next = Math.ceil(due / step) * step;
    if (next > due && !amounts.includes(next)) amounts.push(next);
  }
  return amounts.slice(0, 4);
}
