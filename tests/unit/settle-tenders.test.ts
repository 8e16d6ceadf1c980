import { describe, expect, it } from 'vitest';
import type { TenderInput } from '../../shared/contract/orders';
import { settleTenders } from '../../shared/payment/settle-tenders';
import { seededRandom } from '../support/random';

const none = { step: 1, mode: 'nearest' } as const;
const cash = (tendered: number) => ({ method: 'cash', tendered }) as TenderInput;
const card = (amount: number) => ({ method: 'card', amount, reference: 'R' }) as TenderInput;

describe('settling tenders', () => {
  it('gives change only in cash', () => {
    expect(settleTenders(1_350, [cash(2_000)], none)).toMatchObject({ ok: true, change: 650, paid: 1_350 });
    expect(settleTenders(1_350, [card(1_400)], none)).toMatchObject({ ok: false, code: 'tender_over' });
    expect(settleTenders(1_350, [card(1_000)], none)).toMatchObject({
      ok: false,
      code: 'tender_short',
      due: 1_350,
      paid: 1_000,
    });
  });

  it('rounds only the cash part, by the store rule', () => {
    const down = { step: 10, mode: 'down' } as const;
    expect(settleTenders(426, [cash(500)], down)).toMatchObject({ ok: true, rounding: -6, paid: 420, change: 80 });
    expect(settleTenders(426, [card(426)], down)).toMatchObject({ ok: true, rounding: 0, paid: 426 });
    const nearest = { step: 50, mode: 'nearest' } as const;
    expect(settleTenders(1_025, [card(1_000), cash(100)], nearest)).toMatchObject({
      ok: true,
      rounding: 25,
      paid: 1_050,
    });
    expect(settleTenders(1_024, [card(1_000), cash(0)], nearest)).toMatchObject({
      ok: true,
      rounding: -24,
      paid: 1_000,
    });
  });

  it('always pays exactly total + rounding across the tenders, over random splits', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 5_000; i++) {
      const total = random.int(100_000);
      const tenders: TenderInput[] = [];
      let left = total;
      while (random.int(3) > 0 && left > 0) {
        const part = 1 + random.int(left);
        tenders.push(card(part));
        left -= part;
      }
      tenders.push(cash(left + random.int(10_000)));
      const rule = random.pick([none, { step: 10, mode: 'down' }, { step: 50, mode: 'nearest' }] as const);
      const settled = settleTenders(total, tenders, rule);
      if (!settled.ok) {
        expect(settled.code).toBe('tender_short');
        continue;
      }
      expect(settled.payments.reduce((s, p) => s + p.amount, 0)).toBe(settled.paid);
      expect(settled.paid).toBe(total + settled.rounding);
      expect(Math.abs(settled.rounding)).toBeLessThan(rule.step);
      expect(settled.change).toBeGreaterThanOrEqual(0);
    }
  });
});
