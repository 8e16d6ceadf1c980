import type { TenderInput } from '../contract/orders';
import { type CashRounding, roundCash } from '../store-settings';

export type SettledPayment = {
  method: 'cash' | 'card' | 'wallet' | 'points';
  /** What this tender paid towards the order (cash: tendered − change). */
  amount: number;
  tendered: number | null;
  change: number | null;
  reference: string | null;
  /** The points that paid `amount` on a points payment. */
  points: number | null;
};

export type Settlement =
  | {
      ok: true;
      payments: SettledPayment[];
      /** Cash rounding (抹零) on the cash part: paid = total + rounding. */
      rounding: number;
      paid: number;
      change: number;
    }
  | { ok: false; code: 'tender_short'; due: number; paid: number }
  | { ok: false; code: 'tender_over'; due: number; noncash: number };

/**
 * Splits a total over the tenders taken: card, wallet and points pay exactly what they recorded, cash pays
 * the rest rounded by the store's rule and gives change. Only cash gives change, so card, wallet
 * and points together may not exceed the total. The renderer previews with this and the core decides with it.
 */
export function settleTenders(total: number, tenders: readonly TenderInput[], rule: CashRounding): Settlement {
  const noncash = tenders.filter((t): t is Exclude<TenderInput, { method: 'cash' }> => t.method !== 'cash');
  const noncashSum = noncash.reduce((sum, t) => sum + t.amount, 0);
  if (noncashSum > total) return { ok: false, code: 'tender_over', due: total, noncash: noncashSum };
  const cashTendered = tenders.reduce((sum, t) => sum + (t.method === 'cash' ? t.tendered : 0), 0);
  const takesCash = tenders.some((t) => t.method === 'cash');
  const cashDueExact = total - noncashSum;
  const cashDue = takesCash ? roundCash(cashDueExact, rule) : cashDueExact;
  if (cashTendered < cashDue) {
    return { ok: false, code: 'tender_short', due: cashDue + noncashSum, paid: cashTendered + noncashSum };
  }
  const payments: SettledPayment[] = noncash.map((t) => ({
    method: t.method,
    amount: t.amount,
    tendered: null,
    change: null,
    reference: t.method === 'points' ? null : t.reference,
    points: t.method === 'points' ? t.points : null,
  }));
  const change = cashTendered - cashDue;
  if (takesCash && (cashDue > 0 || cashTendered > 0)) {
    payments.push({ method: 'cash', amount: cashDue, tendered: cashTendered, change, reference: null, points: null });
  }
  const rounding = cashDue - cashDueExact;
  return { ok: true, payments, rounding, paid: total + rounding, change };
}
