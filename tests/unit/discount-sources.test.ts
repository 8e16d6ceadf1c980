import { describe, expect, it } from 'vitest';
import type { Money } from '../../shared/money';
import {
  bySource,
  type DiscountedLine,
  discountsGivenBack,
  type SourcedDiscount,
  sourceKey,
} from '../../shared/pricing/discount-sources';
import { seededRandom } from '../support/random';

const m = (amount: number) => amount as Money;
const coupon = (campaignId: number, amount: number): SourcedDiscount => ({
  kind: 'coupon',
  campaignId,
  campaignName: `活动${campaignId}`,
  amount: m(amount),
});

describe('discount sources', () => {
  it('merges parts per source in the order the engine applies them, leaving out zeros', () => {
    expect(
      bySource([
        { kind: 'manual_order', amount: m(30) },
        coupon(2, 100),
        { kind: 'manual_line', amount: m(5) },
        coupon(1, 7),
        coupon(2, 50),
        { kind: 'manual_line', amount: m(0) },
      ]),
    ).toEqual([{ kind: 'manual_line', amount: 5 }, coupon(2, 150), coupon(1, 7), { kind: 'manual_order', amount: 30 }]);
  });

  it('gives back no more of a source than the order took, and all of it once every line is back, for 2,000 random refund sequences', () => {
    const random = seededRandom(5150);
    for (let run = 0; run < 2_000; run++) {
      const lines: DiscountedLine[] = Array.from({ length: 1 + random.int(4) }, (_, i) => ({
        lineNo: i + 1,
        quantity: 1 + random.int(random.next() < 0.3 ? 3_000 : 7),
        discounts: bySource(
          (
            [
              { kind: 'manual_line', amount: m(random.int(900)) },
              coupon(1 + random.int(3), random.int(2_000)),
              coupon(1 + random.int(3), random.int(50)),
              { kind: 'manual_order', amount: m(random.int(300)) },
            ] as SourcedDiscount[]
          ).filter(() => random.next() < 0.6),
        ),
      }));
      const original = new Map(bySource(lines.flatMap((l) => l.discounts)).map((d) => [sourceKey(d), d.amount]));
      const refunded = new Map<number, number>();
      const back = new Map<string, number>();
      // Refund a random part of a random line until everything is back.
      while (lines.some((l) => (refunded.get(l.lineNo) ?? 0) < l.quantity)) {
        const line = random.pick(lines);
        const left = line.quantity - (refunded.get(line.lineNo) ?? 0);
        if (left === 0) continue;
        const before = new Map(refunded);
        refunded.set(line.lineNo, line.quantity - left + 1 + random.int(left));
        for (const part of discountsGivenBack(lines, before, refunded)) {
          expect(part.amount).toBeGreaterThan(0);
          const total = (back.get(sourceKey(part)) ?? 0) + part.amount;
          expect(total).toBeLessThanOrEqual(original.get(sourceKey(part)) ?? -1);
          back.set(sourceKey(part), total);
        }
      }
      expect(back).toEqual(original);
    }
  });
});
